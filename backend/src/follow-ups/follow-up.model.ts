import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { FollowUpStatus } from './follow-ups.schema';

/** Something promised: title, due date, assignee; linked to an interaction, a partner or a contact. */
export class FollowUp extends Model<InferAttributes<FollowUp>, InferCreationAttributes<FollowUp>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare notes: string | null;
  declare dueOn: string;
  declare status: CreationOptional<FollowUpStatus>;
  declare assigneeUserId: number;
  declare interactionId: number | null;
  declare partnerId: number | null;
  declare contactId: number | null;
  declare completedAt: Date | null;
  declare createdByUserId: number | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
  declare deletedAt: CreationOptional<Date | null>;

  static initModel(sequelize: Sequelize) {
    FollowUp.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        title: { type: DataTypes.STRING(300), allowNull: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        dueOn: { type: DataTypes.DATEONLY, allowNull: false },
        status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'open' },
        assigneeUserId: { type: DataTypes.INTEGER, allowNull: false },
        interactionId: { type: DataTypes.INTEGER, allowNull: true },
        partnerId: { type: DataTypes.INTEGER, allowNull: true },
        contactId: { type: DataTypes.INTEGER, allowNull: true },
        completedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdByUserId: { type: DataTypes.INTEGER, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
        deletedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'follow_ups', paranoid: true, version: true },
    );
  }
}

/** A user's digest of one day was sent (or is being sent): the key makes the claim unique. */
export class DigestDelivery extends Model<InferAttributes<DigestDelivery>, InferCreationAttributes<DigestDelivery>> {
  declare userId: number;
  declare day: string;
  declare sentAt: Date;

  static initModel(sequelize: Sequelize) {
    DigestDelivery.init(
      {
        userId: { type: DataTypes.INTEGER, primaryKey: true },
        day: { type: DataTypes.DATEONLY, primaryKey: true },
        sentAt: { type: DataTypes.DATE(3), allowNull: false },
      },
      { sequelize, tableName: 'digest_deliveries', timestamps: false },
    );
  }
}

/** A user's private calendar feed; only the SHA-256 of the secret token is kept. */
export class CalendarFeed extends Model<InferAttributes<CalendarFeed>, InferCreationAttributes<CalendarFeed>> {
  declare userId: number;
  declare tokenHash: string;
  declare createdAt: CreationOptional<Date>;
  declare lastUsedAt: Date | null;

  static initModel(sequelize: Sequelize) {
    CalendarFeed.init(
      {
        userId: { type: DataTypes.INTEGER, primaryKey: true },
        tokenHash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        createdAt: DataTypes.DATE(3),
        lastUsedAt: { type: DataTypes.DATE(3), allowNull: true },
      },
      { sequelize, tableName: 'calendar_feeds', updatedAt: false },
    );
  }
}
