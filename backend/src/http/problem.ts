import { z } from 'zod';

export const FieldError = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with a stable machine-readable `code`. */
export const ProblemDocument = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type ProblemDocument = z.infer<typeof ProblemDocument>;

/** An error that the API answers as problem+json, as it is. Anything else becomes a 500 without detail. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  toDocument(): ProblemDocument & Record<string, unknown> {
    return {
      type: `urn:passerelles:problem:${this.code}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

export const problems = {
  invalid: (errors: FieldError[], detail = 'Certaines valeurs sont invalides.') =>
    new Problem(400, 'validation_failed', 'Données invalides', detail, errors),
  badRequest: (code: string, detail: string) => new Problem(400, code, 'Requête invalide', detail),
  unauthenticated: () => new Problem(401, 'unauthenticated', 'Connexion requise', 'Vous devez être connecté.'),
  forbidden: (detail = 'Votre rôle ne permet pas cette action.') => new Problem(403, 'forbidden', 'Accès refusé', detail),
  notFound: (detail = 'Cette ressource n’existe pas ou plus.') => new Problem(404, 'not_found', 'Introuvable', detail),
  conflict: (code: string, detail: string, extra: Record<string, unknown> = {}) =>
    new Problem(409, code, 'Conflit', detail, undefined, {}, extra),
  tooManyRequests: (retryAfterSeconds: number, detail: string) =>
    new Problem(429, 'too_many_requests', 'Trop de tentatives', detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
  unavailable: () =>
    new Problem(503, 'service_unavailable', 'Service momentanément indisponible', 'La base de données ne répond pas ; réessayez dans un instant.', undefined, {
      'Retry-After': '5',
    }),
  internal: () => new Problem(500, 'internal_error', 'Erreur interne', 'Une erreur inattendue est survenue ; elle a été journalisée.'),
};

/** zod issues as the per-field errors of a 400. */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
