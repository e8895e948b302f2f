import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migration';

/** The association portal's profile: the events an association organises, and its logo (a file name under DATA_DIR/logos). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('partners', 'public_events', { type: DataTypes.TEXT, allowNull: true });
  await queryInterface.addColumn('partners', 'logo_file', { type: DataTypes.STRING(80), allowNull: true });
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('partners', 'logo_file');
  await queryInterface.removeColumn('partners', 'public_events');
}
