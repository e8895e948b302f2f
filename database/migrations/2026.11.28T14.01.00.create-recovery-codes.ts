import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** Single-use recovery codes for two-factor sign-in, stored hashed. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'recovery_codes',
    {
      id: columns.id(),
      user_id: columns.reference('users', 'CASCADE', false),
      code_hash: { type: DataTypes.STRING(64), allowNull: false },
      used_at: columns.timestamp(true),
      created_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('recovery_codes', ['user_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('recovery_codes');
}
