// Import benchmark (a measurement, not a test): rows per second of the partners import (file parsed,
// planned, written with its audit events and search entries, in one transaction) against the floor, a
// plain multi-row INSERT of the same rows into `partners` through the database driver.
// Usage: npx tsx bench/import.ts            (SQLite and MariaDB, 10 000 and 100 000 rows)
//   BENCH_SIZES=10000 BENCH_ENGINES=sqlite npx tsx bench/import.ts
//   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306 (default) — a database is created and dropped there.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';
import { foldText } from '../backend/src/common/text';
import type { DatabaseTarget } from '../backend/src/config';
import { runImport } from '../backend/src/data/import.service';
import { readTable } from '../backend/src/data/tabular-file';
import { openDatabase } from '../backend/src/db/database';
import { partnerSearchText } from '../backend/src/partners/partner-text';
import { User } from '../backend/src/users/user.model';

const sizes = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map(Number);
const engines = (process.env['BENCH_ENGINES'] ?? 'sqlite,mariadb').split(',');
const mysqlUrl = process.env['BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const batch = 500;

const kinds = ['Association', 'Ville jumelle', 'Université', 'Réseau', 'Établissement scolaire'];
const kindCodes: Record<string, string> = { Association: 'association', 'Ville jumelle': 'twin_town', Université: 'university', Réseau: 'network', 'Établissement scolaire': 'school' };
const countries = [['Allemagne', 'DE'], ['Pologne', 'PL'], ['Italie', 'IT'], ['Royaume-Uni', 'GB'], ['France', 'FR']] as const;
const cities = ['Brühl', 'Łódź', 'Città di Castello', 'Leamington Spa', 'Sceaux'];

type Row = { name: string; kind: string; country: string; city: string; tags: string };

function rows(count: number, prefix: string): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const [country] = countries[index % countries.length]!;
    return { name: `${prefix} Comité d’échanges n° ${index}`, kind: kinds[index % kinds.length]!, country, city: cities[index % cities.length]!, tags: index % 3 ? 'Europe, jeunesse' : '' };
  });
}

function csvOf(data: Row[]): Buffer {
  const lines = ['Nom;Type;Pays;Ville;Mots-clés', ...data.map((row) => [row.name, row.kind, row.country, row.city, row.tags].map((cell) => (cell.includes(';') ? `"${cell}"` : cell)).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The values of a partners row as the floor writes them: the same columns the import fills. */
function floorValues(row: Row, now: string) {
  const code = countries.find(([name]) => name === row.country)![1];
  return [row.name, foldText(row.name), partnerSearchText(row.name, {}, row.city), '{}', kindCodes[row.kind]!, code, row.city, 'active', 0, 0, now, now];
}
const floorColumns = '(name, sort_name, search_text, local_names, kind, country, city, status, is_example, version, created_at, updated_at)';

async function floorSqlite(file: string, data: Row[]) {
  const db = new sqlite3.Database(file);
  const run = (sql: string, params: unknown[] = []) => new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  await run('PRAGMA busy_timeout = 10000');
  const started = performance.now();
  await run('BEGIN IMMEDIATE');
  const now = new Date().toISOString().replace('T', ' ').replace('Z', ' +00:00');
  for (let start = 0; start < data.length; start += batch) {
    const chunk = data.slice(start, start + batch);
    // SQLite allows 32 766 bound parameters: 500 rows × 12 columns fit.
    await run(`INSERT INTO partners ${floorColumns} VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`, chunk.flatMap((row) => floorValues(row, now)));
  }
  await run('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await run('DELETE FROM partners WHERE seed_key IS NULL AND sort_name LIKE ?', ['floor %']);
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return seconds;
}

async function floorMysql(url: string, data: Row[]) {
  const connection = await mysql.createConnection(url);
  const started = performance.now();
  await connection.beginTransaction();
  const now = new Date();
  for (let start = 0; start < data.length; start += batch) {
    const chunk = data.slice(start, start + batch);
    await connection.query(`INSERT INTO partners ${floorColumns} VALUES ?`, [chunk.map((row) => floorValues(row, '').map((value, index) => (index >= 10 ? now : value)))]);
  }
  await connection.commit();
  const seconds = (performance.now() - started) / 1000;
  await connection.query("DELETE FROM partners WHERE seed_key IS NULL AND sort_name LIKE 'floor %'");
  await connection.end();
  return seconds;
}

async function measure(engine: string, target: DatabaseTarget, floor: (data: Row[]) => Promise<number>) {
  const sequelize = await openDatabase(target);
  const actor = await User.create({ email: `bench-${randomBytes(3).toString('hex')}@passerelles.local`, displayName: 'Banc d’essai', role: 'admin', partnerId: null, passwordHash: null, lastLoginAt: null });
  const results = [];
  for (const size of sizes) {
    const floorSeconds = await floor(rows(size, `Floor ${size}`));
    const file = csvOf(rows(size, `Import ${size}`));
    const started = performance.now();
    const table = await readTable(file, 'bench.csv');
    const outcome = await runImport(table, { kind: 'partners', mapping: undefined, legalBasis: undefined }, 'bench.csv', actor, () => {});
    const importSeconds = (performance.now() - started) / 1000;
    if (outcome.created !== size) throw new Error(`expected ${size} partners created, got ${JSON.stringify(outcome)}`);
    const floorRate = size / floorSeconds;
    const importRate = size / importSeconds;
    results.push({ engine, rows: size, floorRowsPerSecond: Math.round(floorRate), importRowsPerSecond: Math.round(importRate), ratio: Number((importRate / floorRate).toFixed(2)) });
    console.log(JSON.stringify(results.at(-1)));
  }
  await sequelize.close();
  return results;
}

async function main() {
  const all = [];
  if (engines.includes('sqlite')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'passerelles-bench-import-'));
    const storage = path.join(dir, 'bench.sqlite');
    try {
      all.push(...(await measure('SQLite', { dialect: 'sqlite', storage }, (data) => floorSqlite(storage, data))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (engines.includes('mariadb')) {
    const name = `passerelles_bench_import_${randomBytes(3).toString('hex')}`;
    const url = `${mysqlUrl.replace(/\/$/, '')}/${name}`;
    try {
      all.push(...(await measure('MariaDB', { dialect: 'mysql', url, database: name }, (data) => floorMysql(url, data))));
    } finally {
      const server = new Sequelize(`${mysqlUrl.replace(/\/$/, '')}/`, { dialect: 'mysql', logging: false });
      await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await server.close();
    }
  }
  console.table(all);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
