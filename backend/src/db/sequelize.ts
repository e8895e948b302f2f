import { Sequelize, Transaction, type Options } from 'sequelize';
import type { DatabaseTarget } from '../config';

const define: Options['define'] = {
  underscored: true,
  charset: 'utf8mb4',
  collate: 'utf8mb4_unicode_ci',
};

/** How long a write waits for another writer of the SQLite file before giving up. */
const sqliteBusyTimeoutMs = 10_000;

export function createSequelize(target: DatabaseTarget, logQuery?: (sql: string) => void): Sequelize {
  const logging = logQuery ? (sql: string) => logQuery(sql) : false;
  if (target.dialect === 'sqlite') {
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: target.storage,
      logging,
      define,
      // A write transaction takes the file's write lock at BEGIN, so that two writers queue instead of deadlocking.
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    configureSqliteConnections(sequelize);
    return sequelize;
  }
  return new Sequelize(target.url, {
    dialect: 'mysql',
    logging,
    define,
    timezone: '+00:00',
    dialectOptions: { charset: 'utf8mb4', connectTimeout: 3_000, supportBigNumbers: true },
    // Fail fast when the database is away: a request gets a 503 within a few seconds instead of hanging.
    pool: { max: 10, min: 0, acquire: 5_000, idle: 10_000, evict: 1_000 },
  });
}

type SqliteConnection = { configure(option: 'busyTimeout', value: number): void; run(sql: string): void };

/**
 * Sequelize opens one SQLite connection per transaction and sets no busy timeout, so a second writer
 * would fail at once with SQLITE_BUSY. Every connection it opens gets a busy timeout; the file runs in
 * WAL mode so that readers never wait for a writer.
 */
function configureSqliteConnections(sequelize: Sequelize) {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: object): Promise<SqliteConnection>;
  };
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakSet<SqliteConnection>();
  manager.getConnection = async (options) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      connection.configure('busyTimeout', sqliteBusyTimeoutMs);
      connection.run('PRAGMA journal_mode = WAL');
      configured.add(connection);
    }
    return connection;
  };
}
