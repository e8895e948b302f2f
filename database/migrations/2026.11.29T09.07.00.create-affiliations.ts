import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** A contact's role at a partner, over a period: a person can belong to several partners over time. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'affiliations',
    {
      id: columns.id(),
      contact_id: columns.reference('contacts', 'CASCADE', false),
      partner_id: columns.reference('partners', 'CASCADE', false),
      role: { type: DataTypes.STRING(200), allowNull: true },
      /** The role folded, for the list's role filter. */
      role_key: { type: DataTypes.STRING(200), allowNull: true },
      started_on: { type: DataTypes.DATEONLY, allowNull: true },
      ended_on: { type: DataTypes.DATEONLY, allowNull: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('affiliations', ['contact_id']);
  await queryInterface.addIndex('affiliations', ['partner_id', 'contact_id']);
  await queryInterface.addIndex('affiliations', ['role_key', 'contact_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('affiliations');
}
