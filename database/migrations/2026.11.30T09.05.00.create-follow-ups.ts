import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** Something promised: a title, a due date, an assignee; linked to an interaction, a partner or a contact. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'follow_ups',
    {
      id: columns.id(),
      title: { type: DataTypes.STRING(300), allowNull: false },
      notes: { type: DataTypes.TEXT, allowNull: true },
      due_on: { type: DataTypes.DATEONLY, allowNull: false },
      status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'open' },
      assignee_user_id: columns.reference('users', 'RESTRICT', false),
      interaction_id: columns.reference('interactions', 'SET NULL'),
      partner_id: columns.reference('partners', 'SET NULL'),
      contact_id: columns.reference('contacts', 'SET NULL'),
      completed_at: columns.timestamp(true),
      created_by_user_id: columns.reference('users', 'SET NULL'),
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('follow_ups', ['assignee_user_id', 'status', 'due_on', 'id']);
  await queryInterface.addIndex('follow_ups', ['status', 'due_on', 'id']);
  await queryInterface.addIndex('follow_ups', ['due_on', 'id']);
  await queryInterface.addIndex('follow_ups', ['created_at', 'id']);
  await queryInterface.addIndex('follow_ups', ['interaction_id']);
  await queryInterface.addIndex('follow_ups', ['partner_id', 'created_at']);
  await queryInterface.addIndex('follow_ups', ['contact_id', 'created_at']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('follow_ups');
}
