import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'sessions',
    {
      sid: { type: DataTypes.STRING(64), primaryKey: true, allowNull: false },
      user_id: columns.reference('users', 'CASCADE'),
      expires: columns.timestamp(true),
      data: { type: DataTypes.TEXT, allowNull: false },
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
  await queryInterface.addIndex('sessions', ['user_id']);
  await queryInterface.addIndex('sessions', ['expires']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('sessions');
}
