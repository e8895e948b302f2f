import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** A user's private iCalendar feed: only the SHA-256 of its secret token is kept; deleting the row revokes it. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'calendar_feeds',
    {
      user_id: { ...columns.reference('users', 'CASCADE', false), primaryKey: true },
      token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      created_at: columns.timestamp(),
      last_used_at: columns.timestamp(true),
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('calendar_feeds');
}
