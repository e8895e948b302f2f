import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One objective of the town's action plan, under its axis (I. Europe, II. common values). */
export class Objective extends Model<InferAttributes<Objective>, InferCreationAttributes<Objective>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare axis: string;
  declare axisTitle: string;
  declare title: string;
  declare description: string;
  declare position: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Objective.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(10), allowNull: false, unique: true },
        axis: { type: DataTypes.STRING(5), allowNull: false },
        axisTitle: { type: DataTypes.STRING(255), allowNull: false },
        title: { type: DataTypes.STRING(255), allowNull: false },
        description: { type: DataTypes.TEXT, allowNull: false },
        position: { type: DataTypes.INTEGER, allowNull: false },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'objectives' },
    );
  }
}
