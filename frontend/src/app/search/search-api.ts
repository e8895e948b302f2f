import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { SearchResult } from '@api/search/search.schema';

export const searchUrl = '/api/v1/search';

export type SearchParams = {
  q: string;
  kinds?: string[];
  limit?: number;
  from?: string;
  to?: string;
  partnerKind?: string;
  country?: string;
  objective?: number;
};

/** The words of the interface for each kind of result, in the order the groups are shown. */
export const searchKindLabels: Record<string, string> = {
  partner: 'Partenaires',
  contact: 'Personnes',
  interaction: 'Échanges',
  follow_up: 'Suivis',
  project: 'Projets',
  visit: 'Visites',
};

export function searchKindLabel(kind: string): string {
  return searchKindLabels[kind] ?? kind;
}

@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);

  search(params: SearchParams): Observable<SearchResult> {
    let query = new HttpParams().set('q', params.q);
    if (params.kinds?.length) query = query.set('kinds', params.kinds.join(','));
    for (const key of ['limit', 'from', 'to', 'partnerKind', 'country', 'objective'] as const) {
      const value = params[key];
      if (value !== undefined && value !== '') query = query.set(key, String(value));
    }
    return this.http.get<SearchResult>(searchUrl, { params: query });
  }
}
