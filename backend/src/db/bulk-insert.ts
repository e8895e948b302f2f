import type { Sequelize, Transaction } from 'sequelize';

export type Value = string | number | boolean | Date | null;

type RunCallback = (this: { lastID: number }, error: Error | null) => void;
type SqliteStatement = { run(params: unknown[], callback: RunCallback): void; finalize(callback: () => void): void };
type SqliteConnection = { run(sql: string, params: unknown[], callback: RunCallback): void; prepare(sql: string, callback: (error: Error | null) => void): SqliteStatement };
type MysqlConnection = { query(sql: string, values: unknown[], callback: (error: Error | null, result: { insertId: number }) => void): void };

/** The SQLite statements prepared for a transaction's bulk writes, by SQL text: see `withPreparedInserts`. */
const preparedInserts = new WeakMap<Transaction, Map<string, Promise<SqliteStatement>>>();

/** Rows of a prepared INSERT: one statement of that many rows is prepared once and reused. */
const preparedRows = 500;
/** SQLite's limit on the parameters of one statement (since 3.32). */
const sqliteMaxParameters = 32_766;

/**
 * One multi-row INSERT sent straight through the transaction's own driver connection: no model
 * instances, values bound by the driver. Returns the new ids: a multi-row INSERT ... VALUES is a
 * "simple insert" whose auto-increment ids are consecutive on InnoDB in every innodb_autoinc_lock_mode
 * (MariaDB reports the first), and on SQLite, whose writer holds the database (it reports the last).
 * Sequelize's bulkCreate relies on the same. The model's hooks do not run: callers fill the columns
 * those hooks would.
 */
export async function insertRows(table: string, columns: string[], rows: Value[][], transaction: Transaction): Promise<number[]> {
  if (rows.length === 0) return [];
  const { sequelize, connection } = transaction as unknown as { sequelize: Sequelize; connection: unknown };
  const queryInterface = sequelize.getQueryInterface();
  const head = `INSERT INTO ${queryInterface.quoteIdentifier(table)} (${columns.map((column) => queryInterface.quoteIdentifier(column)).join(', ')}) VALUES `;
  if (sequelize.getDialect() === 'sqlite') {
    const statements = preparedInserts.get(transaction);
    if (!statements) return sqliteInsert(connection as SqliteConnection, head, columns, rows, null);
    // Within `withPreparedInserts`: full blocks of `preparedRows` rows go through one statement prepared
    // once; the rest (a shorter last block) is an ordinary statement. Each block reports its own ids.
    const block = Math.min(preparedRows, Math.floor(sqliteMaxParameters / columns.length));
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += block) {
      const part = rows.slice(start, start + block);
      let statement: Promise<SqliteStatement> | null = null;
      if (part.length === block) {
        const sql = head + placeholders(columns, block);
        statement = statements.get(sql) ?? null;
        if (!statement) {
          statement = prepare(connection as SqliteConnection, sql);
          statements.set(sql, statement);
        }
      }
      ids.push(...(await sqliteInsert(connection as SqliteConnection, head, columns, part, statement && (await statement))));
    }
    return ids;
  }
  const first = await new Promise<number>((resolve, reject) =>
    (connection as MysqlConnection).query(`${head}?`, [rows], (error, result) => (error ? reject(error) : resolve(result.insertId))),
  );
  return rows.map((_, index) => first + index);
}

/**
 * Runs `write`, whose `insertRows` on SQLite in this transaction reuse their prepared statements
 * (parsing an INSERT of thousands of placeholders costs about as much as running it), and finalizes
 * them once `write` has ended, however it ends. Other dialects simply run `write`.
 */
export async function withPreparedInserts<T>(transaction: Transaction, write: () => Promise<T>): Promise<T> {
  const { sequelize } = transaction as unknown as { sequelize: Sequelize };
  if (sequelize.getDialect() !== 'sqlite' || preparedInserts.has(transaction)) return write();
  const statements = new Map<string, Promise<SqliteStatement>>();
  preparedInserts.set(transaction, statements);
  try {
    return await write();
  } finally {
    preparedInserts.delete(transaction);
    const prepared = await Promise.allSettled(statements.values());
    await Promise.all(prepared.map((result) => (result.status === 'fulfilled' ? new Promise<void>((resolve) => result.value.finalize(() => resolve())) : null)));
  }
}

function placeholders(columns: string[], count: number) {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return Array.from({ length: count }, () => row).join(', ');
}

function prepare(connection: SqliteConnection, sql: string) {
  return new Promise<SqliteStatement>((resolve, reject) => {
    const statement = connection.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
  });
}

async function sqliteInsert(connection: SqliteConnection, head: string, columns: string[], rows: Value[][], statement: SqliteStatement | null) {
  // The rows of a statement usually share their Date objects (the chunk's "now"): each is formatted once.
  const dates = new Map<Date, string>();
  const params = rows.flat().map((value) => {
    if (typeof value === 'boolean') return Number(value);
    if (!(value instanceof Date)) return value;
    let text = dates.get(value);
    if (text === undefined) dates.set(value, (text = sqliteDate(value)));
    return text;
  });
  const last = await new Promise<number>((resolve, reject) => {
    const done: RunCallback = function (error) {
      if (error) reject(error);
      else resolve(this.lastID);
    };
    if (statement) statement.run(params, done);
    else connection.run(head + placeholders(columns, rows.length), params, done);
  });
  return rows.map((_, index) => last - rows.length + 1 + index);
}

/** Sequelize's own SQLite date format, so that rows written here read back like the others. */
function sqliteDate(date: Date) {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')} +00:00`;
}
