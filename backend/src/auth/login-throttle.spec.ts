import { agentFor, appWith, passwordStep } from '../testing/security-helpers';
import { makeUser, testPassword } from '../testing/test-app';

/** Each case runs on an app behind a trusted proxy, so that it can speak from addresses of its own. */
describe('sign-in throttling', () => {
  let counter = 0;
  const newAddress = () => `198.51.${(counter += 1) % 250}.${Date.now() % 250}`;

  it('blocks one address that tries many accounts, with 429 and Retry-After, and not another address', async () => {
    const app = await appWith({ trustProxy: true }, { address: { points: 6, duration: 3600, blockDuration: 3600 } });
    const address = newAddress();
    const attacker = await agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': address });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await passwordStep(attacker, `nobody-${attempt}-${Date.now()}@nowhere.test`, 'wrong password');
      expect(response.status).withContext(`attempt ${attempt + 1}`).toBe(401);
    }
    const user = await makeUser('officer');
    const blocked = await passwordStep(attacker, user.email, testPassword);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(30 * 60);

    const colleague = await agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': newAddress() });
    expect((await passwordStep(colleague, user.email, testPassword)).status).toBe(200);
  });

  it('blocks an account attacked from many addresses, whatever the address', async () => {
    const app = await appWith({ trustProxy: true }, { account: { points: 4, duration: 3600, blockDuration: 1800 } });
    const user = await makeUser('officer');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const agent = await agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': newAddress() });
      expect((await passwordStep(agent, user.email, 'wrong password')).status).toBe(401);
    }
    const owner = await agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': newAddress() });
    const blocked = await passwordStep(owner, user.email, testPassword);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(25 * 60);
  });

  it('does not count successful sign-ins', async () => {
    const app = await appWith({ trustProxy: true }, { address: { points: 3, duration: 3600, blockDuration: 3600 } });
    const address = newAddress();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const user = await makeUser('cabinet');
      const agent = await agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': address });
      expect((await passwordStep(agent, user.email)).status).withContext(`sign-in ${attempt + 1}`).toBe(200);
    }
  });

  it('holds the limit when attempts arrive all at once', async () => {
    const app = await appWith({ trustProxy: true });
    const user = await makeUser('officer');
    const address = newAddress();
    const agents = await Promise.all(Array.from({ length: 12 }, () => agentFor(app, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': address })));
    const statuses = (await Promise.all(agents.map((agent) => passwordStep(agent, user.email, 'wrong password')))).map((r) => r.status);
    expect(statuses.filter((status) => status === 401).length).withContext(statuses.join(',')).toBe(5);
    expect(statuses.filter((status) => status === 429).length).toBe(7);
  });
});
