import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'audit_events',
    {
      id: columns.id(),
      occurred_at: columns.timestamp(),
      actor_user_id: columns.reference('users', 'SET NULL'),
      action: { type: DataTypes.STRING(32), allowNull: false },
      entity_type: { type: DataTypes.STRING(32), allowNull: false },
      entity_id: { type: DataTypes.INTEGER, allowNull: true },
      before: columns.json(true),
      after: columns.json(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('audit_events', ['entity_type', 'entity_id', 'id']);
  await queryInterface.addIndex('audit_events', ['actor_user_id', 'id']);
  await queryInterface.addIndex('audit_events', ['occurred_at']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('audit_events');
}
