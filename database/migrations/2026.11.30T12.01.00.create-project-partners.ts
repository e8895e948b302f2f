import { columns, tableOptions, type MigrationContext } from '../migration';

/** The partners a project involves. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'project_partners',
    {
      project_id: { ...columns.reference('projects', 'CASCADE', false), primaryKey: true },
      partner_id: { ...columns.reference('partners', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('project_partners', ['partner_id', 'project_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('project_partners');
}
