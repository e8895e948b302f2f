import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'partner_tags',
    {
      partner_id: { ...columns.reference('partners', 'CASCADE', false), primaryKey: true },
      tag: { type: DataTypes.STRING(60), allowNull: false, primaryKey: true },
    },
    tableOptions,
  );
  await queryInterface.addIndex('partner_tags', ['tag', 'partner_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('partner_tags');
}
