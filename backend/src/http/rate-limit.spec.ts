import request from 'supertest';
import { agentFor, appWith, passwordStep } from '../testing/security-helpers';
import { makeUser } from '../testing/test-app';

describe('API rate limit', () => {
  it('answers 429 problem+json with Retry-After past the limit, per signed-in user', async () => {
    const app = await appWith({ apiRateLimitPerMinute: 10 });
    const user = await makeUser('officer');
    const agent = await agentFor(app);
    expect((await passwordStep(agent, user.email)).status).toBe(200);
    const statuses: number[] = [];
    for (let call = 0; call < 12; call += 1) statuses.push((await agent.get('/api/v1/objectives')).status);
    expect(statuses).toContain(429);
    const refused = await agent.get('/api/v1/objectives');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('too_many_requests');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each signed-in user apart, so colleagues behind one address do not share a budget', async () => {
    const app = await appWith({ apiRateLimitPerMinute: 10 });
    const first = await agentFor(app);
    await passwordStep(first, (await makeUser('officer')).email);
    for (let call = 0; call < 12; call += 1) await first.get('/api/v1/objectives');
    expect((await first.get('/api/v1/objectives')).status).toBe(429);
    const second = await agentFor(app);
    await passwordStep(second, (await makeUser('officer')).email);
    expect((await second.get('/api/v1/objectives')).status).toBe(200);
  });

  it('does not limit the static app or the health checks', async () => {
    const app = await appWith({ apiRateLimitPerMinute: 10 });
    for (let call = 0; call < 15; call += 1) expect((await request(app).get('/healthz')).status).toBe(200);
  });
});
