import { DataTypes, type ModelAttributeColumnOptions, type Model } from 'sequelize';

/**
 * A JSON value kept in a TEXT column: MariaDB's JSON type is LONGTEXT and comes back from mysql2 as a
 * string, SQLite has no JSON type, so the model encodes and decodes the same way on both.
 */
export function jsonColumn<T>(field: string, fallback: () => T, allowNull = false): ModelAttributeColumnOptions<Model> {
  return {
    type: DataTypes.TEXT,
    allowNull,
    ...(allowNull ? {} : { defaultValue: JSON.stringify(fallback()) }),
    get(this: Model) {
      const raw = this.getDataValue(field as never) as unknown;
      if (raw === null || raw === undefined) return allowNull ? null : fallback();
      return typeof raw === 'string' ? (JSON.parse(raw) as T) : (raw as T);
    },
    set(this: Model, value: T | null) {
      this.setDataValue(field as never, (value === null || value === undefined ? (allowNull ? null : JSON.stringify(fallback())) : JSON.stringify(value)) as never);
    },
  };
}
