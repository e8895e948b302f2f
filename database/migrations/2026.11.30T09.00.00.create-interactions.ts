import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** One logged exchange with partners and contacts: a meeting, a call, an e-mail... Soft-deleted and versioned. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'interactions',
    {
      id: columns.id(),
      type: { type: DataTypes.STRING(20), allowNull: false },
      occurred_at: columns.timestamp(),
      subject: { type: DataTypes.STRING(300), allowNull: false },
      notes: { type: DataTypes.TEXT, allowNull: true },
      location: { type: DataTypes.STRING(300), allowNull: true },
      /** Subject, location and notes folded, for the list's text filter. */
      search_text: { type: DataTypes.TEXT, allowNull: true },
      created_by_user_id: columns.reference('users', 'SET NULL'),
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('interactions', ['occurred_at', 'id']);
  await queryInterface.addIndex('interactions', ['deleted_at', 'id']);
  await queryInterface.addIndex('interactions', ['type', 'occurred_at']);
  await queryInterface.addIndex('interactions', ['created_by_user_id', 'occurred_at']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('interactions');
}
