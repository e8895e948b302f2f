import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Sequelize } from 'sequelize';
import { delay } from './server-process';

const run = promisify(execFile);

/**
 * Stops and starts the local MariaDB server as this machine runs it (started by
 * `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`, as root). For the
 * database-restart reliability test only: it needs root and a MariaDB of its own (CI).
 */
export async function stopMariadb() {
  await run('mariadb-admin', ['--user=root', 'shutdown'], { timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (await mariadbRunning())) await delay(200);
}

export async function startMariadb() {
  await run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'], { timeout: 30_000 });
}

export async function mariadbRunning() {
  return run('pgrep', ['-x', 'mariadbd']).then(
    () => true,
    () => false,
  );
}

/** Resolves once the server at `url` accepts a connection and answers a query. */
export async function waitForMariadb(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = new Sequelize(url, { dialect: 'mysql', logging: false, dialectOptions: { connectTimeout: 1_000 }, pool: { max: 1, acquire: 2_000 } });
    const ok = await probe.query('SELECT 1').then(
      () => true,
      () => false,
    );
    await probe.close().catch(() => {});
    if (ok) return;
    await delay(200);
  }
  throw new Error('MariaDB did not come back');
}

/** Whatever happened, leaves MariaDB running. */
export async function ensureMariadbRunning(url: string) {
  if (!(await mariadbRunning())) await startMariadb();
  await waitForMariadb(url);
}
