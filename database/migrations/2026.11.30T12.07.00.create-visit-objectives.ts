import { columns, tableOptions, type MigrationContext } from '../migration';

/** The objectives a visit concerns. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'visit_objectives',
    {
      visit_id: { ...columns.reference('visits', 'CASCADE', false), primaryKey: true },
      objective_id: { ...columns.reference('objectives', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('visit_objectives', ['objective_id', 'visit_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('visit_objectives');
}
