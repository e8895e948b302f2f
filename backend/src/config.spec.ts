import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'passerelles-config-'));

  it('runs at once with defaults: port 3000 and an SQLite file under data/', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dialect: 'sqlite', storage: path.resolve('data/passerelles.sqlite') });
    expect(config.sessionIdleMinutes).toBe(30);
  });

  it('reads a MySQL/MariaDB URL', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://app:s3cret@db.example:3306/passerelles' });
    expect(config.database).toEqual({ dialect: 'mysql', url: 'mysql://app:s3cret@db.example:3306/passerelles', database: 'passerelles' });
  });

  it('stops on an invalid DATABASE_URL with one clear line', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://localhost/x' })).toThrowMatching(
      (error) => error instanceof ConfigError && error.message.includes('DATABASE_URL') && !error.message.includes('\n'),
    );
  });

  it('stops on an invalid port or a short session secret', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrowError(ConfigError, /PORT/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: 'short' })).toThrowError(ConfigError, /SESSION_SECRET/);
  });

  it('generates a session secret once and keeps it in the data folder', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
  });
});
