import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'objectives',
    {
      id: columns.id(),
      code: { type: DataTypes.STRING(10), allowNull: false, unique: true },
      axis: { type: DataTypes.STRING(5), allowNull: false },
      axis_title: { type: DataTypes.STRING(255), allowNull: false },
      title: { type: DataTypes.STRING(255), allowNull: false },
      description: { type: DataTypes.TEXT, allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false },
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('objectives');
}
