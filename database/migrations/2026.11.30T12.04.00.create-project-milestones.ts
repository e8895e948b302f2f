import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** The steps of a project, with their due dates and completion. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'project_milestones',
    {
      id: columns.id(),
      project_id: columns.reference('projects', 'CASCADE', false),
      title: { type: DataTypes.STRING(200), allowNull: false },
      due_on: { type: DataTypes.DATEONLY, allowNull: true },
      completed_on: { type: DataTypes.DATEONLY, allowNull: true },
      position: { type: DataTypes.INTEGER, allowNull: false },
    },
    tableOptions,
  );
  await queryInterface.addIndex('project_milestones', ['project_id', 'position']);
  await queryInterface.addIndex('project_milestones', ['due_on', 'id']);
  await queryInterface.addIndex('project_milestones', ['completed_on']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('project_milestones');
}
