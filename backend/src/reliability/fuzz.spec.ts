import fc from 'fast-check';
import request from 'supertest';
import { createSequelize } from '../db/sequelize';
import { agentFor, type SecurityClient } from '../testing/security-helpers';
import { databaseUrl, startServer, type ServerProcess } from '../testing/server-process';
import { createTestDatabase } from '../testing/test-database';

/**
 * Every operation of the OpenAPI document, as every role and signed out, gets random and hostile
 * bodies, queries and path parameters: wrong types, huge strings, SQL and HTML fragments, invalid UTF-8,
 * deep JSON, prototype-pollution keys. None may answer 500 or show a stack trace; every refusal is
 * problem+json. The document is walked, so the operations that later features add are fuzzed too.
 * Runs against a real server process on a database of its own. FUZZ_RUNS sets the runs per operation
 * and role (default 10).
 */
const runs = Number(process.env['FUZZ_RUNS'] ?? 10);
const admin = { email: 'fuzz-admin@test.passerelles.local', password: 'a long fuzzing admin password' };
const proxyHeaders = (address: string) => ({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': address });

type Role = 'admin' | 'officer' | 'cabinet' | 'association';
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  body: JsonSchema | undefined;
};
type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const sqlAndHtml = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT SLEEP(5)',
  '" UNION SELECT password_hash FROM users --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\uD800',
  '\uFEFF',
  'Zürich – Зеленодольськ 🇺🇦 ﷽',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  '__proto__',
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...sqlAndHtml),
  fc.constantFrom('a'.repeat(300), 'é'.repeat(5_000), 'x'.repeat(200_000)),
  fc.emailAddress(),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2_147_483_647, 2_147_483_648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const pollutionKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), pollutionKeys), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Mostly the declared type (so that requests get past validation and reach the services), sometimes anything. */
const mostly = (typed: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: typed, weight: 3 }, { arbitrary: hostileValue, weight: 1 });

/** A value shaped like the schema (its keys, mostly its types), so that it gets past the first checks. */
function shaped(schema: JsonSchema | undefined, resolve: (schema: JsonSchema) => JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const resolved = resolve(schema);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((option) => shaped(option, resolve, depth + 1)));
  if (resolved.allOf?.length) return shaped(resolved.allOf[0], resolve, depth + 1);
  if (resolved.enum) return mostly(fc.constantFrom(...resolved.enum));
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case 'object': {
      const properties = Object.entries(resolved.properties ?? {});
      const record = Object.fromEntries(properties.map(([name, property]) => [name, shaped(property, resolve, depth + 1)]));
      return fc
        .tuple(
          fc.record(record),
          fc.subarray(properties.map(([name]) => name), { maxLength: Math.min(1, properties.length) }),
          fc.dictionary(pollutionKeys, hostileValue, { maxKeys: 2 }),
        )
        .map(([known, dropped, extra]) => {
          const value = Object.assign(JSON.parse(JSON.stringify(extra)) as Record<string, unknown>, known);
          for (const name of dropped) delete value[name];
          return value;
        });
    }
    case 'array':
      return mostly(fc.array(shaped(resolved.items, resolve, depth + 1), { maxLength: 5 }));
    case 'string':
      return hostileString;
    case 'integer':
      return mostly(fc.oneof(fc.nat({ max: 100 }), hostileNumber));
    case 'number':
      return mostly(hostileNumber);
    case 'boolean':
      return mostly(fc.boolean());
    default:
      return hostileValue;
  }
}

/** Raw bodies that JSON.stringify cannot make: broken encodings and nesting. */
const rawBodies: { name: string; bytes: Buffer }[] = [
  { name: 'invalid UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x65, 0x6d, 0x61, 0x69, 0x6c, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d]) },
  { name: 'overlong UTF-8', bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0x22, 0x7d]) },
  { name: 'deep arrays', bytes: Buffer.from('['.repeat(20_000) + ']'.repeat(20_000)) },
  { name: 'deep objects', bytes: Buffer.from('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)) },
  { name: 'truncated', bytes: Buffer.from('{"email": "a@b.fr", "password": ') },
  { name: 'not JSON', bytes: Buffer.from("email=' OR 1=1 --") },
  { name: 'huge number', bytes: Buffer.from('{"version": 1e999999, "id": -1e999999}') },
  { name: 'duplicate and polluting keys', bytes: Buffer.from('{"__proto__": {"role": "admin", "isAdmin": true}, "constructor": {"prototype": {"x": 1}}, "role": "a", "role": "admin"}') },
  { name: 'UTF-16 with BOM', bytes: Buffer.from('\uFEFF{"a": 1}', 'utf16le') },
];

/** encodeURIComponent refuses lone surrogates; those are sent as raw bytes (%ED%A0%80) instead. */
function encode(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}%ED%A0%80`;
  }
}

const pathParamValue = fc.oneof(
  fc.constantFrom('1', '0', '-1', '2147483648', '99999999999999999999', '1.5', '1e3', 'null', 'undefined', '%', '%E0%A4%A', '%C0%AF', '..%2F..%2Fetc'),
  hostileString.map((value) => encode(value).slice(0, 2_000)),
);

const queryString = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...(names.length ? names : ['q'])), fc.string({ maxLength: 8 }), pollutionKeys), hostileString), { maxLength: 5 })
    .chain((pairs) =>
      fc.constantFrom(
        pairs.map(([key, value]) => `${encode(key)}=${encode(value).slice(0, 5_000)}`).join('&'),
        pairs.map(([key]) => `${encode(key)}[]=1&${encode(key)}=%ZZ&${encode(key)}[a][b]=x`).join('&'),
      ),
    );

function operations(document: OpenApi): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      result.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return result;
}

/** The first lines of a Node stack trace, a source path, or a driver's error: none may reach a client. */
const leak = /\n\s+at [\w.<>]+ \(|\bat (async )?[\w.]+ \([^)]*:\d+:\d+\)|\/(src|dist|node_modules)\/[\w/.-]+\.(ts|js)|Sequelize\w*Error|SQLITE_\w+|ER_[A-Z_]{4,}|ECONNREFUSED/;

describe('fuzzed input on every endpoint of the OpenAPI document', () => {
  let server: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  let document: OpenApi;
  const clients = new Map<Role | 'anonymous', SecurityClient>();
  const passwords = new Map<Role, { email: string; password: string }>();
  let associationPartnerId = 0;
  let addressCounter = 0;
  const nextAddress = () => `192.0.2.${(addressCounter += 1) % 250}`;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    server = await startServer({
      DATABASE_URL: databaseUrl(database.target),
      DATA_DIR: `/tmp/passerelles-fuzz-${process.pid}`,
      SESSION_SECRET: 'fuzz-session-secret-fuzz-session-secret',
      ENCRYPTION_KEY: 'fuzz-encryption-key-fuzz-encryption-key',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      TRUST_PROXY: 'true',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
    });
    const sequelize = createSequelize(database.target);
    try {
      const [rows] = await sequelize.query("SELECT id FROM partners WHERE kind = 'association' ORDER BY id LIMIT 1");
      associationPartnerId = (rows as { id: number }[])[0]!.id;
    } finally {
      await sequelize.close();
    }
    document = (await request(server.url).get('/api/v1/openapi.json')).body as OpenApi;
    passwords.set('admin', admin);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await drop?.();
  }, 60_000);

  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop()!;
    return document.components?.schemas?.[name] ?? {};
  };

  /** A signed-in client of that role, made again if the fuzzing signed it out, changed its password or deactivated it. */
  async function clientFor(role: Role | 'anonymous'): Promise<SecurityClient> {
    const existing = clients.get(role);
    if (existing && (role === 'anonymous' || (await existing.get('/api/v1/auth/me')).status === 200)) return existing;
    const agent = await agentFor(server!.url, proxyHeaders(nextAddress()));
    if (role !== 'anonymous') {
      let credentials = passwords.get(role);
      let login = credentials ? await agent.post('/api/v1/auth/login').send(credentials) : undefined;
      if (!login || login.status !== 200 || !login.body.id) {
        if (role === 'admin') throw new Error(`the fuzzing lost the administrator: ${login?.status} ${JSON.stringify(login?.body)}`);
        const adminClient = await clientFor('admin');
        const email = `fuzz-${role}-${Date.now()}-${addressCounter}@test.passerelles.local`;
        const created = await adminClient
          .post('/api/v1/users')
          .send({ email, displayName: `Fuzz ${role}`, role, ...(role === 'association' ? { partnerId: associationPartnerId } : {}) });
        if (created.status !== 201) throw new Error(`cannot create a ${role}: ${created.status} ${JSON.stringify(created.body)}`);
        credentials = { email, password: created.body.password as string };
        passwords.set(role, credentials);
        login = await agent.post('/api/v1/auth/login').send(credentials);
        if (login.status !== 200 || !login.body.id) throw new Error(`a new ${role} cannot sign in: ${login.status} ${JSON.stringify(login.body)}`);
      }
    }
    clients.set(role, agent);
    return agent;
  }

  /** Undoes what the fuzzing may have switched on for everyone: the two-factor requirement. */
  async function restoreSettings() {
    const adminClient = await clientFor('admin');
    const settings = await adminClient.get('/api/v1/settings/security');
    if (settings.status === 200 && settings.body.twoFactorRequiredForStaff) {
      await adminClient.put('/api/v1/settings/security').send({ twoFactorRequiredForStaff: false, version: settings.body.version });
    }
  }

  function check(response: request.Response, what: string) {
    expect(response.status).withContext(`${what} → ${response.status} ${response.text?.slice(0, 300)}`).toBeLessThan(500);
    expect(response.text ?? '').withContext(`${what} leaks internals`).not.toMatch(leak);
    if (response.status >= 400) {
      expect(response.headers['content-type']).withContext(`${what} → ${response.status}`).toContain('application/problem+json');
    }
    return response.status < 500;
  }

  it('never answers 500 nor shows a stack trace, as any role or signed out', async () => {
    const list = operations(document);
    expect(list.length).withContext('operations in the document').toBeGreaterThanOrEqual(15);
    const roles = ['anonymous', 'association', 'cabinet', 'officer', 'admin'] as const;
    let requests = 0;
    for (const operation of list) {
      const body = operation.body ? shaped(operation.body, resolve) : fc.option(hostileValue, { nil: undefined });
      for (const role of roles) {
        const scenario = fc.record({
          params: fc.tuple(...operation.pathParams.map(() => pathParamValue), fc.constant('')),
          query: fc.option(queryString(operation.queryParams), { nil: undefined }),
          body,
        });
        await fc.assert(
          fc.asyncProperty(scenario, async ({ params, query, body: payload }) => {
            const client = await clientFor(role);
            let path = operation.path;
            operation.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, params[index] as string)));
            const url = `${path}${query ? `?${query}` : ''}`;
            const call = client[operation.method](url);
            const response =
              operation.method === 'get' || payload === undefined
                ? await call
                : await call.set('Content-Type', 'application/json').send(JSON.stringify(payload));
            requests += 1;
            return check(response, `${role} ${operation.method.toUpperCase()} ${url.slice(0, 200)} ${JSON.stringify(payload)?.slice(0, 200)}`);
          }),
          { numRuns: runs, endOnFailure: true },
        );
        if (operation.method !== 'get') {
          for (const raw of rawBodies) {
            const client = await clientFor(role);
            const path = operation.pathParams.reduce((current, name) => current.replace(`{${name}}`, '1'), operation.path);
            const response = await client[operation.method](path).set('Content-Type', 'application/json').send(raw.bytes);
            requests += 1;
            check(response, `${role} ${operation.method.toUpperCase()} ${path} with ${raw.name}`);
          }
        }
        if (role === 'admin') await restoreSettings();
      }
    }
    expect(requests).toBeGreaterThan(list.length * roles.length * runs);
    expect(server!.alive()).withContext('the server process is still up').toBeTrue();
    expect(server!.output()).withContext('nothing logged as a failed request').not.toContain('request failed');
  }, 900_000);
});
