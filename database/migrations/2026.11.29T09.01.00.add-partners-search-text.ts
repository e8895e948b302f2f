import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migration';

/**
 * Name, local names and city folded (no accents, no case) for the list's text filter, which must
 * ignore accents on SQLite too. Filled by the model on every save; rows written before are filled
 * by the seeder "partner-search-text".
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.addColumn('partners', 'search_text', { type: DataTypes.STRING(2000), allowNull: true });
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.removeColumn('partners', 'search_text');
}
