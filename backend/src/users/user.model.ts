import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { CurrentUser, Role } from './users.schema';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare displayName: string;
  declare passwordHash: string | null;
  declare role: Role;
  declare partnerId: number | null;
  declare active: CreationOptional<boolean>;
  declare lastLoginAt: Date | null;
  /** The TOTP secret, sealed by SecretBox; never sent to a client once enrolment is over. */
  declare totpSecret: CreationOptional<string | null>;
  declare totpEnabledAt: CreationOptional<Date | null>;
  /** The last TOTP time step accepted, so that a code is never accepted twice. */
  declare totpLastStep: CreationOptional<number | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  toCurrentUser(): CurrentUser {
    return { id: this.id, email: this.email, displayName: this.displayName, role: this.role, partnerId: this.partnerId };
  }

  static initModel(sequelize: Sequelize) {
    User.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
        displayName: { type: DataTypes.STRING(120), allowNull: false },
        passwordHash: { type: DataTypes.STRING(255), allowNull: true },
        role: { type: DataTypes.STRING(20), allowNull: false },
        partnerId: { type: DataTypes.INTEGER, allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        lastLoginAt: { type: DataTypes.DATE(3), allowNull: true },
        totpSecret: { type: DataTypes.STRING(255), allowNull: true },
        totpEnabledAt: { type: DataTypes.DATE(3), allowNull: true },
        totpLastStep: {
          type: DataTypes.BIGINT,
          allowNull: true,
          get(this: User) {
            const raw = this.getDataValue('totpLastStep') as unknown;
            return raw === null || raw === undefined ? null : Number(raw);
          },
        },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE(3),
        updatedAt: DataTypes.DATE(3),
      },
      { sequelize, tableName: 'users', version: true },
    );
  }
}
