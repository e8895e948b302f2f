import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { BriefingPack } from '@api/briefing/briefing.schema';
import type { HistoryPage } from '@api/common/fields.schema';
import type { VisitCreate, VisitPage, VisitUpdate, VisitView } from '@api/visits/visits.schema';

export const visitsUrl = '/api/v1/visits';

export type VisitFilters = { direction?: string[]; partner?: string[]; objective?: string[]; sort?: string; cursor?: string; limit?: number };

/** Query parameters from a filter object: arrays repeat, empty values are left out. */
export function listParams(filters: Record<string, string | string[] | number | boolean | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value]) params = params.append(key, String(item));
  }
  return params;
}

/** Where the PDF briefing pack of a visit, or of a partner alone, is downloaded from. */
export const visitBriefingPdfUrl = (id: number) => `${visitsUrl}/${id}/briefing/pdf`;
export const partnerBriefingPdfUrl = (id: number) => `/api/v1/partners/${id}/briefing/pdf`;

@Injectable({ providedIn: 'root' })
export class VisitsApi {
  private readonly http = inject(HttpClient);

  list(filters: VisitFilters): Promise<VisitPage> {
    return firstValueFrom(this.http.get<VisitPage>(visitsUrl, { params: listParams(filters) }));
  }

  get(id: number): Promise<VisitView> {
    return firstValueFrom(this.http.get<VisitView>(`${visitsUrl}/${id}`));
  }

  create(body: VisitCreate): Promise<VisitView> {
    return firstValueFrom(this.http.post<VisitView>(visitsUrl, body));
  }

  update(id: number, body: VisitUpdate): Promise<VisitView> {
    return firstValueFrom(this.http.patch<VisitView>(`${visitsUrl}/${id}`, body));
  }

  delete(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${visitsUrl}/${id}`));
  }

  restore(id: number): Promise<VisitView> {
    return firstValueFrom(this.http.post<VisitView>(`${visitsUrl}/${id}/restore`, null));
  }

  history(id: number, cursor?: string): Promise<HistoryPage> {
    return firstValueFrom(this.http.get<HistoryPage>(`${visitsUrl}/${id}/history`, { params: listParams({ cursor }) }));
  }

  visitBriefing(id: number): Promise<BriefingPack> {
    return firstValueFrom(this.http.get<BriefingPack>(`${visitsUrl}/${id}/briefing`));
  }

  partnerBriefing(id: number): Promise<BriefingPack> {
    return firstValueFrom(this.http.get<BriefingPack>(`/api/v1/partners/${id}/briefing`));
  }
}
