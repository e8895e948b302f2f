import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { dayIn } from '../common/town-time';
import { readOutbox } from '../mail/outbox';
import { agentFor, passwordStep } from '../testing/security-helpers';
import { databaseUrl, startServer, type ServerProcess } from '../testing/server-process';
import { createTestDatabase } from '../testing/test-database';
import type { DatabaseTarget } from '../config';

/**
 * Two app processes on one database (MariaDB in CI, the SQLite file otherwise) behind an imaginary load
 * balancer: sessions, sign-out and sign-in throttling are shared through the database.
 * Both run the background jobs, looking for due ones every second: a due digest is sent once.
 */
describe('two app processes on one database', () => {
  const admin = { email: 'two-processes@test.passerelles.local', password: 'a long two processes password' };
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  let target: DatabaseTarget | undefined;
  const dataDirs = [`/tmp/passerelles-two-a-${process.pid}`, `/tmp/passerelles-two-b-${process.pid}`];

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    target = database.target;
    const env = {
      DATABASE_URL: databaseUrl(database.target),
      SESSION_SECRET: 'shared-session-secret-shared-session-secret',
      ENCRYPTION_KEY: 'shared-encryption-key-shared-encryption-key',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      JOBS: 'on',
      JOBS_POLL_SECONDS: '1',
      TIME_ZONE: 'Europe/Paris',
    };
    // One after the other, as a deployment would: the first start migrates and seeds.
    first = await startServer({ ...env, DATA_DIR: dataDirs[0]! });
    second = await startServer({ ...env, DATA_DIR: dataDirs[1]! });
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

  it('sends the digest of a due follow-up once, whichever process finds the job due', async () => {
    const { onFirst } = await browser();
    expect((await passwordStep(onFirst, admin.email, admin.password)).status).toBe(200);
    const me = (await onFirst.get('/api/v1/auth/me')).body as { id: number };
    const partner = await onFirst.post('/api/v1/partners').send({ name: `Brühl deux processus ${Date.now()}`, kind: 'twin_town', country: 'DE', confirmDuplicate: true });
    expect(partner.status).toBe(201);
    const title = `Envoyer le programme ${Date.now()}`;
    const followUp = await onFirst.post('/api/v1/follow-ups').send({ title, dueOn: dayIn('Europe/Paris'), assigneeUserId: me.id, partnerId: partner.body.id });
    expect(followUp.status).toBe(201);

    // Make the daily job due now, as it is every morning at 7:00; both processes poll every second.
    const raw = target!.dialect === 'sqlite' ? new Sequelize({ dialect: 'sqlite', storage: target!.storage, logging: false }) : new Sequelize(target!.url, { logging: false });
    try {
      await raw.query(`UPDATE jobs SET run_at = :past WHERE name = 'follow-up-digest'`, { replacements: { past: new Date(Date.now() - 60_000) } });
    } finally {
      await raw.close();
    }
    const digests = async () =>
      (await Promise.all(dataDirs.map((dir) => readOutbox(path.join(dir, 'outbox'))))).flat().filter((message) => message.to.includes(admin.email) && message.text.includes(title));
    const deadline = Date.now() + 30_000;
    while ((await digests()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    // Leave both processes several more polls to send it a second time, if they were going to.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const sent = await digests();
    expect(sent.length).withContext(dataDirs.map((dir) => `${dir}: ${safeList(path.join(dir, 'outbox')).join(', ')}`).join(' ; ')).toBe(1);
    expect(sent[0]!.subject).toContain('pour aujourd’hui');
  }, 60_000);
});

function safeList(dir: string) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
