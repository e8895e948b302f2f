import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'relationships',
    {
      id: columns.id(),
      type: { type: DataTypes.STRING(20), allowNull: false },
      source_partner_id: columns.reference('partners', 'CASCADE', false),
      target_partner_id: columns.reference('partners', 'CASCADE', false),
      started_on: { type: DataTypes.DATEONLY, allowNull: true },
      ended_on: { type: DataTypes.DATEONLY, allowNull: true },
      note: { type: DataTypes.STRING(500), allowNull: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('relationships', ['source_partner_id', 'target_partner_id', 'type'], { unique: true });
  await queryInterface.addIndex('relationships', ['target_partner_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('relationships');
}
