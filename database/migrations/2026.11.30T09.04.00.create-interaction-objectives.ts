import { columns, tableOptions, type MigrationContext } from '../migration';

/** The objectives of an interaction (several per interaction). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'interaction_objectives',
    {
      interaction_id: { ...columns.reference('interactions', 'CASCADE', false), primaryKey: true },
      objective_id: { ...columns.reference('objectives', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('interaction_objectives', ['objective_id', 'interaction_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('interaction_objectives');
}
