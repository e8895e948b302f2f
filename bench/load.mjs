// Load run (a measurement, not a test): the built server on 127.0.0.1 against autocannon, next to a bare
// node:http server as the floor. Usage: node scripts/ensure-built.mjs && node bench/load.mjs
// BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/passerelles_bench to run on MariaDB (SQLite by default),
// BENCH_SECONDS per run (10). Every run is bounded in time and only talks to this machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const admin = { email: 'bench@passerelles.local', password: 'a long benchmark password' };
const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelles-bench-'));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bench.sqlite')}`;

const floor = createServer((_req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end('{"status":"ok"}');
});
await new Promise((resolve) => floor.listen(3290, '127.0.0.1', resolve));

const port = 3291;
const server = spawn(process.execPath, [path.join(root, 'backend/dist/backend/src/server.js')], {
  cwd: root,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

try {
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (tries > 240) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const cookie = await signIn();
  const rows = [];
  const run = async (name, url, connections, headers = {}) => {
    const result = await autocannon({ url, connections, duration: seconds, headers });
    const rss = url.startsWith(base) ? residentMemoryMb(server.pid) : null;
    rows.push({
      name,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      p95: result.latency.p97_5 !== undefined ? `${result.latency.p97_5}` : '',
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      rss,
    });
  };
  for (const connections of [16, 64]) {
    await run('node:http floor', 'http://127.0.0.1:3290/healthz', connections);
    await run('GET /healthz', `${base}/healthz`, connections);
    await run('GET /api/v1/auth/me (signed in)', `${base}/api/v1/auth/me`, connections, { cookie });
    await run('GET /api/v1/objectives (signed in)', `${base}/api/v1/objectives`, connections, { cookie });
  }
  console.log(`\n${describe()} — ${seconds} s per run\n`);
  console.log('| run | clients | req/s | p97.5 ms | p99 ms | errors | server RSS MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.connections} | ${row.requestsPerSecond} | ${row.p95} | ${row.p99} | ${row.errors} | ${row.rss ?? ''} |`);
  }
} finally {
  server.kill('SIGTERM');
  floor.close();
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

async function signIn() {
  const first = await fetch(`${base}/api/v1/auth/me`);
  const jar = new Map(first.headers.getSetCookie().map((cookie) => cookie.split(';')[0].split(/=(.*)/s).slice(0, 2)));
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookieHeader(jar), 'X-XSRF-TOKEN': jar.get('XSRF-TOKEN') },
    body: JSON.stringify(admin),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  for (const cookie of login.headers.getSetCookie()) {
    const [name, value] = cookie.split(';')[0].split(/=(.*)/s);
    jar.set(name, value);
  }
  return cookieHeader(jar);
}

function cookieHeader(jar) {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

function residentMemoryMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

function describe() {
  return `${databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'MariaDB'}, Node ${process.version}, ${(await_cpus())} cores`;
}

function await_cpus() {
  return readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((line) => line.startsWith('processor')).length;
}
