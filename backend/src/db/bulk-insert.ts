import type { Sequelize, Transaction } from 'sequelize';

export type Value = string | number | boolean | Date | null;

type SqliteConnection = { run(sql: string, params: unknown[], callback: (this: { lastID: number }, error: Error | null) => void): void };
type MysqlConnection = { query(sql: string, values: unknown[], callback: (error: Error | null, result: { insertId: number }) => void): void };

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
    const row = `(${columns.map(() => '?').join(', ')})`;
    const params = rows.flat().map((value) => (value instanceof Date ? sqliteDate(value) : typeof value === 'boolean' ? Number(value) : value));
    const last = await new Promise<number>((resolve, reject) =>
      (connection as SqliteConnection).run(head + rows.map(() => row).join(', '), params, function (error) {
        if (error) reject(error);
        else resolve(this.lastID);
      }),
    );
    return rows.map((_, index) => last - rows.length + 1 + index);
  }
  const first = await new Promise<number>((resolve, reject) =>
    (connection as MysqlConnection).query(`${head}?`, [rows], (error, result) => (error ? reject(error) : resolve(result.insertId))),
  );
  return rows.map((_, index) => first + index);
}

/** Sequelize's own SQLite date format, so that rows written here read back like the others. */
function sqliteDate(date: Date) {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')} +00:00`;
}
