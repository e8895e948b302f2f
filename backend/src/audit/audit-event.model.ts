import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { jsonColumn } from '../db/codecs';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | (string & {});

export class AuditEvent extends Model<InferAttributes<AuditEvent>, InferCreationAttributes<AuditEvent>> {
  declare id: CreationOptional<number>;
  declare occurredAt: Date;
  declare actorUserId: number | null;
  declare action: AuditAction;
  declare entityType: string;
  declare entityId: number | null;
  declare before: Record<string, unknown> | null;
  declare after: Record<string, unknown> | null;

  static initModel(sequelize: Sequelize) {
    AuditEvent.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        occurredAt: { type: DataTypes.DATE(3), allowNull: false },
        actorUserId: { type: DataTypes.INTEGER, allowNull: true },
        action: { type: DataTypes.STRING(32), allowNull: false },
        entityType: { type: DataTypes.STRING(32), allowNull: false },
        entityId: { type: DataTypes.INTEGER, allowNull: true },
        before: jsonColumn('before', () => null, true),
        after: jsonColumn('after', () => null, true),
      },
      { sequelize, tableName: 'audit_events', timestamps: false },
    );
  }
}
