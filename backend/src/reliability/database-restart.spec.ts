import autocannon from 'autocannon';
import { QueryTypes } from 'sequelize';
import { createSequelize } from '../db/sequelize';
import { ensureMariadbRunning, startMariadb, stopMariadb, waitForMariadb } from '../testing/mariadb-control';
import { agentFor, passwordStep } from '../testing/security-helpers';
import { databaseUrl, delay, startServer, type ServerProcess } from '../testing/server-process';
import { createTestDatabase } from '../testing/test-database';

/**
 * MariaDB restarts while a bounded load runs against a real server process: the process stays up,
 * /readyz reports the outage, requests fail fast with 503 problem+json instead of hanging, service
 * comes back by itself within 10 seconds of the database, and every write acknowledged before, during
 * or after is there. Needs root and a MariaDB of its own: runs when RELIABILITY_DB_RESTART=1 and
 * TEST_DATABASE_URL names MariaDB (.ci/run sets both).
 */
const enabled = process.env['RELIABILITY_DB_RESTART'] === '1' && /^(mysql|mariadb):/.test(process.env['TEST_DATABASE_URL'] ?? '');
const describeIfEnabled = enabled ? describe : xdescribe;
/** A request that takes longer than this has hung. */
const hangMs = 15_000;

describeIfEnabled('database restart under load', () => {
  const admin = { email: 'restart@test.passerelles.local', password: 'a long database restart password' };
  let server: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  const serverUrl = () => {
    const url = new URL(process.env['TEST_DATABASE_URL']!);
    url.pathname = '/';
    return url.toString();
  };

  afterAll(async () => {
    await ensureMariadbRunning(serverUrl());
    await server?.stop();
    await drop?.();
  }, 120_000);

  it('stays up, says 503 quickly during the outage, comes back by itself and loses no acknowledged write', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    server = await startServer({
      DATABASE_URL: databaseUrl(database.target),
      DATA_DIR: `/tmp/passerelles-restart-${process.pid}`,
      SESSION_SECRET: 'restart-session-secret-restart-session-secret',
      ENCRYPTION_KEY: 'restart-encryption-key-restart-encryption-key',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const client = await agentFor(server.url);
    expect((await passwordStep(client, admin.email, admin.password)).status).toBe(200);
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = client.cookies.get('XSRF-TOKEN')!;
    const url = server.url;

    // Writes, one after the other, for the whole test: each acknowledged account must survive.
    const acknowledged: string[] = [];
    const refused: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        const email = `restart-${index}@test.passerelles.local`;
        const started = Date.now();
        const response = await fetch(`${url}/api/v1/users`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-XSRF-TOKEN': csrf },
          body: JSON.stringify({ email, displayName: `Compte ${index}`, role: 'cabinet' }),
          signal: AbortSignal.timeout(hangMs),
        }).catch((error: unknown) => ({ status: 0, error, headers: new Headers() }));
        expect(Date.now() - started).withContext('a write hung').toBeLessThan(hangMs);
        if (response.status === 201) acknowledged.push(email);
        else {
          refused.push(response.status);
          expect(response.status).withContext(`write ${index}`).toBe(503);
          expect(response.headers.get('content-type')).toContain('application/problem+json');
        }
        await delay(50);
      }
    })();

    // A bounded read load for the whole test.
    const load = autocannon({ url: `${url}/api/v1/objectives`, connections: 8, duration: 30, timeout: hangMs / 1000, headers: { cookie } });

    await delay(4_000);
    const beforeOutage = acknowledged.length;
    await stopMariadb();
    try {
      // During the outage: /readyz says so, the API answers 503 problem+json, nothing hangs.
      let readySaid503 = false;
      let apiSaid503 = false;
      const outageEnd = Date.now() + 5_000;
      while (Date.now() < outageEnd) {
        const started = Date.now();
        const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(hangMs) });
        readySaid503 ||= ready.status === 503;
        const api = await fetch(`${url}/api/v1/objectives`, { headers: { cookie }, signal: AbortSignal.timeout(hangMs) });
        if (api.status === 503) {
          apiSaid503 = true;
          expect(api.headers.get('content-type')).toContain('application/problem+json');
          expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(((await api.json()) as { code: string }).code).toBe('service_unavailable');
        }
        expect(Date.now() - started).withContext('a request hung during the outage').toBeLessThan(hangMs);
        expect(server.alive()).withContext('the app process stays up').toBeTrue();
        await delay(300);
      }
      expect(readySaid503).withContext('/readyz reported the outage').toBeTrue();
      expect(apiSaid503).withContext('the API answered 503').toBeTrue();
    } finally {
      await startMariadb();
    }
    await waitForMariadb(serverUrl());
    const databaseBack = Date.now();

    // Back by itself: /readyz and a signed-in call succeed again, within 10 seconds of the database.
    let recoveredAfterMs = Number.POSITIVE_INFINITY;
    while (Date.now() - databaseBack < 30_000) {
      const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(hangMs) });
      const api = await fetch(`${url}/api/v1/objectives`, { headers: { cookie }, signal: AbortSignal.timeout(hangMs) });
      if (ready.status === 200 && api.status === 200) {
        recoveredAfterMs = Date.now() - databaseBack;
        break;
      }
      await delay(200);
    }
    expect(recoveredAfterMs).withContext('service back within 10 s of the database').toBeLessThanOrEqual(10_000);

    const afterRecovery = acknowledged.length;
    await delay(3_000);
    writing = false;
    await writer;
    const result = await load;
    expect(acknowledged.length).withContext('writes acknowledged after the recovery').toBeGreaterThan(afterRecovery);
    expect(beforeOutage).withContext('writes acknowledged before the outage').toBeGreaterThan(0);
    expect(result.timeouts).withContext('load requests that hung').toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    expect(server.alive()).toBeTrue();

    console.log(
      `\n  database restart: ${acknowledged.length} writes acknowledged (${beforeOutage} before the outage), ${refused.length} refused with 503, ` +
        `service back ${recoveredAfterMs} ms after the database, load: ${result['2xx']} × 2xx, ${result.non2xx} others, ${result.timeouts} timeouts`,
    );

    // Nothing acknowledged is lost, and each has its audit event.
    const sequelize = createSequelize(database.target);
    try {
      const rows = await sequelize.query<{ id: number; email: string }>('SELECT id, email FROM users', { type: QueryTypes.SELECT });
      const stored = new Map(rows.map((row) => [row.email, row.id]));
      const missing = acknowledged.filter((email) => !stored.has(email));
      expect(missing).withContext(`${acknowledged.length} acknowledged, ${refused.length} refused with 503`).toEqual([]);
      const audited = await sequelize.query<{ entity_id: number }>("SELECT entity_id FROM audit_events WHERE action = 'create' AND entity_type = 'user'", {
        type: QueryTypes.SELECT,
      });
      const auditedIds = new Set(audited.map((row) => row.entity_id));
      expect(acknowledged.filter((email) => !auditedIds.has(stored.get(email)!))).toEqual([]);
    } finally {
      await sequelize.close();
    }
  }, 240_000);
});
