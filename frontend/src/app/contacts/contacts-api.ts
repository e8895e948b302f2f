import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { HistoryPage, MergeRequest } from '@api/common/fields.schema';
import type { ContactCreate, ContactPage, ContactUpdate, ContactView } from '@api/contacts/contacts.schema';
import { partnerListParams } from '../partners/partners-api';

export const contactsUrl = '/api/v1/contacts';

export type ContactFilters = {
  q?: string;
  partner?: string[];
  role?: string;
  language?: string[];
  country?: string[];
  deleted?: boolean;
  sort?: string;
  cursor?: string;
  limit?: number;
};

@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);

  list(filters: ContactFilters): Promise<ContactPage> {
    return firstValueFrom(this.http.get<ContactPage>(contactsUrl, { params: partnerListParams(filters) }));
  }

  get(id: number): Promise<ContactView> {
    return firstValueFrom(this.http.get<ContactView>(`${contactsUrl}/${id}`));
  }

  create(body: ContactCreate): Promise<ContactView> {
    return firstValueFrom(this.http.post<ContactView>(contactsUrl, body));
  }

  update(id: number, body: ContactUpdate): Promise<ContactView> {
    return firstValueFrom(this.http.patch<ContactView>(`${contactsUrl}/${id}`, body));
  }

  delete(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${contactsUrl}/${id}`));
  }

  restore(id: number): Promise<ContactView> {
    return firstValueFrom(this.http.post<ContactView>(`${contactsUrl}/${id}/restore`, null));
  }

  merge(id: number, body: MergeRequest): Promise<ContactView> {
    return firstValueFrom(this.http.post<ContactView>(`${contactsUrl}/${id}/merge`, body));
  }

  history(id: number, cursor?: string): Promise<HistoryPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return firstValueFrom(this.http.get<HistoryPage>(`${contactsUrl}/${id}/history`, params ? { params } : {}));
  }
}
