import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import type { Sequelize } from 'sequelize';
import request from 'supertest';
import { createApp } from '../app';
import { LoginThrottle } from '../auth/login-throttle';
import type { Config } from '../config';
import { openDatabase } from '../db/database';
import { foldText } from '../common/text';
import { Partner } from '../partners/partner.model';
import type { PartnerKind } from '../partners/partners.schema';
import { createLogger } from '../logger';
import { createMailer, type Mailer } from '../mail/mailer';
import { ensureSearchIndex } from '../search/search-index';
import { createUser } from '../users/users.service';
import type { Role } from '../users/users.schema';
import { createTestDatabase } from './test-database';

export type TestContext = { app: Express; sequelize: Sequelize; config: Config; mailer: Mailer };

let context: TestContext | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

/** One migrated and seeded database and one app for the whole run; specs make their own records. */
export async function startTestApp(): Promise<TestContext> {
  const { target, drop } = await createTestDatabase();
  const outboxRoot = mkdtempSync(path.join(tmpdir(), 'passerelles-outbox-'));
  dropDatabase = async () => {
    await drop();
    rmSync(outboxRoot, { recursive: true, force: true });
  };
  const sequelize = await openDatabase(target);
  await ensureSearchIndex();
  const config: Config = {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    database: target,
    dataDir: outboxRoot,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    encryptionKey: 'test-encryption-key-test-encryption-key',
    apiRateLimitPerMinute: 1_000_000,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    trustProxy: false,
    admin: undefined,
    logLevel: 'silent',
    staticDir: '/nonexistent',
    mail: { smtpUrl: undefined, from: 'Passerelles <passerelles@test.local>', outboxDir: path.join(outboxRoot, 'outbox') },
    publicUrl: 'http://passerelles.test',
    jobs: { enabled: false, pollSeconds: 60 },
    timeZone: 'Europe/Paris',
  };
  const throttle = await LoginThrottle.create(sequelize, target);
  const mailer = createMailer(config.mail);
  const app = createApp({ config, sequelize, logger: createLogger('silent'), throttle, mailer });
  context = { app, sequelize, config, mailer };
  return context;
}

export async function stopTestApp() {
  await context?.sequelize.close();
  await dropDatabase?.();
  context = undefined;
}

export function testContext(): TestContext {
  if (!context) throw new Error('The test app is not started (see testing/jasmine-setup.ts)');
  return context;
}

let userCounter = 0;
export const testPassword = 'correct horse battery staple';

/** A new user of the given role; association users get a partner of their own unless one is given. */
export async function makeUser(role: Role, options: { partnerId?: number; password?: string; email?: string } = {}) {
  userCounter += 1;
  const partnerId = options.partnerId ?? (role === 'association' ? (await makePartner({ kind: 'association' })).id : null);
  const email = options.email ?? `${role}-${userCounter}-${Date.now()}@test.passerelles.local`;
  const { user } = await createUser({
    email,
    displayName: `${role} ${userCounter}`,
    role,
    partnerId,
    password: options.password ?? testPassword,
  });
  return user;
}

export type TestClient = ReturnType<typeof request.agent> & { csrfToken: string };

/** A cookie-keeping client that has fetched its CSRF token, signed in as `email` when given. */
export async function client(credentials?: { email: string; password?: string }): Promise<TestClient> {
  const agent = request.agent(testContext().app) as TestClient;
  const response = await agent.get('/api/v1/auth/me');
  agent.csrfToken = csrfTokenFrom(response.headers['set-cookie']);
  agent.set('X-XSRF-TOKEN', agent.csrfToken);
  if (credentials) {
    const login = await agent.post('/api/v1/auth/login').send({ email: credentials.email, password: credentials.password ?? testPassword });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
    agent.csrfToken = csrfTokenFrom(login.headers['set-cookie']);
    agent.set('X-XSRF-TOKEN', agent.csrfToken);
  }
  return agent;
}

/** A signed-in client for a new user of that role. */
export async function signedIn(role: Role, options: { partnerId?: number } = {}) {
  const user = await makeUser(role, options);
  return Object.assign(await client({ email: user.email }), { user });
}

export function csrfTokenFrom(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const token = cookies.map((cookie) => /^XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1]).find(Boolean);
  if (!token) throw new Error('no XSRF-TOKEN cookie in the response');
  return token;
}

let partnerCounter = 0;

/** A partner written straight to the database, for specs that need one to point at. */
export async function makePartner(values: { name?: string; kind?: PartnerKind; country?: string | null } = {}) {
  partnerCounter += 1;
  const name = values.name ?? `Partenaire de test ${partnerCounter} ${Date.now()}`;
  return Partner.create({
    name,
    sortName: foldText(name),
    kind: values.kind ?? 'association',
    country: values.country === undefined ? 'FR' : values.country,
    city: null,
    website: null,
    description: null,
    ownerUserId: null,
    charterSignedOn: null,
    labelObtainedOn: null,
    labelRenewalDueOn: null,
    publicActivities: null,
    publicNeeds: null,
    publicEmail: null,
    publicPhone: null,
    seedKey: null,
    deletedAt: null,
  });
}
