import type { Express } from 'express';
import { generate } from 'otplib';
import request from 'supertest';
import { createApp } from '../app';
import { LoginThrottle, type defaultThrottleLimits } from '../auth/login-throttle';
import { SecretBox } from '../auth/secret-box';
import type { Config } from '../config';
import { createLogger } from '../logger';
import { User } from '../users/user.model';
import { csrfTokenFrom, testContext, testPassword, type TestClient } from './test-app';

/** Another app on the test database, with some settings changed (timeouts, proxy, limits). */
export async function appWith(overrides: Partial<Config>, limits: Partial<typeof defaultThrottleLimits> = {}): Promise<Express> {
  const { sequelize, config, mailer } = testContext();
  const throttle = await LoginThrottle.create(sequelize, config.database, limits);
  return createApp({ config: { ...config, ...overrides }, sequelize, logger: createLogger('silent'), throttle, mailer });
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A client of `app` that keeps its cookies by hand and echoes the CSRF token: unlike supertest's agent,
 * it sends Secure cookies back over the test's plain HTTP, as a browser behind a TLS proxy would.
 * `headers` go with every request (X-Forwarded-For, X-Forwarded-Proto...).
 */
export type SecurityClient = Record<Method, (path: string) => request.Test> & { cookies: Map<string, string> };

export async function agentFor(app: Express | string, headers: Record<string, string> = {}): Promise<SecurityClient> {
  const jar = new Map<string, string>();
  const make = (method: Method) => (path: string) => {
    const test = request(app)[method](path).set(headers);
    if (jar.size > 0) test.set('Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const token = jar.get('XSRF-TOKEN');
    if (token) test.set('X-XSRF-TOKEN', token);
    test.on('response', (response: { headers: Record<string, string | string[] | undefined> }) => {
      for (const cookie of cookieList(response.headers['set-cookie'])) {
        const pair = cookie.split(';')[0]!;
        const name = pair.slice(0, pair.indexOf('='));
        const value = pair.slice(pair.indexOf('=') + 1);
        if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
        else jar.set(name, value);
      }
    });
    return test;
  };
  const client: SecurityClient = { get: make('get'), post: make('post'), put: make('put'), patch: make('patch'), delete: make('delete'), cookies: jar };
  await client.get('/api/v1/auth/me');
  return client;
}

function cookieList(setCookie: string | string[] | undefined): string[] {
  return Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
}

/** Keeps the CSRF token a response handed out, for supertest agents (SecurityClient does it by itself). */
export function useCsrf(agent: TestClient | SecurityClient, setCookie: string | string[] | undefined) {
  if (isSecurityClient(agent)) return;
  if (!cookieList(setCookie).some((cookie) => cookie.startsWith('XSRF-TOKEN='))) return;
  agent.csrfToken = csrfTokenFrom(setCookie);
  agent.set('X-XSRF-TOKEN', agent.csrfToken);
}

function isSecurityClient(agent: TestClient | SecurityClient): agent is SecurityClient {
  return (agent as SecurityClient).cookies instanceof Map;
}

/** Signs in with the password step only; answers the login response. */
export async function passwordStep(agent: TestClient | SecurityClient, email: string, password = testPassword) {
  const response = await agent.post('/api/v1/auth/login').send({ email, password });
  useCsrf(agent, response.headers['set-cookie']);
  return response;
}

/** Turns two-factor sign-in on for a user straight in the database; answers the secret. */
export async function enrolDirectly(user: User) {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const box = new SecretBox(testContext().config.encryptionKey);
  await User.update({ totpSecret: box.seal(secret), totpEnabledAt: new Date(), totpLastStep: null }, { where: { id: user.id } });
  return secret;
}

/** The authenticator app's code now, or `stepsAhead` periods of 30 s later. */
export function totpCode(secret: string, stepsAhead = 0) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** The session cookie (name=value) from a response, to replay by hand. */
export function sessionCookieFrom(setCookie: string | string[] | undefined) {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return cookies.map((cookie) => /^(passerelles\.sid=[^;]+)/.exec(cookie)?.[1]).find(Boolean);
}
