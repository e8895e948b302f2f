import { DataTypes } from 'sequelize';
import { columns, type MigrationContext } from '../migration';

/** The retention review's decision to keep a contact: when, and why (an administrator's reason). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('contacts', 'retention_kept_at', columns.timestamp(true));
  await queryInterface.addColumn('contacts', 'retention_reason', { type: DataTypes.STRING(500), allowNull: true });
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('contacts', 'retention_reason');
  await queryInterface.removeColumn('contacts', 'retention_kept_at');
}
