import { columns, type MigrationContext } from '../migration';

/**
 * When a contact was erased at their request (GDPR art. 17) or after the retention review: the row
 * stays, anonymised, so that the interactions that involved "a person" keep their place in the
 * partner's history.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('contacts', 'erased_at', columns.timestamp(true));
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('contacts', 'erased_at');
}
