// Load run (a measurement, not a test): a realistic mix — 70 % lists and search, 20 % record pages,
// 10 % writes — at 16 and 64 clients on the generated data set, and /healthz against a bare node:http
// server as the floor. Usage: npm run bench:load (SQLite under data/bench/; BENCH_DATABASE_URL for
// MariaDB; BENCH_SCALE, BENCH_SECONDS as for npm run bench). Only talks to 127.0.0.1.
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { p95Of } from './lib/latency';
import { prepareDatabase } from './lib/prepare';
import { machine, startServer } from './lib/server';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
type Row = { name: string; clients: number; rps: number; p50: number; p95: number; p97: number; errors: number; rss?: number };

async function main() {
  const prepared = await prepareDatabase();

  const floor = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => floor.listen(3290, '127.0.0.1', resolve));
  const server = await startServer({ port: 3291, dataDir: prepared.dataDir, databaseUrl: prepared.databaseUrl });

  const rows: Row[] = [];

  try {
    const { cookie, csrf } = await server.signIn();
    const partnerIds = await sampleIds(`${server.base}/api/v1/partners?limit=100&sort=-lastInteraction`, cookie);
    const contactIds = await sampleIds(`${server.base}/api/v1/contacts?limit=100`, cookie);
    const pick = <T>(values: T[]) => values[Math.floor(Math.random() * values.length)]!;

    const lists = [
      '/api/v1/partners?kind=twin_town&sort=name',
      '/api/v1/partners?country=DE&sort=-lastInteraction',
      '/api/v1/contacts?q=muller',
      '/api/v1/interactions?limit=25',
      '/api/v1/follow-ups?assignee=me&status=open',
      '/api/v1/search?q=jumel&limit=5',
      '/api/v1/search?q=bruhl&limit=5',
    ];
    const mix = {
      lists: { share: 0.7, request: () => ({ method: 'GET' as const, path: pick(lists) }) },
      pages: {
        share: 0.2,
        request: () =>
          pick([
            { method: 'GET' as const, path: `/api/v1/partners/${pick(partnerIds)}` },
            { method: 'GET' as const, path: `/api/v1/partners/${pick(partnerIds)}/timeline` },
            { method: 'GET' as const, path: `/api/v1/contacts/${pick(contactIds)}` },
          ]),
      },
      writes: {
        share: 0.1,
        request: () => ({
          method: 'POST' as const,
          path: '/api/v1/interactions',
          headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie },
          body: JSON.stringify({
            type: 'call',
            occurredAt: new Date().toISOString(),
            subject: 'Appel de suivi (banc de charge)',
            notes: 'Point sur l’échange scolaire et la prochaine visite.',
            partnerIds: [pick(partnerIds)],
            contactIds: [],
          }),
        }),
      },
    };

    for (const clients of [16, 64]) {
      rows.push(summary('node:http floor (/healthz)', clients, await autocannon({ url: 'http://127.0.0.1:3290/healthz', connections: clients, duration: seconds })));
      rows.push(summary('GET /healthz', clients, await autocannon({ url: `${server.base}/healthz`, connections: clients, duration: seconds })));
      // The three parts of the mix run at once, their clients shared 70/20/10.
      const parts = await Promise.all(
        Object.entries(mix).map(async ([name, part]) => {
          const connections = Math.max(1, Math.round(clients * part.share));
          const result = await autocannon({
            url: server.base,
            connections,
            duration: seconds,
            headers: { cookie },
            requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, ...part.request() }) }],
          });
          return { name, connections, result };
        }),
      );
      const memory = server.memory();
      for (const part of parts) rows.push(summary(`mix: ${part.name}`, part.connections, part.result));
      rows.push({
        name: 'mix: total',
        clients: parts.reduce((sum, part) => sum + part.connections, 0),
        rps: parts.reduce((sum, part) => sum + Math.round(part.result.requests.average), 0),
        p50: Math.max(...parts.map((part) => part.result.latency.p50)),
        p95: Math.max(...parts.map((part) => p95Of(part.result))),
        p97: Math.max(...parts.map((part) => part.result.latency.p97_5)),
        errors: parts.reduce((sum, part) => sum + part.result.errors + part.result.timeouts + part.result.non2xx, 0),
        rss: memory.rss,
      });
    }
    const memory = server.memory();
    console.log(`\n${machine(prepared.databaseUrl)} — ${prepared.size.partners} partners, ${prepared.size.contacts} contacts, ${prepared.size.interactions} interactions — ${seconds} s per run\n`);
    console.log('| run | clients | req/s | p50 ms | p95 ms | p97.5 ms | errors | server RSS MB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(`| ${row.name} | ${row.clients} | ${row.rps} | ${row.p50} | ${row.p95} | ${row.p97} | ${row.errors} | ${row.rss ?? ''} |`);
    console.log(`\nServer peak memory (VmHWM): ${memory.peak} MB`);
  } finally {
    await server.stop();
    floor.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

function summary(name: string, clients: number, result: autocannon.Result): Row {
  return {
    name,
    clients,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: p95Of(result),
    p97: result.latency.p97_5,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function sampleIds(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const ids = ((await response.json()) as { items: { id: number }[] }).items.map((item) => item.id);
  if (ids.length === 0) throw new Error(`${url}: no records`);
  return ids;
}
