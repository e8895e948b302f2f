import http from 'node:http';
import { agentFor, passwordStep } from '../testing/security-helpers';
import { databaseUrl, startServer, type ServerProcess } from '../testing/server-process';
import { createTestDatabase } from '../testing/test-database';

/**
 * Stopping the server (SIGTERM, as a deployment does) while requests run: the requests whose client has
 * already gone keep running on the server, and must still find the database open until they are done.
 */
describe('stopping the server while requests run', () => {
  const admin = { email: 'shutdown@test.passerelles.local', password: 'a long shutdown test password' };
  let server: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    server = await startServer({
      DATABASE_URL: databaseUrl(database.target),
      SESSION_SECRET: 'shutdown-session-secret-shutdown-session-secret',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      DATA_DIR: `/tmp/passerelles-shutdown-${process.pid}`,
      API_RATE_LIMIT_PER_MINUTE: '100000',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await drop?.();
  }, 60_000);

  it('lets the requests of clients that left finish with the database before closing it', async () => {
    const agent = await agentFor(server!.url);
    expect((await passwordStep(agent, admin.email, admin.password)).status).toBe(200);
    const cookie = [...agent.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const paths = ['/api/v1/partners', '/api/v1/interactions', '/api/v1/contacts', '/api/v1/search?q=sceaux', '/api/v1/home'];
    // Clients that send a request and hang up at once, then the stop signal while their requests run.
    const requests = Array.from({ length: 40 }, (_, index) => {
      const request = http.get(`${server!.url}${paths[index % paths.length]}`, { headers: { cookie } });
      request.on('error', () => undefined);
      return request;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const request of requests) request.destroy();
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server!.child.kill('SIGTERM');
    expect(await exited).withContext(server!.output()).toBe(0);
    expect(server!.output()).not.toContain('connection manager was closed');
    expect(server!.output()).not.toContain('request failed');
  }, 60_000);
});
