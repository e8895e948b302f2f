import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** One row per language a contact speaks (ISO 639-1): the list's language filter. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'contact_languages',
    {
      contact_id: { ...columns.reference('contacts', 'CASCADE', false), primaryKey: true },
      language: { type: DataTypes.STRING(8), allowNull: false, primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('contact_languages', ['language', 'contact_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('contact_languages');
}
