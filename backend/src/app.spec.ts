import request from 'supertest';
import { testContext } from './testing/test-app';

describe('the HTTP plumbing', () => {
  it('answers unknown routes with a problem+json 404', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/v2/partners', '/also/not/a/file.png']) {
      const response = await request(testContext().app).get(url);
      expect(response.status).withContext(url).toBe(404);
      expect(response.headers['content-type']).withContext(url).toContain('application/problem+json');
      expect(response.body).withContext(url).toEqual(jasmine.objectContaining({ status: 404, code: 'not_found', type: jasmine.any(String), title: jasmine.any(String) }));
    }
  });

  it('answers malformed JSON with a 400, not a stack trace', async () => {
    const response = await request(testContext().app)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", ');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('malformed_json');
    expect(response.text).not.toContain('at ');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await request(testContext().app)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(2_000_000), password: 'y' }));
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('reports liveness and readiness', async () => {
    const health = await request(testContext().app).get('/healthz');
    expect(health.status).toBe(200);
    const ready = await request(testContext().app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe('up');
    expect(health.headers['set-cookie']).toBeUndefined();
  });

  it('sends the security headers on every response', async () => {
    for (const url of ['/healthz', '/api/v1/auth/me', '/api/v1/openapi.json']) {
      const response = await request(testContext().app).get(url);
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp).withContext(url).toContain("script-src 'self'");
      expect(csp).withContext(url).toContain("frame-ancestors 'none'");
      expect(csp).withContext(url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers['x-content-type-options']).withContext(url).toBe('nosniff');
      expect(response.headers['referrer-policy']).withContext(url).toBeDefined();
      expect(response.headers['x-powered-by']).withContext(url).toBeUndefined();
    }
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await request(testContext().app).get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(jasmine.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/objectives']));
    const login = response.body.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema).toBeDefined();
    expect(login.responses['401']).toBeDefined();
    expect(response.body.components.schemas.Problem).toBeDefined();
  });

  it('serves a browsable API documentation page', async () => {
    const response = await request(testContext().app).get('/api/docs/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});
