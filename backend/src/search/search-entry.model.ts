import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One searchable record, as the full-text index sees it (see the search_entries migrations). */
export class SearchEntry extends Model<InferAttributes<SearchEntry>, InferCreationAttributes<SearchEntry>> {
  declare id: CreationOptional<number>;
  declare kind: string;
  declare recordId: number;
  declare title: string;
  declare body: string | null;
  declare namesFolded: string;
  declare bodyFolded: string | null;
  declare partnerId: number | null;
  declare partnerKind: string | null;
  declare country: string | null;
  declare occurredAt: Date | null;

  static initModel(sequelize: Sequelize) {
    SearchEntry.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        kind: { type: DataTypes.STRING(20), allowNull: false },
        recordId: { type: DataTypes.INTEGER, allowNull: false },
        title: { type: DataTypes.STRING(300), allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: true },
        namesFolded: { type: DataTypes.STRING(1000), allowNull: false },
        bodyFolded: { type: DataTypes.TEXT, allowNull: true },
        partnerId: { type: DataTypes.INTEGER, allowNull: true },
        partnerKind: { type: DataTypes.STRING(20), allowNull: true },
        country: { type: DataTypes.CHAR(2), allowNull: true },
        occurredAt: { type: DataTypes.DATE(3), allowNull: true },
      },
      {
        sequelize,
        tableName: 'search_entries',
        timestamps: false,
        indexes: [{ unique: true, fields: ['kind', 'record_id'] }],
      },
    );
  }
}
