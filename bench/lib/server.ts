// The built server started for a benchmark on 127.0.0.1, signed in, measured, and stopped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const benchAdmin = { email: 'bench@passerelles.local', password: 'a long benchmark password' };

/** The Node options `npm start` gives the server (package.json), so that a benchmark measures the server as it runs. */
export const startOptions: string[] = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--'));

/** Starts `backend/dist/.../server.js` as `npm start` runs it, and resolves once /readyz answers. */
export async function startServer({ port, dataDir, databaseUrl, env = {} }: { port: number; dataDir: string; databaseUrl: string; env?: Record<string, string> }) {
  const child = spawn(process.execPath, [...startOptions, path.join(root, 'backend/dist/backend/src/server.js')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: benchAdmin.email,
      ADMIN_PASSWORD: benchAdmin.password,
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    if (tries > 1200) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    pid: child.pid,
    signIn: () => signIn(base),
    /** Resident memory now, and its peak since start (VmHWM), in MB. */
    memory: () => memoryMb(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs the bench administrator in; returns the Cookie header and the CSRF token for writes. */
export async function signIn(base: string) {
  const first = await fetch(`${base}/api/v1/auth/me`);
  const jar = new Map<string, string>(first.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookieHeader(jar), 'X-XSRF-TOKEN': jar.get('XSRF-TOKEN') ?? '' },
    body: JSON.stringify(benchAdmin),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  for (const cookie of login.headers.getSetCookie()) {
    const [name, value] = cookie.split(';')[0]!.split(/=(.*)/s);
    jar.set(name!, value ?? '');
  }
  return { cookie: cookieHeader(jar), csrf: jar.get('XSRF-TOKEN') ?? '' };
}

function cookieHeader(jar: Map<string, string>) {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export function memoryMb(pid: number | undefined) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const value = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: value('VmRSS'), peak: value('VmHWM') };
}

export function machine(databaseUrl: string) {
  const cores = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((line) => line.startsWith('processor')).length;
  return `${databaseUrl.startsWith('sqlite:') ? 'SQLite' : 'MariaDB'}, Node ${process.version}, ${cores} cores`;
}
