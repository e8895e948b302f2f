import { columns, type MigrationContext } from '../migration';

/**
 * When the partner's latest interaction took place: kept by the interactions feature, so that the
 * list can sort on it with keyset pagination (most recent first, never-contacted partners last).
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('partners', 'last_interaction_at', columns.timestamp(true));
  await queryInterface.addIndex('partners', ['last_interaction_at', 'id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeIndex('partners', ['last_interaction_at', 'id']);
  await queryInterface.removeColumn('partners', 'last_interaction_at');
}
