import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/**
 * A change of its public profile proposed by an association, waiting for an officer's review: the
 * proposed values per field, the values they replace and the partner version they were based on.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'profile_updates',
    {
      id: columns.id(),
      partner_id: columns.reference('partners', 'CASCADE', false),
      submitted_by_user_id: columns.reference('users', 'SET NULL'),
      status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'pending' },
      proposed: columns.json(),
      base_values: columns.json(),
      base_version: { type: DataTypes.INTEGER, allowNull: false },
      accepted_fields: columns.json(),
      review_message: { type: DataTypes.TEXT, allowNull: true },
      reviewed_by_user_id: columns.reference('users', 'SET NULL'),
      reviewed_at: columns.timestamp(true),
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('profile_updates', ['partner_id', 'status']);
  await queryInterface.addIndex('profile_updates', ['status', 'created_at', 'id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('profile_updates');
}
