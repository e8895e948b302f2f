import { DataTypes } from 'sequelize';
import { tableOptions, type MigrationContext } from '../migration';

/** Counters of rate-limiter-flexible (login throttling), shared by every app process. */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'rate_limits',
    {
      key: { type: DataTypes.STRING(255), primaryKey: true, allowNull: false },
      points: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      expire: { type: DataTypes.BIGINT, allowNull: true },
    },
    tableOptions,
  );
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('rate_limits');
}
