import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { parseDatabaseUrl, type DatabaseTarget } from '../config';

/**
 * A database of its own for one test run: a temporary SQLite file by default, or, when
 * TEST_DATABASE_URL names a MySQL/MariaDB server, a fresh database on it, dropped at the end.
 */
export async function createTestDatabase(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url || url.startsWith('sqlite:')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'passerelles-test-'));
    return {
      target: { dialect: 'sqlite', storage: path.join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = parseDatabaseUrl(url);
  if (base.dialect !== 'mysql') throw new Error(`TEST_DATABASE_URL non pris en charge : ${url}`);
  const name = `passerelles_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = new URL(base.url);
  server.pathname = `/${name}`;
  return {
    target: { dialect: 'mysql', url: server.toString(), database: name },
    drop: async () => {
      server.pathname = '/';
      const admin = new Sequelize(server.toString(), { dialect: 'mysql', logging: false });
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.close();
      }
    },
  };
}
