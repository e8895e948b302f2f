import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { foldText } from '../common/text';
import { jsonColumn } from '../db/codecs';
import { partnerSearchText } from './partner-text';
import type { PartnerKind, PartnerStatus } from './partners.schema';

/** Any organisation the town relates to. Soft-deleted (paranoid) and versioned. */
export class Partner extends Model<InferAttributes<Partner>, InferCreationAttributes<Partner>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare sortName: string;
  declare localNames: CreationOptional<Record<string, string>>;
  declare kind: PartnerKind;
  declare country: string | null;
  declare city: string | null;
  declare website: string | null;
  declare description: string | null;
  declare status: CreationOptional<PartnerStatus>;
  declare ownerUserId: number | null;
  declare charterSignedOn: string | null;
  declare labelObtainedOn: string | null;
  declare labelRenewalDueOn: string | null;
  declare publicActivities: string | null;
  declare publicNeeds: string | null;
  declare publicEmail: string | null;
  declare publicPhone: string | null;
  declare publicEvents: CreationOptional<string | null>;
  /** The logo's file name under DATA_DIR/logos, set when an officer accepts a logo from the portal. */
  declare logoFile: CreationOptional<string | null>;
  declare isExample: CreationOptional<boolean>;
  declare seedKey: string | null;
  declare lastInteractionAt: CreationOptional<Date | null>;
  declare searchText: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: Date | null;

  static initModel(sequelize: Sequelize) {
    Partner.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        sortName: { type: DataTypes.STRING(200), allowNull: false },
        localNames: jsonColumn('localNames', () => ({})),
        kind: { type: DataTypes.STRING(20), allowNull: false },
        country: { type: DataTypes.CHAR(2), allowNull: true },
        city: { type: DataTypes.STRING(120), allowNull: true },
        website: { type: DataTypes.STRING(500), allowNull: true },
        description: { type: DataTypes.TEXT, allowNull: true },
        status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'active' },
        ownerUserId: { type: DataTypes.INTEGER, allowNull: true },
        charterSignedOn: { type: DataTypes.DATEONLY, allowNull: true },
        labelObtainedOn: { type: DataTypes.DATEONLY, allowNull: true },
        labelRenewalDueOn: { type: DataTypes.DATEONLY, allowNull: true },
        publicActivities: { type: DataTypes.TEXT, allowNull: true },
        publicNeeds: { type: DataTypes.TEXT, allowNull: true },
        publicEmail: { type: DataTypes.STRING(254), allowNull: true },
        publicPhone: { type: DataTypes.STRING(40), allowNull: true },
        publicEvents: { type: DataTypes.TEXT, allowNull: true },
        logoFile: { type: DataTypes.STRING(80), allowNull: true },
        isExample: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        seedKey: { type: DataTypes.STRING(64), allowNull: true },
        lastInteractionAt: { type: DataTypes.DATE(3), allowNull: true },
        searchText: { type: DataTypes.STRING(2000), allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'partners',
        paranoid: true,
        version: true,
        hooks: {
          // The folded columns follow the name, whoever writes it.
          beforeValidate: (partner: Partner) => {
            partner.sortName = foldText(partner.name ?? '');
            partner.searchText = partnerSearchText(partner.name ?? '', partner.localNames, partner.city);
          },
        },
      },
    );
  }
}

export class PartnerTag extends Model<InferAttributes<PartnerTag>, InferCreationAttributes<PartnerTag>> {
  declare partnerId: number;
  declare tag: string;

  static initModel(sequelize: Sequelize) {
    PartnerTag.init(
      {
        partnerId: { type: DataTypes.INTEGER, primaryKey: true },
        tag: { type: DataTypes.STRING(60), primaryKey: true },
      },
      { sequelize, tableName: 'partner_tags', timestamps: false },
    );
  }
}

/** An objective of the action plan that a partner is concerned by. */
export class PartnerObjective extends Model<InferAttributes<PartnerObjective>, InferCreationAttributes<PartnerObjective>> {
  declare partnerId: number;
  declare objectiveId: number;

  static initModel(sequelize: Sequelize) {
    PartnerObjective.init(
      {
        partnerId: { type: DataTypes.INTEGER, primaryKey: true },
        objectiveId: { type: DataTypes.INTEGER, primaryKey: true },
      },
      { sequelize, tableName: 'partner_objectives', timestamps: false },
    );
  }
}
