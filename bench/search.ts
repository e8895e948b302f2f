// Search and filtered-list benchmark (a measurement, not a test). Usage: npm run bench
// (SQLite under data/bench/; BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/passerelles_bench for MariaDB;
// BENCH_SCALE=0.1 for a tenth of the data set; BENCH_SECONDS per autocannon run, 10 by default).
// Prints p50/p95 at 1 and 16 clients through the API, the same SQL run directly through the driver (the
// floor), a LIKE '%term%' scan against the index, and the server's peak memory.
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import sqlite3 from 'sqlite3';
import { QueryTypes, type Sequelize } from 'sequelize';
import { openDatabase } from '../backend/src/db/database';
import { encodeCursor, sortKeyFrom } from '../backend/src/http/keyset';
import { listPartners } from '../backend/src/partners/partners.service';
import { PartnerListQuery } from '../backend/src/partners/partners.schema';
import { search } from '../backend/src/search/search.service';
import { SearchQuery } from '../backend/src/search/search.schema';
import type { CurrentUser } from '../backend/src/users/users.schema';
import { p95Of } from './lib/latency';
import { prepareDatabase } from './lib/prepare';
import { machine, startServer } from './lib/server';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
// What officers type: partner towns, surnames, topics; and one word that is common on purpose ("jumel",
// as in jumelage: a fifth of the notes), to show what a common word costs.
const terms = ['bruhl', 'leamington', 'zelenodolsk', 'schmidt', 'ouedraogo', 'eloge', 'chorale', 'jumel'];
const listPaths = ['/api/v1/partners?kind=twin_town&country=DE&sort=name', '/api/v1/partners?q=univ&kind=university', '/api/v1/partners?country=FR&sort=-lastInteraction'];

async function main() {
  const prepared = await prepareDatabase();
  const floor = await measureFloor(prepared.target);
  const server = await startServer({ port: 3292, dataDir: prepared.dataDir, databaseUrl: prepared.databaseUrl });
  const rows: string[] = [];
  try {
    const { cookie } = await server.signIn();
    const usual = terms.slice(0, -1).map((term) => `/api/v1/search?q=${encodeURIComponent(term)}&limit=5`);
    const common = [`/api/v1/search?q=${terms.at(-1)!}&limit=5`];
    // Page 5 000 of 25 (or the last whole page of a smaller data set).
    const deepPage = Math.min(5_000, Math.floor(prepared.size.interactions / 25));
    const deepCursor = await interactionsCursorAtPage(prepared.target, deepPage, 25);
    for (const connections of [1, 16]) {
      rows.push(row(`GET /api/v1/search (${usual.length} terms in turn)`, connections, await run(server.base, usual, connections, cookie), floor.search));
      rows.push(row(`GET /api/v1/search?q=${terms.at(-1)!} (common word)`, connections, await run(server.base, common, connections, cookie), floor.common));
      rows.push(row('GET /api/v1/partners, filtered (3 filters in turn)', connections, await run(server.base, listPaths, connections, cookie), floor.list));
      rows.push(row('GET /api/v1/interactions, page 1', connections, await run(server.base, ['/api/v1/interactions'], connections, cookie), none));
      rows.push(row(`GET /api/v1/interactions, page ${deepPage.toLocaleString('fr-FR')}`, connections, await run(server.base, [`/api/v1/interactions?cursor=${deepCursor}`], connections, cookie), none));
    }
    const memory = server.memory();
    console.log(`\n${machine(prepared.databaseUrl)} — ${prepared.size.partners} partners, ${prepared.size.contacts} contacts, ${prepared.size.interactions} interactions — ${seconds} s per run\n`);
    console.log('| run | clients | req/s | p50 ms | p95 ms | errors | API p95 / driver p95 |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const line of rows) console.log(line);
    console.log(`\nDriver floor (same SQL through ${prepared.target.dialect === 'mysql' ? 'mysql2' : 'sqlite3'}, one client): search p50 ${floor.search.p50} ms, p95 ${floor.search.p95} ms; common word p50 ${floor.common.p50} ms, p95 ${floor.common.p95} ms; filtered list p50 ${floor.list.p50} ms, p95 ${floor.list.p95} ms`);
    console.log(`Per term (median of 5, one client): matches, the index's query, a LIKE '%term%' scan of the same text, scan / index:`);
    for (const entry of floor.like) console.log(`  ${entry.term}: ${entry.matches} matches, index ${entry.index} ms, scan ${entry.scan} ms, ×${entry.ratio}`);
    console.log(`Server memory: ${memory.rss} MB resident at the end, ${memory.peak} MB at its peak`);
  } finally {
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

type Percentiles = { p50: number; p95: number };
const none: Percentiles = { p50: 0, p95: 0 };

/** The cursor the API hands out at the end of page `page` of the interactions (newest first, `limit` a page). */
async function interactionsCursorAtPage(target: Parameters<typeof openDatabase>[0], page: number, limit: number) {
  const sequelize = await openDatabase(target, { seed: false });
  try {
    const [last] = await sequelize.query<{ id: number; occurredAt: string | Date }>(
      'SELECT id, occurred_at AS occurredAt FROM interactions WHERE deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 1 OFFSET :offset',
      { replacements: { offset: page * limit - 1 }, type: QueryTypes.SELECT },
    );
    if (!last) throw new Error(`The data set has fewer than ${page} pages of interactions.`);
    const key = sortKeyFrom({ occurred: { attribute: 'occurredAt', column: 'occurred_at', type: 'date' } }, '-occurred');
    return encodeCursor(key, new Date(last.occurredAt), last.id);
  } finally {
    await sequelize.close();
  }
}

async function run(base: string, paths: string[], connections: number, cookie: string) {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers: { cookie },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return result;
}

function row(name: string, connections: number, result: autocannon.Result, driver: Percentiles) {
  const p95 = result.latency.p97_5 === undefined ? result.latency.p99 : p95Of(result);
  return `| ${name} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${p95} | ${result.errors + result.timeouts + result.non2xx} | ${driver.p95 > 0 ? `×${(p95 / driver.p95).toFixed(1)}` : ''} |`;
}

/** The SQL the API runs for these requests, captured from the services, then replayed through the bare driver. */
async function measureFloor(target: Parameters<typeof openDatabase>[0]) {
  const captured: string[] = [];
  let capturing = false;
  const sequelize = await openDatabase(target, { seed: false });
  (sequelize as unknown as { options: { logging: (sql: string) => void } }).options.logging = (sql: string) => {
    if (capturing) captured.push(sql.replace(/^Executing \([^)]*\): /, ''));
  };
  const officer = { id: 1, role: 'officer' } as CurrentUser;
  const capture = async (action: () => Promise<unknown>) => {
    captured.length = 0;
    capturing = true;
    await action();
    capturing = false;
    return [...captured];
  };
  const searchSql: string[][] = [];
  for (const term of terms) searchSql.push(await capture(() => search(officer, SearchQuery.parse({ q: term, limit: '5' }))));
  const listSql: string[][] = [];
  for (const path of listPaths) {
    const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
    listSql.push(await capture(() => listPartners(PartnerListQuery.parse(query) as never)));
  }
  const like = await likeVersusIndex(sequelize, searchSql);
  await sequelize.close();

  const driver = await openDriver(target);
  try {
    const time = async (statements: string[][]) => {
      const durations: number[] = [];
      const rounds = Math.max(20, Math.ceil(200 / statements.length));
      for (let round = 0; round < rounds; round += 1) {
        for (const group of statements) {
          const started = performance.now();
          for (const sql of group) await driver.all(sql);
          durations.push(performance.now() - started);
        }
      }
      return percentiles(durations);
    };
    return { search: await time(searchSql.slice(0, -1)), common: await time(searchSql.slice(-1)), list: await time(listSql), like };
  } finally {
    await driver.close();
  }
}

async function likeVersusIndex(sequelize: Sequelize, searchSql: string[][]) {
  const results: { term: string; matches: number; scan: number; index: number; ratio: string }[] = [];
  const officer = { id: 1, role: 'officer' } as CurrentUser;
  for (const [position, term] of terms.entries()) {
    const found = await search(officer, SearchQuery.parse({ q: term, limit: '5' }));
    const matches = found.groups.reduce((sum, group) => sum + group.total, 0);
    const indexTime = await median(async () => {
      for (const sql of searchSql[position]!) await sequelize.query(sql, { type: QueryTypes.SELECT });
    });
    const scanTime = await median(() =>
      sequelize.query(
        `SELECT kind, COUNT(*) AS total FROM search_entries WHERE names_folded LIKE :pattern OR body_folded LIKE :pattern GROUP BY kind`,
        { replacements: { pattern: `%${term}%` }, type: QueryTypes.SELECT },
      ),
    );
    results.push({ term, matches, scan: Math.round(scanTime), index: Math.round(indexTime), ratio: (scanTime / Math.max(indexTime, 0.1)).toFixed(0) });
  }
  return results;
}

async function median(action: () => Promise<unknown>) {
  const durations: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    await action();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b)[2]!;
}

function percentiles(durations: number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (fraction: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

async function openDriver(target: Parameters<typeof openDatabase>[0]) {
  if (target.dialect === 'mysql') {
    const connection = await mysql.createConnection(target.url);
    return { all: (sql: string) => connection.query(sql), close: () => connection.end() };
  }
  const database = new sqlite3.Database(target.storage, sqlite3.OPEN_READONLY);
  return {
    all: (sql: string) => new Promise((resolve, reject) => database.all(sql, (error, found) => (error ? reject(error) : resolve(found)))),
    close: () => new Promise<void>((resolve) => database.close(() => resolve())),
  };
}
