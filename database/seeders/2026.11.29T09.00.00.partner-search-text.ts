import { partnerSearchText } from '../../backend/src/partners/partner-text';
import type { MigrationContext } from '../migration';

/** Fills the folded search text of partners written without the model (earlier seeders, imports). */
export async function up({ context: queryInterface }: MigrationContext) {
  const [rows] = (await queryInterface.sequelize.query('SELECT id, name, local_names, city FROM partners WHERE search_text IS NULL')) as [
    { id: number; name: string; local_names: string | null; city: string | null }[],
    unknown,
  ];
  for (const row of rows) {
    const localNames = row.local_names ? (JSON.parse(row.local_names) as Record<string, string>) : {};
    await queryInterface.sequelize.query('UPDATE partners SET search_text = ? WHERE id = ?', {
      replacements: [partnerSearchText(row.name, localNames, row.city), row.id],
    });
  }
}

export async function down() {}
