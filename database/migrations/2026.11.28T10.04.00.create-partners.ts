import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'partners',
    {
      id: columns.id(),
      name: { type: DataTypes.STRING(200), allowNull: false },
      /** The name without accents, case or punctuation: sorting and duplicate detection. */
      sort_name: { type: DataTypes.STRING(200), allowNull: false },
      local_names: columns.json(),
      kind: { type: DataTypes.STRING(20), allowNull: false },
      country: { type: DataTypes.CHAR(2), allowNull: true },
      city: { type: DataTypes.STRING(120), allowNull: true },
      website: { type: DataTypes.STRING(500), allowNull: true },
      description: { type: DataTypes.TEXT, allowNull: true },
      status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'active' },
      owner_user_id: columns.reference('users', 'SET NULL'),
      charter_signed_on: { type: DataTypes.DATEONLY, allowNull: true },
      label_obtained_on: { type: DataTypes.DATEONLY, allowNull: true },
      label_renewal_due_on: { type: DataTypes.DATEONLY, allowNull: true },
      public_activities: { type: DataTypes.TEXT, allowNull: true },
      public_needs: { type: DataTypes.TEXT, allowNull: true },
      public_email: { type: DataTypes.STRING(254), allowNull: true },
      public_phone: { type: DataTypes.STRING(40), allowNull: true },
      is_example: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      /** Stable key of a record that the seeders own, so that seeding twice changes nothing. */
      seed_key: { type: DataTypes.STRING(64), allowNull: true, unique: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('partners', ['sort_name', 'id']);
  await queryInterface.addIndex('partners', ['kind']);
  await queryInterface.addIndex('partners', ['country']);
  await queryInterface.addIndex('partners', ['status']);
  await queryInterface.addIndex('partners', ['owner_user_id']);
  await queryInterface.addIndex('partners', ['created_at', 'id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('partners');
}
