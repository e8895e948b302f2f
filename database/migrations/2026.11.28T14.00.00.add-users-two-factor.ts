import { DataTypes } from 'sequelize';
import { columns, type MigrationContext } from '../migration';

/**
 * TOTP two-factor sign-in: the secret (encrypted by the application, never sent back once enrolled),
 * when it was turned on, and the last time step used, so that a code cannot be replayed.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('users', 'totp_secret', { type: DataTypes.STRING(255), allowNull: true });
  await queryInterface.addColumn('users', 'totp_enabled_at', columns.timestamp(true));
  await queryInterface.addColumn('users', 'totp_last_step', { type: DataTypes.BIGINT, allowNull: true });
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('users', 'totp_last_step');
  await queryInterface.removeColumn('users', 'totp_enabled_at');
  await queryInterface.removeColumn('users', 'totp_secret');
}
