import { Sequelize } from 'sequelize';
import { createMigrator, createSeeder } from '../../../database/migrator';
import type { DatabaseTarget } from '../config';
import { initModels } from './models';
import { createSequelize } from './sequelize';

export class DatabaseUnreachableError extends Error {}

/** Where the database is, for messages: never the password. */
export function describeTarget(target: DatabaseTarget) {
  if (target.dialect === 'sqlite') return `SQLite ${target.storage}`;
  const url = new URL(target.url);
  return `MySQL/MariaDB ${url.hostname}:${url.port || 3306}/${target.database}`;
}

/**
 * Connects, creates the MySQL/MariaDB database if it does not exist yet (utf8mb4), binds the models,
 * runs pending migrations and the seeders. Seeding is idempotent.
 */
export async function openDatabase(target: DatabaseTarget, options: { log?: (message: string) => void; seed?: boolean } = {}) {
  const log = options.log ?? (() => {});
  if (target.dialect === 'mysql') await ensureMysqlDatabase(target);
  const sequelize = createSequelize(target);
  try {
    await sequelize.authenticate();
  } catch (error) {
    await sequelize.close().catch(() => {});
    throw new DatabaseUnreachableError(`Base de données injoignable (${describeTarget(target)}) : ${(error as Error).message}`);
  }
  initModels(sequelize);
  await createMigrator(sequelize, log).up();
  if (options.seed !== false) await createSeeder(sequelize, log).up();
  return sequelize;
}

async function ensureMysqlDatabase(target: Extract<DatabaseTarget, { dialect: 'mysql' }>) {
  const url = new URL(target.url);
  url.pathname = '/';
  const server = new Sequelize(url.toString(), { dialect: 'mysql', logging: false, dialectOptions: { connectTimeout: 5_000 } });
  try {
    await server.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database.replaceAll('`', '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } catch (error) {
    throw new DatabaseUnreachableError(`Base de données injoignable (${describeTarget(target)}) : ${(error as Error).message}`);
  } finally {
    await server.close().catch(() => {});
  }
}
