import { columns, tableOptions, type MigrationContext } from '../migration';

/** The participants of an interaction (several per interaction). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'interaction_participants',
    {
      interaction_id: { ...columns.reference('interactions', 'CASCADE', false), primaryKey: true },
      user_id: { ...columns.reference('users', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('interaction_participants', ['user_id', 'interaction_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('interaction_participants');
}
