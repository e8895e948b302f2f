import { HttpClient, HttpEventType, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, Observable } from 'rxjs';
import type { LegalBasis } from '@api/contacts/contacts.schema';
import type { ColumnMapping, ImportAnalysis, ImportKind, ImportPlan, ImportProgress, RetentionPage } from '@api/data/data.schema';
import { ApiProblem } from '../core/api-problem';
import { partnerListParams } from '../partners/partners-api';

export type ExportList = 'partners' | 'contacts' | 'interactions' | 'follow-ups';
export type ExportFormat = 'csv' | 'xlsx' | 'vcf';

/** The address of a list's export with its filters: a plain link, so that the browser streams it to disk. */
export function exportUrl(list: ExportList, filters: Record<string, unknown>, format: ExportFormat): string {
  const { cursor: _cursor, limit: _limit, ...rest } = filters;
  const params = partnerListParams(rest as Parameters<typeof partnerListParams>[0]).set('format', format);
  return `/api/v1/exports/${list}?${params.toString()}`;
}

export type ImportRequest = { kind: ImportKind; file: File; mapping?: ColumnMapping; legalBasis?: LegalBasis | null };

function formOf(request: ImportRequest): FormData {
  const form = new FormData();
  form.append('kind', request.kind);
  if (request.mapping) form.append('mapping', JSON.stringify(request.mapping));
  if (request.legalBasis) form.append('legalBasis', request.legalBasis);
  form.append('file', request.file, request.file.name);
  return form;
}

/** The lines of an NDJSON text received so far (the last one may be incomplete). */
export function completeLines(text: string): ImportProgress[] {
  const lines = text.split('\n');
  lines.pop();
  return lines.filter(Boolean).map((line) => JSON.parse(line) as ImportProgress);
}

@Injectable({ providedIn: 'root' })
export class DataApi {
  private readonly http = inject(HttpClient);

  analyse(request: ImportRequest): Promise<ImportAnalysis> {
    return firstValueFrom(this.http.post<ImportAnalysis>('/api/v1/imports/analyse', formOf(request)));
  }

  dryRun(request: ImportRequest): Promise<ImportPlan> {
    return firstValueFrom(this.http.post<ImportPlan>('/api/v1/imports/dry-run', formOf(request)));
  }

  /** Sends the file, then reports each progress line the server streams back as it comes. */
  run(request: ImportRequest): Observable<ImportProgress | { type: 'upload'; loaded: number; total: number }> {
    return new Observable((subscriber) => {
      let seen = 0;
      const subscription = this.http
        .post('/api/v1/imports/run', formOf(request), { observe: 'events', reportProgress: true, responseType: 'text' })
        .subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress) {
              subscriber.next({ type: 'upload', loaded: event.loaded, total: event.total ?? request.file.size });
            } else if (event.type === HttpEventType.DownloadProgress || event.type === HttpEventType.Response) {
              const text = event.type === HttpEventType.Response ? `${event.body ?? ''}\n` : ((event as { partialText?: string }).partialText ?? '');
              const lines = completeLines(text);
              for (const line of lines.slice(seen)) subscriber.next(line);
              seen = Math.max(seen, lines.length);
              if (event.type === HttpEventType.Response) subscriber.complete();
            }
          },
          error: (error: unknown) => subscriber.error(ApiProblem.from(error)),
        });
      return () => subscription.unsubscribe();
    });
  }

  /** Everything held on a person, as a file to save: JSON or a readable HTML page. */
  async personalData(contactId: number, format: 'json' | 'html'): Promise<Blob> {
    try {
      return await firstValueFrom(
        this.http.post(`/api/v1/contacts/${contactId}/personal-data`, null, { params: new HttpParams().set('format', format), responseType: 'blob' }),
      );
    } catch (error: unknown) {
      throw ApiProblem.from(error);
    }
  }

  erase(contactId: number, version: number, reason: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/v1/contacts/${contactId}/erase`, { version, reason }));
  }

  retention(cursor?: string): Promise<RetentionPage> {
    let params = new HttpParams().set('limit', 100);
    if (cursor) params = params.set('cursor', cursor);
    return firstValueFrom(this.http.get<RetentionPage>('/api/v1/data-protection/retention', { params }));
  }

  keep(ids: number[], reason: string): Promise<{ count: number }> {
    return firstValueFrom(this.http.post<{ count: number }>('/api/v1/data-protection/retention/keep', { ids, reason }));
  }

  eraseMany(ids: number[], reason: string): Promise<{ count: number }> {
    return firstValueFrom(this.http.post<{ count: number }>('/api/v1/data-protection/retention/erase', { ids, reason }));
  }
}

/** Saves a blob under a file name, through a temporary link. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
