// Picks the benchmark's database, fills it with the generated data set (once: it is kept between runs),
// and says where it is. SQLite by default (data/bench/), MariaDB with BENCH_DATABASE_URL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../../backend/src/config';
import { openDatabase } from '../../backend/src/db/database';
import { datasetSize, loadDataset } from '../dataset';
import { root } from './server';

export async function prepareDatabase() {
  const scale = Number(process.env['BENCH_SCALE'] ?? 1);
  const size = datasetSize(scale);
  const dataDir = path.join(root, 'data', 'bench');
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? `sqlite:${path.join(dataDir, `bench-${scale}.sqlite`)}`;
  const target = parseDatabaseUrl(databaseUrl, root);
  const log = (line: string) => console.log(`[données] ${line}`);
  log(`${size.partners} partenaires, ${size.contacts} contacts, ${size.interactions} interactions → ${databaseUrl}`);
  const sequelize = await openDatabase(target);
  try {
    await loadDataset(sequelize, size, log);
  } finally {
    await sequelize.close();
  }
  return { databaseUrl, target, dataDir, size, scale };
}
