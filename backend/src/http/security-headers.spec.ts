import request from 'supertest';
import { appWith, agentFor, passwordStep } from '../testing/security-helpers';
import { makeUser, testContext, testPassword } from '../testing/test-app';

function cookies(setCookie: string | string[] | undefined): string[] {
  return Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
}

describe('security headers and cookies', () => {
  it('sends a strict Content-Security-Policy and the other protective headers on API answers, errors and health checks', async () => {
    const app = testContext().app;
    for (const path of ['/api/v1/auth/me', '/api/v1/nothing-here', '/healthz', '/api/v1/openapi.json']) {
      const response = await request(app).get(path);
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).withContext(path).toContain("default-src 'self'");
      expect(csp).withContext(path).toContain("script-src 'self'");
      expect(csp).withContext(path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).withContext(path).not.toContain('unsafe-eval');
      expect(csp).withContext(path).toContain("frame-ancestors 'none'");
      expect(csp).withContext(path).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).withContext(path).toBe('nosniff');
      expect(response.headers['referrer-policy']).withContext(path).toBe('same-origin');
      expect(response.headers['x-frame-options']).withContext(path).toBe('DENY');
      expect(response.headers['x-powered-by']).withContext(path).toBeUndefined();
      expect(response.headers['strict-transport-security']).withContext('no HSTS over plain HTTP').toBeUndefined();
    }
  });

  it('keeps API answers out of shared caches', async () => {
    const response = await request(testContext().app).get('/api/v1/auth/me');
    expect(response.headers['cache-control']).toContain('no-store');
  });

  it('sets HttpOnly, SameSite=Lax and not Secure cookies over plain HTTP', async () => {
    const user = await makeUser('officer');
    const agent = await agentFor(testContext().app);
    const login = await passwordStep(agent, user.email);
    const all = cookies(login.headers['set-cookie']);
    const session = all.find((cookie) => cookie.startsWith('passerelles.sid='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
  });

  describe('behind a TLS proxy (TRUST_PROXY=true)', () => {
    it('sends HSTS and marks every cookie Secure on HTTPS requests', async () => {
      const app = await appWith({ trustProxy: true });
      const user = await makeUser('officer');
      const https = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };
      // The test client speaks plain HTTP to the app, so it would not send Secure cookies back: do it by hand.
      const first = await request(app).get('/api/v1/auth/me').set(https);
      const jar = cookies(first.headers['set-cookie']).map((cookie) => cookie.split(';')[0]!);
      const token = jar.find((cookie) => cookie.startsWith('XSRF-TOKEN='))!.split('=')[1]!;
      const login = await request(app)
        .post('/api/v1/auth/login')
        .set(https)
        .set('Cookie', jar.join('; '))
        .set('X-XSRF-TOKEN', token)
        .send({ email: user.email, password: testPassword });
      expect(login.status).toBe(200);
      expect(login.headers['strict-transport-security']).toContain('max-age=31536000');
      const all = cookies(login.headers['set-cookie']);
      expect(all.length).toBeGreaterThanOrEqual(2);
      for (const cookie of [...all, ...cookies(first.headers['set-cookie'])]) expect(cookie).withContext(cookie.split('=')[0]!).toMatch(/;\s*Secure/i);
      expect(all.find((cookie) => cookie.startsWith('passerelles.sid='))).toMatch(/HttpOnly/i);
      expect(login.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    });

    it('never sends the session cookie in clear, even on a plain-HTTP request', async () => {
      const app = await appWith({ trustProxy: true });
      const response = await request(app).get('/api/v1/auth/me').set({ 'X-Forwarded-Proto': 'http', 'X-Forwarded-For': '203.0.113.8' });
      for (const cookie of cookies(response.headers['set-cookie'])) expect(cookie).toMatch(/;\s*Secure/i);
    });
  });

  it('refuses a JSON body over 1 MB with 413 problem+json', async () => {
    const agent = await agentFor(testContext().app);
    const response = await agent
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('payload_too_large');
  });

  it('ignores bodies that are not JSON (no other parser is mounted)', async () => {
    const agent = await agentFor(testContext().app);
    const response = await agent.post('/api/v1/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send('email=a%40b.fr&password=x');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });
});

describe('input hygiene', () => {
  it('refuses a NUL character anywhere in the input with 400, before it reaches the database', async () => {
    const agent = await agentFor(testContext().app);
    const login = await agent.post('/api/v1/auth/login').send({ email: 'a\u0000@b.fr', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.errors).toEqual([{ path: 'email', message: jasmine.stringContaining('caractère nul') }]);
    const nested = await agent.post('/api/v1/auth/login').send({ email: 'a@b.fr', password: 'x', extra: [{ ['k\u0000']: 1 }] });
    expect(nested.status).toBe(400);
    const query = await agent.get('/api/v1/auth/me?q=%00');
    expect(query.status).withContext('signed out: 401 comes first').toBe(401);
  });
});
