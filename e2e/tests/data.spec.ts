import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';

const run = Date.now().toString(36);
const bom = '\uFEFF';

/** The partners of the file that import, as the export must give them back. */
const partners = [
  ['Nom', 'Type', 'Pays', 'Ville'],
  [`Städtepartnerschaft Brühl ${run}`, 'Association', 'Allemagne', 'Brühl'],
  [`Université de Łódź ${run}`, 'Université', 'Pologne', 'Łódź'],
];
const badRow = [`Comité d’Échanges ${run}`, 'Planète', 'France', 'Sceaux'];

function csv(rows: string[][]) {
  return bom + rows.map((row) => row.map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')).join('\r\n') + '\r\n';
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function importFile(page: Page, kind: 'Partenaires' | 'Contacts', name: string, content: string) {
  await page.goto('/donnees/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des données' })).toBeVisible();
  if (kind === 'Contacts') await choose(page, 'Le fichier contient des', 'Contacts');
  await page.getByLabel('Fichier CSV ou XLSX').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await expect(page.getByRole('heading', { level: 2, name: '2. Les colonnes' })).toBeVisible();
}

test('an admin imports partners with accents and a bad row, exports them back, exports a person’s data and erases them', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expect(page.getByRole('link', { name: 'Import' })).toBeVisible();

  // 1. The file: read, its columns recognised from their French titles.
  await importFile(page, 'Partenaires', 'partenaires.csv', csv([...partners, badRow]));
  await expect(page.getByText('3 lignes de données')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Nom (obligatoire)' })).toContainText('Nom — ex. : Städtepartnerschaft');
  await expect(page.getByRole('combobox', { name: 'Pays' })).toContainText('Pays — ex. : Allemagne');
  await expectAccessible(page);

  // 2. The dry run: two creations, the bad row refused with its reason; nothing written yet.
  await page.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();
  const plan = page.getByRole('region', { name: '3. L’essai à blanc' });
  await expect(plan.getByRole('status')).toContainText('2 créations');
  await expect(plan.getByRole('status')).toContainText('1 ligne refusée');
  await expect(plan.getByRole('row', { name: new RegExp(`Refusée ${badRow[0]}`) })).toContainText('« Planète » inconnu');
  await expect(plan.getByRole('row', { name: new RegExp(`Création ${partners[1]![0]}`) })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/data-dry-run.png', fullPage: true });

  // 3. The import, with its progress, then the result.
  await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText('2 fiches créées, 0 mise à jour, 1 ligne refusée');
  await expectAccessible(page);

  // 4. The list, filtered, exported as CSV: the same rows come back.
  await page.goto(`/partenaires?q=${run}`);
  await expect(page.getByRole('link', { name: partners[1]![0]! })).toBeVisible();
  await expect(page.getByRole('link', { name: badRow[0]! })).toHaveCount(0);
  await page.getByRole('button', { name: 'Exporter' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (Excel, LibreOffice)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^partenaires-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported.startsWith(bom)).toBe(true);
  const rows = exported.slice(1).split('\r\n').filter(Boolean).map((line) => line.split(';'));
  expect(rows[0]!.slice(0, 4)).toEqual(partners[0]!);
  expect(rows.slice(1).map((row) => row.slice(0, 4)).sort()).toEqual(partners.slice(1).sort());

  // 5. A person linked to the imported partner, imported too.
  const person = { first: 'Jürgen', last: `Weiß ${run}`, email: `juergen.weiss.${run}@bruehl.de` };
  await importFile(
    page,
    'Contacts',
    'contacts.csv',
    csv([
      ['Prénom', 'Nom', 'E-mail', 'Partenaire', 'Rôle'],
      [person.first, person.last, person.email, partners[1]![0]!, 'Vorsitzender'],
    ]),
  );
  await page.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();
  await expect(page.getByRole('region', { name: '3. L’essai à blanc' }).getByRole('status')).toContainText('1 création');
  await page.getByRole('button', { name: 'Importer 1 ligne' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText('1 fiche créée');

  // 6. A meeting with them is logged (the quick log has its own journey), then their data export (JSON)
  //    holds the record, the link to the partner and the meeting; the legal basis shows.
  await page.goto(`/contacts?q=${encodeURIComponent(person.email)}`);
  await page.getByRole('link', { name: new RegExp(person.last) }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const contactId = Number(/\/contacts\/(\d+)/.exec(page.url())![1]);
  const xsrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')!.value;
  const logged = await page.request.post('/api/v1/interactions', {
    headers: { 'X-XSRF-TOKEN': xsrf },
    data: { type: 'meeting', subject: `Réunion du comité avec ${person.first} ${person.last}`, notes: 'Préparation du voyage scolaire', contactIds: [contactId] },
  });
  expect(logged.status()).toBe(201);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `${person.first} ${person.last}` })).toBeVisible();
  const protection = page.getByRole('region', { name: 'Protection des données' });
  await expect(protection).toContainText('Mission de service public');
  await expect(protection).toContainText('Données enregistrées le');
  await expectAccessible(page);
  const exporting = page.waitForEvent('download');
  await protection.getByRole('button', { name: 'Exporter ses données (JSON)' }).click();
  const data = JSON.parse(readFileSync((await (await exporting).path())!, 'utf8')) as {
    person: { lastName: string; emails: string[] };
    sections: { name: string; items: Record<string, unknown>[] }[];
  };
  expect(data.person.lastName).toBe(person.last);
  expect(data.person.emails).toEqual([person.email]);
  expect(data.sections.find((section) => section.name === 'affiliations')?.items).toEqual([
    jasmineLike({ partner: partners[1]![0]!, role: 'Vorsitzender' }),
  ]);
  expect(data.sections.find((section) => section.name === 'interactions')?.items).toEqual([
    jasmineLike({ type: 'Réunion', subject: `Réunion du comité avec ${person.first} ${person.last}`, notes: 'Préparation du voyage scolaire' }),
  ]);

  // 7. Erasure: the record is anonymised, and searching the name finds nothing.
  await protection.getByRole('button', { name: 'Effacer la personne' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Effacer ${person.first} ${person.last} ?`);
  await dialog.getByLabel('Motif de l’effacement').fill('Demande reçue par courriel');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(page.getByText('Cette personne a été effacée')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Personne effacée' })).toBeVisible();
  await page.screenshot({ path: 'test-results/data-erased.png', fullPage: true });

  await page.goto(`/recherche?q=${encodeURIComponent(person.last)}`);
  await expect(page.getByText(`Aucun résultat pour « ${person.last} »`)).toBeVisible();

  // The meeting stays in the history, without the person.
  const meeting = await page.request.get(`/api/v1/interactions/${((await logged.json()) as { id: number }).id}`);
  expect(((await meeting.json()) as { subject: string }).subject).toBe('Réunion du comité avec [personne effacée]');
});

test('the retention review lists nobody recent and is for administrators', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('link', { name: 'Conservation' })).toBeVisible();
  await page.getByRole('link', { name: 'Conservation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revue de conservation' })).toBeVisible();
  // The e2e database is new: nobody has gone three years without an interaction.
  await expect(page.getByText('Aucun contact à revoir.')).toBeVisible();
  await expectAccessible(page);
});

/** A partial match that reads well in a toEqual. */
function jasmineLike<T extends Record<string, unknown>>(expected: T) {
  return expect.objectContaining(expected) as unknown as T;
}
