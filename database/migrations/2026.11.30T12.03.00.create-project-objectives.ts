import { columns, tableOptions, type MigrationContext } from '../migration';

/** The objectives a project involves. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'project_objectives',
    {
      project_id: { ...columns.reference('projects', 'CASCADE', false), primaryKey: true },
      objective_id: { ...columns.reference('objectives', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('project_objectives', ['objective_id', 'project_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('project_objectives');
}
