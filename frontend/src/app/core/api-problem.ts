import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError, ProblemDocument } from '@api/http/problem';

/**
 * Any failed API call, as the application sees it: the RFC 9457 problem document the server sent,
 * or a stand-in when the answer was not one (network down, proxy error page).
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: readonly FieldError[] = [],
    /** Seconds to wait before trying again, from the Retry-After header (429, 503). */
    readonly retryAfterSeconds: number | null = null,
    /** The whole problem document, with its extension members (`candidates`, `current`...). */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? title);
  }

  /** Whatever an HttpClient call failed with, as an ApiProblem. */
  static from(error: unknown): ApiProblem {
    if (error instanceof ApiProblem) return error;
    if (error instanceof HttpErrorResponse) return ApiProblem.fromResponse(error);
    return new ApiProblem(0, 'client_error', 'Erreur inattendue', error instanceof Error ? error.message : undefined);
  }

  static fromResponse(response: HttpErrorResponse): ApiProblem {
    const retryAfterSeconds = parseRetryAfter(response.headers?.get('Retry-After') ?? null);
    const document = asProblemDocument(response.error);
    if (document) {
      return new ApiProblem(
        response.status,
        document.code,
        document.title,
        document.detail,
        document.errors ?? [],
        retryAfterSeconds,
        document as Record<string, unknown>,
      );
    }
    if (response.status === 0) {
      return new ApiProblem(0, 'network_error', 'Serveur injoignable', 'Vérifiez votre connexion puis réessayez.');
    }
    return new ApiProblem(response.status, 'http_error', response.statusText || 'Erreur du serveur', undefined, [], retryAfterSeconds);
  }
}

function asProblemDocument(body: unknown): ProblemDocument | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<ProblemDocument>;
  return typeof candidate.code === 'string' && typeof candidate.title === 'string' ? (candidate as ProblemDocument) : null;
}

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
