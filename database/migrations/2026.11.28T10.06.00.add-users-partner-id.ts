import { columns, type MigrationContext } from '../migration';

/** An association user manages the profile of one partner. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('users', 'partner_id', columns.reference('partners', 'SET NULL'));
  await queryInterface.addIndex('users', ['partner_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('users', 'partner_id');
}
