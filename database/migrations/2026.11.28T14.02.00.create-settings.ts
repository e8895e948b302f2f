import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** Application settings that administrators change at run time, one JSON value per key. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'settings',
    {
      key: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      value: columns.json(),
      version: columns.version(),
      updated_by_user_id: columns.reference('users', 'SET NULL'),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  const now = new Date();
  await queryInterface.bulkInsert('settings', [
    { key: 'security', value: JSON.stringify({ twoFactorRequiredForStaff: false }), version: 0, created_at: now, updated_at: now },
  ]);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('settings');
}
