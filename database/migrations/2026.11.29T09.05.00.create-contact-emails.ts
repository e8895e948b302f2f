import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** One row per e-mail address of a contact (lower-cased): duplicate detection by e-mail. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'contact_emails',
    {
      contact_id: { ...columns.reference('contacts', 'CASCADE', false), primaryKey: true },
      email: { type: DataTypes.STRING(254), allowNull: false, primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('contact_emails', ['email', 'contact_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('contact_emails');
}
