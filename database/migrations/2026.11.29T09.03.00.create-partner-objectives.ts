import { columns, tableOptions, type MigrationContext } from '../migration';

/** The objectives of the action plan a partner is concerned by ("objectifs du plan concernés"). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'partner_objectives',
    {
      partner_id: { ...columns.reference('partners', 'CASCADE', false), primaryKey: true },
      objective_id: { ...columns.reference('objectives', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('partner_objectives', ['objective_id', 'partner_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('partner_objectives');
}
