import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'contacts',
    {
      id: columns.id(),
      first_name: { type: DataTypes.STRING(100), allowNull: true },
      last_name: { type: DataTypes.STRING(100), allowNull: false },
      /** "last first", folded: sorting and duplicate detection. */
      sort_name: { type: DataTypes.STRING(200), allowNull: false },
      /** Names, job title and e-mails folded, for the list's text filter. */
      search_text: { type: DataTypes.STRING(2000), allowNull: true },
      job_title: { type: DataTypes.STRING(200), allowNull: true },
      country: { type: DataTypes.CHAR(2), allowNull: true },
      emails: columns.json(),
      phones: columns.json(),
      languages: columns.json(),
      notes: { type: DataTypes.TEXT, allowNull: true },
      legal_basis: { type: DataTypes.STRING(30), allowNull: false },
      consent_on: { type: DataTypes.DATEONLY, allowNull: true },
      consent_source: { type: DataTypes.STRING(300), allowNull: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('contacts', ['sort_name', 'id']);
  await queryInterface.addIndex('contacts', ['created_at', 'id']);
  await queryInterface.addIndex('contacts', ['deleted_at', 'id']);
  await queryInterface.addIndex('contacts', ['country']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('contacts');
}
