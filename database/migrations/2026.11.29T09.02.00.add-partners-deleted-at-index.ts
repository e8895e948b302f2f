import type { MigrationContext } from '../migration';

/** The "Corbeille" lists deleted partners, most recently deleted first. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addIndex('partners', ['deleted_at', 'id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeIndex('partners', ['deleted_at', 'id']);
}
