import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

/** What umzug hands to every migration and seeder. */
export type MigrationContext = { context: QueryInterface };

/** Column sets shared by the migrations; they only describe types, so they never change once used. */
export const columns = {
  id: () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }),
  /** Millisecond precision, so that keyset pagination on a timestamp is stable. */
  timestamp: (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull }),
  version: () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }),
  /** JSON is stored as text: MariaDB's JSON is LONGTEXT anyway, and the models decode it the same way on both engines. */
  json: (allowNull = false) => ({ type: DataTypes.TEXT, allowNull }),
  reference: (table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT', allowNull = true) => ({
    type: DataTypes.INTEGER,
    allowNull,
    references: { model: table, key: 'id' },
    onDelete,
    onUpdate: 'CASCADE',
  }),
};

/** utf8mb4 with an accent- and case-insensitive collation on MySQL/MariaDB; ignored by SQLite. */
export const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
