import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { jsonColumn } from '../db/codecs';

/** One group of settings that administrators change at run time, stored as JSON under its key. */
export class Setting extends Model<InferAttributes<Setting>, InferCreationAttributes<Setting>> {
  declare key: string;
  declare value: Record<string, unknown>;
  declare version: CreationOptional<number>;
  declare updatedByUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Setting.init(
      {
        key: { type: DataTypes.STRING(64), primaryKey: true },
        value: jsonColumn('value', () => ({})),
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        updatedByUserId: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'settings', version: true },
    );
  }
}
