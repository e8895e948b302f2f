import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** A multi-step initiative: a Projeunes application, the label candidacy, a school exchange, U-LEAD... */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'projects',
    {
      id: columns.id(),
      title: { type: DataTypes.STRING(200), allowNull: false },
      /** The title folded, for sorting and the list's text filter. */
      sort_title: { type: DataTypes.STRING(200), allowNull: false },
      kind: { type: DataTypes.STRING(30), allowNull: false },
      status: { type: DataTypes.STRING(20), allowNull: false },
      starts_on: { type: DataTypes.DATEONLY, allowNull: true },
      ends_on: { type: DataTypes.DATEONLY, allowNull: true },
      /** In euro cents: exact, and the same integer on both engines (up to 21 million euros). */
      budget_cents: { type: DataTypes.INTEGER, allowNull: true },
      description: { type: DataTypes.TEXT, allowNull: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('projects', ['sort_title', 'id']);
  await queryInterface.addIndex('projects', ['starts_on', 'id']);
  await queryInterface.addIndex('projects', ['created_at', 'id']);
  await queryInterface.addIndex('projects', ['status']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('projects');
}
