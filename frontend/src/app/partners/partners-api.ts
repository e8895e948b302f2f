import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { HistoryPage, MergeRequest, Person } from '@api/common/fields.schema';
import type { PartnerCreate, PartnerPage, PartnerUpdate, PartnerView } from '@api/partners/partners.schema';
import type { RelationshipCreate, RelationshipList, RelationshipView } from '@api/relationships/relationships.schema';

export const partnersUrl = '/api/v1/partners';

export type PartnerFilters = {
  q?: string;
  kind?: string[];
  status?: string[];
  country?: string[];
  tag?: string[];
  owner?: string[];
  objective?: string[];
  deleted?: boolean;
  sort?: string;
  cursor?: string;
  limit?: number;
};

/** Query parameters of the list, repeated for several values (?kind=a&kind=b). */
export function partnerListParams(filters: PartnerFilters): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params = params.append(key, item);
    else params = params.set(key, String(value));
  }
  return params;
}

@Injectable({ providedIn: 'root' })
export class PartnersApi {
  private readonly http = inject(HttpClient);

  list(filters: PartnerFilters): Promise<PartnerPage> {
    return firstValueFrom(this.http.get<PartnerPage>(partnersUrl, { params: partnerListParams(filters) }));
  }

  get(id: number): Promise<PartnerView> {
    return firstValueFrom(this.http.get<PartnerView>(`${partnersUrl}/${id}`));
  }

  create(body: PartnerCreate): Promise<PartnerView> {
    return firstValueFrom(this.http.post<PartnerView>(partnersUrl, body));
  }

  update(id: number, body: PartnerUpdate): Promise<PartnerView> {
    return firstValueFrom(this.http.patch<PartnerView>(`${partnersUrl}/${id}`, body));
  }

  delete(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${partnersUrl}/${id}`));
  }

  restore(id: number): Promise<PartnerView> {
    return firstValueFrom(this.http.post<PartnerView>(`${partnersUrl}/${id}/restore`, null));
  }

  merge(id: number, body: MergeRequest): Promise<PartnerView> {
    return firstValueFrom(this.http.post<PartnerView>(`${partnersUrl}/${id}/merge`, body));
  }

  history(id: number, cursor?: string): Promise<HistoryPage> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return firstValueFrom(this.http.get<HistoryPage>(`${partnersUrl}/${id}/history`, params ? { params } : {}));
  }

  relationships(partnerId: number): Promise<RelationshipList> {
    return firstValueFrom(this.http.get<RelationshipList>('/api/v1/relationships', { params: { partner: partnerId } }));
  }

  link(body: RelationshipCreate): Promise<RelationshipView> {
    return firstValueFrom(this.http.post<RelationshipView>('/api/v1/relationships', body));
  }

  unlink(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/v1/relationships/${id}`));
  }

  owners(): Promise<{ items: Person[] }> {
    return firstValueFrom(this.http.get<{ items: Person[] }>('/api/v1/users/owners'));
  }
}
