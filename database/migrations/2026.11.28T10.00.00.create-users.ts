import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'users',
    {
      id: columns.id(),
      email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
      display_name: { type: DataTypes.STRING(120), allowNull: false },
      password_hash: { type: DataTypes.STRING(255), allowNull: true },
      role: { type: DataTypes.STRING(20), allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      last_login_at: columns.timestamp(true),
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('users');
}
