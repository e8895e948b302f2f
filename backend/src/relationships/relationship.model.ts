import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { RelationshipType } from './relationships.schema';

/** A typed, dated link from one partner (source) to another (target): "IUT part_of Université Paris-Saclay". */
export class Relationship extends Model<InferAttributes<Relationship>, InferCreationAttributes<Relationship>> {
  declare id: CreationOptional<number>;
  declare type: RelationshipType;
  declare sourcePartnerId: number;
  declare targetPartnerId: number;
  declare startedOn: string | null;
  declare endedOn: string | null;
  declare note: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Relationship.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        type: { type: DataTypes.STRING(20), allowNull: false },
        sourcePartnerId: { type: DataTypes.INTEGER, allowNull: false },
        targetPartnerId: { type: DataTypes.INTEGER, allowNull: false },
        startedOn: { type: DataTypes.DATEONLY, allowNull: true },
        endedOn: { type: DataTypes.DATEONLY, allowNull: true },
        note: { type: DataTypes.STRING(500), allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'relationships', version: true },
    );
  }
}
