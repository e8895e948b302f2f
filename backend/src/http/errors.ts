import type { ErrorRequestHandler, RequestHandler } from 'express';
import { BaseError, ConnectionError, ForeignKeyConstraintError, OptimisticLockError, TimeoutError, UniqueConstraintError } from 'sequelize';
import { Problem, problems } from './problem';

export const apiNotFound: RequestHandler = (req) => {
  throw problems.notFound(`Aucune route ${req.method} ${req.originalUrl.split('?')[0]}.`);
};

/** Turns every error into problem+json; anything unexpected is logged and answered as a bare 500. */
export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const problem = toProblem(error);
  if (problem.status >= 500) req.log?.error({ err: error }, 'request failed');
  res.status(problem.status).set({ ...problem.headers, 'Content-Type': 'application/problem+json; charset=utf-8' });
  res.send(JSON.stringify(problem.toDocument()));
};

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof OptimisticLockError) {
    return problems.conflict('version_conflict', 'Cette fiche a été modifiée entre-temps par quelqu’un d’autre.');
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError || isDriverConnectionError(error)) return problems.unavailable();
  // Two requests raced past the service's own check: the database had the last word.
  if (error instanceof UniqueConstraintError) return problems.conflict('duplicate', 'Cette valeur est déjà utilisée par une autre fiche.');
  if (error instanceof ForeignKeyConstraintError) return problems.conflict('reference_conflict', 'Une fiche liée a été supprimée ou est encore utilisée.');
  if (error instanceof BaseError) return problems.internal();
  const httpError = error as { type?: string; status?: number; statusCode?: number };
  switch (httpError.type) {
    case 'entity.parse.failed':
      return problems.badRequest('malformed_json', 'Le corps de la requête n’est pas du JSON valide.');
    case 'entity.too.large':
      return new Problem(413, 'payload_too_large', 'Requête trop volumineuse', 'Le corps de la requête dépasse la taille autorisée.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new Problem(415, 'unsupported_encoding', 'Encodage non pris en charge', 'Envoyez le corps en UTF-8.');
  }
  const status = httpError.status ?? httpError.statusCode;
  if (status && status >= 400 && status < 500) return new Problem(status, 'bad_request', 'Requête invalide');
  return problems.internal();
}

/** Driver errors that mean "the database is not there right now" (down, restarting, connection cut). */
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
]);

function isDriverConnectionError(error: unknown): boolean {
  for (let current = error as { code?: unknown; parent?: unknown; original?: unknown; message?: unknown } | undefined, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current.code === 'string' && unavailableCodes.has(current.code)) return true;
    if (typeof current.message === 'string' && /connection is in closed state|Connection lost|socket hang up/i.test(current.message)) return true;
    current = (current.parent ?? current.original) as typeof current;
  }
  return false;
}
