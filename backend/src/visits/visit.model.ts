import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { jsonColumn } from '../db/codecs';
import type { DelegationMember, ProgrammeItem, VisitDirection } from './visits.schema';

/** An official trip out or a delegation in. Soft-deleted (paranoid) and versioned. */
export class Visit extends Model<InferAttributes<Visit>, InferCreationAttributes<Visit>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare direction: VisitDirection;
  declare startsOn: string;
  declare endsOn: string;
  declare places: CreationOptional<string[]>;
  declare delegation: CreationOptional<DelegationMember[]>;
  declare programme: CreationOptional<ProgrammeItem[]>;
  declare notesForMayor: string | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize) {
    Visit.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        direction: { type: DataTypes.STRING(10), allowNull: false },
        startsOn: { type: DataTypes.DATEONLY, allowNull: false },
        endsOn: { type: DataTypes.DATEONLY, allowNull: false },
        places: jsonColumn('places', () => []),
        delegation: jsonColumn('delegation', () => []),
        programme: jsonColumn('programme', () => []),
        notesForMayor: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'visits', paranoid: true, version: true },
    );
  }
}

export class VisitPartner extends Model<InferAttributes<VisitPartner>, InferCreationAttributes<VisitPartner>> {
  declare visitId: number;
  declare partnerId: number;

  static initModel(sequelize: Sequelize) {
    VisitPartner.init(
      { visitId: { type: DataTypes.INTEGER, primaryKey: true }, partnerId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'visit_partners', timestamps: false },
    );
  }
}

export class VisitObjective extends Model<InferAttributes<VisitObjective>, InferCreationAttributes<VisitObjective>> {
  declare visitId: number;
  declare objectiveId: number;

  static initModel(sequelize: Sequelize) {
    VisitObjective.init(
      { visitId: { type: DataTypes.INTEGER, primaryKey: true }, objectiveId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'visit_objectives', timestamps: false },
    );
  }
}
