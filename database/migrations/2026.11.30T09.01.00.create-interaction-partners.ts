import { columns, tableOptions, type MigrationContext } from '../migration';

/** The partners of an interaction (several per interaction). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'interaction_partners',
    {
      interaction_id: { ...columns.reference('interactions', 'CASCADE', false), primaryKey: true },
      partner_id: { ...columns.reference('partners', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('interaction_partners', ['partner_id', 'interaction_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('interaction_partners');
}
