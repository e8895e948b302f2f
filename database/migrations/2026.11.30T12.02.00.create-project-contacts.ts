import { columns, tableOptions, type MigrationContext } from '../migration';

/** The contacts a project involves. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'project_contacts',
    {
      project_id: { ...columns.reference('projects', 'CASCADE', false), primaryKey: true },
      contact_id: { ...columns.reference('contacts', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('project_contacts', ['contact_id', 'project_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('project_contacts');
}
