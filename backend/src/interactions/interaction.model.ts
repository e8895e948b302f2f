import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { foldText } from '../common/text';
import type { InteractionType } from './interactions.schema';

/** One logged exchange: a meeting, call, e-mail, visit... Soft-deleted (paranoid) and versioned. */
export class Interaction extends Model<InferAttributes<Interaction>, InferCreationAttributes<Interaction>> {
  declare id: CreationOptional<number>;
  declare type: InteractionType;
  declare occurredAt: Date;
  declare subject: string;
  declare notes: string | null;
  declare location: string | null;
  declare searchText: CreationOptional<string | null>;
  declare createdByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize) {
    Interaction.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        type: { type: DataTypes.STRING(20), allowNull: false },
        occurredAt: { type: DataTypes.DATE(3), allowNull: false },
        subject: { type: DataTypes.STRING(300), allowNull: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        location: { type: DataTypes.STRING(300), allowNull: true },
        searchText: { type: DataTypes.TEXT, allowNull: true },
        createdByUserId: { type: DataTypes.INTEGER, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      {
        sequelize,
        tableName: 'interactions',
        paranoid: true,
        version: true,
        hooks: {
          beforeValidate: (interaction: Interaction) => {
            interaction.searchText = [interaction.subject ?? '', interaction.location ?? '', interaction.notes ?? ''].map(foldText).filter(Boolean).join(' | ');
          },
        },
      },
    );
  }
}

export class InteractionPartner extends Model<InferAttributes<InteractionPartner>, InferCreationAttributes<InteractionPartner>> {
  declare interactionId: number;
  declare partnerId: number;

  static initModel(sequelize: Sequelize) {
    InteractionPartner.init(
      { interactionId: { type: DataTypes.INTEGER, primaryKey: true }, partnerId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'interaction_partners', timestamps: false },
    );
  }
}

export class InteractionContact extends Model<InferAttributes<InteractionContact>, InferCreationAttributes<InteractionContact>> {
  declare interactionId: number;
  declare contactId: number;

  static initModel(sequelize: Sequelize) {
    InteractionContact.init(
      { interactionId: { type: DataTypes.INTEGER, primaryKey: true }, contactId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'interaction_contacts', timestamps: false },
    );
  }
}

/** The town's own people who took part (users). */
export class InteractionParticipant extends Model<InferAttributes<InteractionParticipant>, InferCreationAttributes<InteractionParticipant>> {
  declare interactionId: number;
  declare userId: number;

  static initModel(sequelize: Sequelize) {
    InteractionParticipant.init(
      { interactionId: { type: DataTypes.INTEGER, primaryKey: true }, userId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'interaction_participants', timestamps: false },
    );
  }
}

export class InteractionObjective extends Model<InferAttributes<InteractionObjective>, InferCreationAttributes<InteractionObjective>> {
  declare interactionId: number;
  declare objectiveId: number;

  static initModel(sequelize: Sequelize) {
    InteractionObjective.init(
      { interactionId: { type: DataTypes.INTEGER, primaryKey: true }, objectiveId: { type: DataTypes.INTEGER, primaryKey: true } },
      { sequelize, tableName: 'interaction_objectives', timestamps: false },
    );
  }
}
