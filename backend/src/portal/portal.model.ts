import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { jsonColumn } from '../db/codecs';
import type { ProfileField, ProfileUpdateStatus } from './portal.schema';

/** A single-use invitation to choose a password; only the SHA-256 of its token is stored. */
export class Invitation extends Model<InferAttributes<Invitation>, InferCreationAttributes<Invitation>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  declare revokedAt: Date | null;
  declare createdByUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    Invitation.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        tokenHash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
        expiresAt: { type: DataTypes.DATE(3), allowNull: false },
        usedAt: { type: DataTypes.DATE(3), allowNull: true },
        revokedAt: { type: DataTypes.DATE(3), allowNull: true },
        createdByUserId: { type: DataTypes.INTEGER, allowNull: true },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'invitations' },
    );
  }
}

export type ProfileValues = Partial<Record<ProfileField, string | null>>;

/** An association's proposed change of its public profile, until an officer reviews it. */
export class ProfileUpdate extends Model<InferAttributes<ProfileUpdate>, InferCreationAttributes<ProfileUpdate>> {
  declare id: CreationOptional<number>;
  declare partnerId: number;
  declare submittedByUserId: number | null;
  declare status: CreationOptional<ProfileUpdateStatus>;
  /** Field -> proposed value (for the logo: the stored file's name, or null to remove it). */
  declare proposed: ProfileValues;
  /** Field -> the partner's value when the association made its proposal. */
  declare baseValues: ProfileValues;
  declare baseVersion: number;
  declare acceptedFields: CreationOptional<ProfileField[]>;
  declare reviewMessage: string | null;
  declare reviewedByUserId: number | null;
  declare reviewedAt: Date | null;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initModel(sequelize: Sequelize) {
    ProfileUpdate.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        partnerId: { type: DataTypes.INTEGER, allowNull: false },
        submittedByUserId: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'pending' },
        proposed: jsonColumn('proposed', () => ({})),
        baseValues: jsonColumn('baseValues', () => ({})),
        baseVersion: { type: DataTypes.INTEGER, allowNull: false },
        acceptedFields: jsonColumn('acceptedFields', () => []),
        reviewMessage: { type: DataTypes.TEXT, allowNull: true },
        reviewedByUserId: { type: DataTypes.INTEGER, allowNull: true },
        reviewedAt: { type: DataTypes.DATE(3), allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'profile_updates', version: true },
    );
  }
}
