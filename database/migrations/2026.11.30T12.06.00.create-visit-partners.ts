import { columns, tableOptions, type MigrationContext } from '../migration';

/** The partners a visit concerns. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'visit_partners',
    {
      visit_id: { ...columns.reference('visits', 'CASCADE', false), primaryKey: true },
      partner_id: { ...columns.reference('partners', 'CASCADE', false), primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('visit_partners', ['partner_id', 'visit_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('visit_partners');
}
