import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { verifyCsrf } from '../auth/session';
import type { CurrentUser, Role } from '../users/users.schema';
import { fieldErrors, Problem, ProblemDocument, problems } from './problem';

// Validation messages in French, the language of the interface that shows them next to the fields.
z.config(z.locales.fr());

export type Access = 'public' | 'authenticated' | readonly Role[];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerInput<B, Q, P, A extends Access> = {
  body: Output<B>;
  query: Output<Q>;
  params: Output<P>;
  user: A extends 'public' ? CurrentUser | undefined : CurrentUser;
  req: Request;
  res: Response;
};

export type RouteDefinition<B, Q, P, R, A extends Access> = {
  method: Method;
  /** Express style, relative to /api/v1: '/partners/:id'. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Also filters what is sent: a field the schema does not name never leaves the server. */
  response?: R;
  status?: 200 | 201 | 202 | 204;
  /** Extra error statuses this route answers, for the OpenAPI document. */
  errors?: number[];
  handler: (input: HandlerInput<B, Q, P, A>) => Promise<Output<R> | void> | Output<R> | void;
};

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input (problem+json with per-field errors)',
  401: 'Not signed in',
  403: 'Role not allowed, or CSRF token missing',
  404: 'Not found',
  409: 'Version conflict or duplicate',
  429: 'Too many attempts',
};

/** The declarative HTTP layer: each route names its schemas, its access, and a handler that calls a service. */
export class Api {
  readonly router = Router();
  private readonly paths: ZodOpenApiPathsObject = {};

  route<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, R extends Schema | undefined, A extends Access>(
    definition: RouteDefinition<B, Q, P, R, A>,
  ) {
    const { method, path, access, body, query, params, response } = definition;
    const status = definition.status ?? (response ? 200 : 204);
    this.router[method](path, async (req, res) => {
      const user = req.user as CurrentUser | undefined;
      authorize(access, user, params !== undefined);
      verifyCsrf(req);
      refuseNulCharacters({ body: req.body, query: req.query, params: req.params });
      const input = {
        body: parse(body, req.body ?? {}, 'body'),
        query: parse(query, req.query, 'query'),
        params: parse(params, req.params, 'params'),
        user,
        req,
        res,
      } as HandlerInput<B, Q, P, A>;
      const result = await definition.handler(input);
      if (res.headersSent) return;
      if (status === 204 || result === undefined) {
        res.status(status === 204 ? 204 : status).end();
        return;
      }
      res.status(status).json(response ? (response as Schema).parse(result) : result);
    });
    this.document(definition, status);
  }

  private document<B, Q, P, R, A extends Access>(definition: RouteDefinition<B, Q, P, R, A>, status: number) {
    const openApiPath = definition.path.replace(/:(\w+)/g, '{$1}');
    const errors = new Set([...(definition.errors ?? [])]);
    if (definition.body || definition.query || definition.params) errors.add(400);
    if (definition.access !== 'public') errors.add(401);
    if (Array.isArray(definition.access)) errors.add(403);
    const operation: ZodOpenApiOperationObject = {
      summary: definition.summary,
      ...(definition.description ? { description: definition.description } : {}),
      tags: definition.tags,
      ...(definition.access === 'public' ? { security: [] } : {}),
      requestParams: {
        ...(definition.query ? { query: definition.query as never } : {}),
        ...(definition.params ? { path: definition.params as never } : {}),
      },
      ...(definition.body ? { requestBody: { content: { 'application/json': { schema: definition.body as never } } } } : {}),
      responses: {
        [status]: {
          description: status === 201 ? 'Created' : status === 204 ? 'No content' : 'OK',
          ...(definition.response ? { content: { 'application/json': { schema: definition.response as never } } } : {}),
        },
        ...Object.fromEntries(
          [...errors].map((code) => [
            code,
            { description: errorDescriptions[code] ?? 'Error', content: { 'application/problem+json': { schema: ProblemDocument } } },
          ]),
        ),
      },
    };
    this.paths[`/api/v1${openApiPath}`] = { ...this.paths[`/api/v1${openApiPath}`], [definition.method]: operation };
  }

  openApiDocument() {
    return createDocument({
      openapi: '3.1.0',
      info: {
        title: 'Passerelles API',
        version: '1',
        description:
          'API du CRM des relations internationales. Authentification par cookie de session ; toute requête POST, PUT, PATCH ou DELETE renvoie le jeton du cookie XSRF-TOKEN dans l’en-tête X-XSRF-TOKEN. Erreurs au format RFC 9457 (application/problem+json).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'passerelles.sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-XSRF-TOKEN' },
        },
      },
      security: [{ session: [], csrf: [] }],
      paths: this.paths,
    });
  }
}

/**
 * An association account may not learn that a record exists outside its portal: a route that names a
 * record by id and is not open to it answers 404 rather than 403.
 */
function authorize(access: Access, user: CurrentUser | undefined, namesRecord: boolean) {
  if (access === 'public') return;
  if (!user) throw problems.unauthenticated();
  if (access !== 'authenticated' && !access.includes(user.role)) {
    throw user.role === 'association' && namesRecord ? problems.notFound() : problems.forbidden();
  }
}

/**
 * A NUL character has no place in any text of this application, and SQLite's driver would cut an SQL
 * statement at one: refuse it at the door, wherever it hides (found by the fuzz test).
 */
function refuseNulCharacters(input: Record<string, unknown>) {
  const found: string[] = [];
  const visit = (value: unknown, path: string[], depth: number) => {
    if (found.length > 0 || depth > 64) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(path.join('.'));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push([...path, key].join('.'));
        visit(child, [...path, key], depth + 1);
      }
    }
  };
  for (const [location, value] of Object.entries(input)) visit(value, location === 'body' ? [] : [location], 0);
  if (found.length > 0) throw problems.invalid(found.map((path) => ({ path, message: 'Ce texte contient un caractère nul (\\0), qui n’est pas permis.' })));
}

function parse(schema: Schema | undefined, value: unknown, location: 'body' | 'query' | 'params') {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (location === 'params') throw problems.notFound();
  throw new Problem(400, 'validation_failed', 'Données invalides', 'Certaines valeurs sont invalides.', fieldErrors(result.error, location === 'query' ? 'query' : undefined));
}
