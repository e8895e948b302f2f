import { type MigrationContext } from '../migration';

/**
 * After how many months without an interaction a partner of each kind shows up as "gone quiet" on the
 * officers' home page; administrators change it in the settings.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  const now = new Date();
  const months = {
    twin_town: 6,
    partner_town: 6,
    network: 12,
    university: 12,
    school: 12,
    association: 12,
    institution: 12,
    programme: 12,
    label: 12,
    other: 12,
  };
  await queryInterface.bulkInsert('settings', [{ key: 'quietPartners', value: JSON.stringify({ months }), version: 0, created_at: now, updated_at: now }]);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.bulkDelete('settings', { key: 'quietPartners' });
}
