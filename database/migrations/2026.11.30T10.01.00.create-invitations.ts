import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** Single-use invitations to choose a password: only the SHA-256 of the token is kept. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'invitations',
    {
      id: columns.id(),
      user_id: columns.reference('users', 'CASCADE', false),
      token_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
      expires_at: columns.timestamp(),
      used_at: columns.timestamp(true),
      revoked_at: columns.timestamp(true),
      created_by_user_id: columns.reference('users', 'SET NULL'),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('invitations', ['user_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('invitations');
}
