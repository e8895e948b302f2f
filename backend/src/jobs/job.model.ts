import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export class Job extends Model<InferAttributes<Job>, InferCreationAttributes<Job>> {
  declare name: string;
  declare runAt: Date;
  declare lockedBy: string | null;
  declare lockedUntil: Date | null;
  declare lastStartedAt: Date | null;
  declare lastFinishedAt: Date | null;
  declare lastError: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Job.init(
      {
        name: { type: DataTypes.STRING(64), primaryKey: true },
        runAt: { type: DataTypes.DATE(3), allowNull: false },
        lockedBy: { type: DataTypes.STRING(100), allowNull: true },
        lockedUntil: { type: DataTypes.DATE(3), allowNull: true },
        lastStartedAt: { type: DataTypes.DATE(3), allowNull: true },
        lastFinishedAt: { type: DataTypes.DATE(3), allowNull: true },
        lastError: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'jobs' },
    );
  }
}
