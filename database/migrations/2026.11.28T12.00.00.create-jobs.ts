import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** Background jobs: one row per job, leased by one app process at a time. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'jobs',
    {
      name: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      run_at: columns.timestamp(),
      locked_by: { type: DataTypes.STRING(100), allowNull: true },
      locked_until: columns.timestamp(true),
      last_started_at: columns.timestamp(true),
      last_finished_at: columns.timestamp(true),
      last_error: { type: DataTypes.TEXT, allowNull: true },
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('jobs');
}
