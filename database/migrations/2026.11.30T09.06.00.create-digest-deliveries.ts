import { columns, tableOptions, type MigrationContext } from '../migration';
import { DataTypes } from 'sequelize';

/**
 * One row per user and day whose follow-up digest was sent: the primary key lets only one process
 * (or one run) claim a given digest, so that nobody receives it twice.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'digest_deliveries',
    {
      user_id: { ...columns.reference('users', 'CASCADE', false), primaryKey: true },
      day: { type: DataTypes.DATEONLY, allowNull: false, primaryKey: true },
      sent_at: columns.timestamp(),
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('digest_deliveries');
}
