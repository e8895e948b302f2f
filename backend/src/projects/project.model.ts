import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { foldText } from '../common/text';
import type { ProjectKind, ProjectStatus } from './projects.schema';

/** A multi-step initiative with milestones. Soft-deleted (paranoid) and versioned. */
export class Project extends Model<InferAttributes<Project>, InferCreationAttributes<Project>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare sortTitle: CreationOptional<string>;
  declare kind: ProjectKind;
  declare status: ProjectStatus;
  declare startsOn: string | null;
  declare endsOn: string | null;
  declare budgetCents: number | null;
  declare description: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize) {
    Project.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        sortTitle: { type: DataTypes.STRING(200), allowNull: false },
        kind: { type: DataTypes.STRING(30), allowNull: false },
        status: { type: DataTypes.STRING(20), allowNull: false },
        startsOn: { type: DataTypes.DATEONLY, allowNull: true },
        endsOn: { type: DataTypes.DATEONLY, allowNull: true },
        budgetCents: { type: DataTypes.INTEGER, allowNull: true },
        description: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'projects',
        paranoid: true,
        version: true,
        hooks: {
          beforeValidate: (project: Project) => {
            project.sortTitle = foldText(project.title ?? '').slice(0, 200);
          },
        },
      },
    );
  }
}

export class ProjectPartner extends Model<InferAttributes<ProjectPartner>, InferCreationAttributes<ProjectPartner>> {
  declare projectId: number;
  declare partnerId: number;

  static initModel(sequelize: Sequelize) {
    ProjectPartner.init(
      { projectId: { type: DataTypes.INTEGER, primaryKey: true }, partnerId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'project_partners', timestamps: false },
    );
  }
}

export class ProjectContact extends Model<InferAttributes<ProjectContact>, InferCreationAttributes<ProjectContact>> {
  declare projectId: number;
  declare contactId: number;

  static initModel(sequelize: Sequelize) {
    ProjectContact.init(
      { projectId: { type: DataTypes.INTEGER, primaryKey: true }, contactId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'project_contacts', timestamps: false },
    );
  }
}

export class ProjectObjective extends Model<InferAttributes<ProjectObjective>, InferCreationAttributes<ProjectObjective>> {
  declare projectId: number;
  declare objectiveId: number;

  static initModel(sequelize: Sequelize) {
    ProjectObjective.init(
      { projectId: { type: DataTypes.INTEGER, primaryKey: true }, objectiveId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'project_objectives', timestamps: false },
    );
  }
}

/** One step of a project, with its due date and the day it was completed. */
export class ProjectMilestone extends Model<InferAttributes<ProjectMilestone>, InferCreationAttributes<ProjectMilestone>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare title: string;
  declare dueOn: string | null;
  declare completedOn: string | null;
  declare position: number;

  static initModel(sequelize: Sequelize) {
    ProjectMilestone.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING(200), allowNull: false },
        dueOn: { type: DataTypes.DATEONLY, allowNull: true },
        completedOn: { type: DataTypes.DATEONLY, allowNull: true },
        position: { type: DataTypes.INTEGER, allowNull: false },
      },
      { sequelize, tableName: 'project_milestones', timestamps: false },
    );
  }
}
