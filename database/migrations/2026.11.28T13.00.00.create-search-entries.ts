import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/**
 * One row per searchable record (partner, contact, interaction, follow-up, ...), with its text folded
 * (no accents, no case) so that both engines match the same way. The full-text index over it is engine
 * specific: see the next migration.
 */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'search_entries',
    {
      id: columns.id(),
      kind: { type: DataTypes.STRING(20), allowNull: false },
      record_id: { type: DataTypes.INTEGER, allowNull: false },
      title: { type: DataTypes.STRING(300), allowNull: false },
      body: { type: DataTypes.TEXT, allowNull: true },
      names_folded: { type: DataTypes.STRING(1000), allowNull: false },
      body_folded: { type: DataTypes.TEXT, allowNull: true },
      /** The partner a record belongs to (filters, and association scoping). */
      partner_id: { type: DataTypes.INTEGER, allowNull: true },
      partner_kind: { type: DataTypes.STRING(20), allowNull: true },
      country: { type: DataTypes.CHAR(2), allowNull: true },
      /** When the record happened (interactions) or was last changed: recency ranks ties. */
      occurred_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('search_entries', ['kind', 'record_id'], { unique: true });
  await queryInterface.addIndex('search_entries', ['partner_id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('search_entries');
}
