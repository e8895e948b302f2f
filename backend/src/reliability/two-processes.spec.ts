import { agentFor, passwordStep } from '../testing/security-helpers';
import { databaseUrl, startServer, type ServerProcess } from '../testing/server-process';
import { createTestDatabase } from '../testing/test-database';

/**
 * Two app processes on one database (MariaDB in CI, the SQLite file otherwise) behind an imaginary load
 * balancer: sessions, sign-out and sign-in throttling are shared through the database.
 * "A job runs once" belongs to the jobs feature (issue 4): add its case here, with startServer().
 */
describe('two app processes on one database', () => {
  const admin = { email: 'two-processes@test.passerelles.local', password: 'a long two processes password' };
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const env = {
      DATABASE_URL: databaseUrl(database.target),
      SESSION_SECRET: 'shared-session-secret-shared-session-secret',
      ENCRYPTION_KEY: 'shared-encryption-key-shared-encryption-key',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    };
    // One after the other, as a deployment would: the first start migrates and seeds.
    first = await startServer({ ...env, DATA_DIR: `/tmp/passerelles-two-a-${process.pid}` });
    second = await startServer({ ...env, DATA_DIR: `/tmp/passerelles-two-b-${process.pid}` });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await drop?.();
  }, 60_000);

  /** One browser: the same cookies whichever process answers. */
  async function browser() {
    const onFirst = await agentFor(first!.url);
    const onSecond = await agentFor(second!.url);
    const share = () => {
      onSecond.cookies.clear();
      for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    };
    return { onFirst, onSecond, share };
  }

  it('knows on one process a session made on the other, and ends it everywhere at sign-out', async () => {
    const { onFirst, onSecond, share } = await browser();
    expect((await passwordStep(onFirst, admin.email, admin.password)).status).toBe(200);
    share();
    const me = await onSecond.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(admin.email);
    expect((await onSecond.get('/api/v1/users')).status).withContext('a write-protected admin call').toBe(200);

    expect((await onSecond.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await onFirst.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('counts failed sign-ins of both processes together', async () => {
    const { onFirst, onSecond } = await browser();
    const target = 'someone-else@test.passerelles.local';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const agent = attempt % 2 === 0 ? onFirst : onSecond;
      expect((await passwordStep(agent, target, `wrong password ${attempt}`)).status).toBe(401);
    }
    const blocked = await passwordStep(onSecond, target, 'another wrong password');
    expect(blocked.status).toBe(429);
  });
});
