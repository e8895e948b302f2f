import { DataTypes } from 'sequelize';
import { columns, tableOptions, type MigrationContext } from '../migration';

/** An official trip out (the mayor goes to Brühl) or a delegation in (from Royal Leamington Spa). */
export async function up({ context: queryInterface }: MigrationContext) {
  await queryInterface.createTable(
    'visits',
    {
      id: columns.id(),
      title: { type: DataTypes.STRING(200), allowNull: false },
      direction: { type: DataTypes.STRING(10), allowNull: false },
      starts_on: { type: DataTypes.DATEONLY, allowNull: false },
      ends_on: { type: DataTypes.DATEONLY, allowNull: false },
      /** ["Brühl, Rathaus", "Cologne"]: the places of the visit, as text. */
      places: columns.json(),
      /** [{side: "town" | "partner", name, role}] */
      delegation: columns.json(),
      /** [{day, time, place, what}] in the programme's order. */
      programme: columns.json(),
      notes_for_mayor: { type: DataTypes.TEXT, allowNull: true },
      version: columns.version(),
      created_at: columns.timestamp(),
      updated_at: columns.timestamp(),
      deleted_at: columns.timestamp(true),
    },
    tableOptions,
  );
  await queryInterface.addIndex('visits', ['starts_on', 'id']);
  await queryInterface.addIndex('visits', ['deleted_at', 'id']);
}

export async function down({ context: queryInterface }: MigrationContext) {
  await queryInterface.dropTable('visits');
}
