import { columns, tableOptions, type MigrationContext } from '../migration';

/** The contacts of an interaction (several per interaction). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'interaction_contacts',
    {
      interaction_id: { ...columns.reference('interactions', 'CASCADE', false), primaryKey: true },
      contact_id: { ...columns.reference('contacts', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('interaction_contacts', ['contact_id', 'interaction_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('interaction_contacts');
}
