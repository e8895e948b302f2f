import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';
import { createAccount } from '../helpers/users';

const run = Date.now().toString(36);
const marie = { email: `marie.dupont.${run}@sceaux.fr`, password: 'mot-de-passe-marie-1234', role: 'officer' as const, name: 'Marie Dupont' };
const paul = { email: `paul.martin.${run}@sceaux.fr`, password: 'mot-de-passe-paul-12345', role: 'officer' as const, name: 'Paul Martin' };
const partnerName = `Städtepartnerschaftsverein Brühl ${run}`;

test.beforeAll(() => {
  createAccount(marie);
  createAccount(paul);
});

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function addContact(page: Page, contact: { first: string; last: string; role: string; email: string }) {
  await page.getByRole('button', { name: 'Ajouter un contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau contact' })).toBeVisible();
  await expect(page.getByText(partnerName, { exact: true })).toBeVisible();
  await page.getByLabel('Prénom').fill(contact.first);
  await page.getByLabel('Nom', { exact: true }).fill(contact.last);
  await page.getByLabel('Adresses e-mail (séparées par des virgules)').fill(contact.email);
  await page.getByLabel('Rôle').fill(contact.role);
  await choose(page, 'Langues parlées', 'allemand');
  await page.keyboard.press('Escape');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: partnerName })).toBeVisible();
}

test('an officer keeps a partner with its people and links, edits it with a colleague, finds it, and restores it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, marie);
  await expect(page.getByRole('link', { name: 'Partenaires' })).toBeVisible();

  // Creating: a name too close to an existing twin town is flagged, nothing typed is lost.
  await page.getByRole('link', { name: 'Partenaires' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nouveau partenaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau partenaire' })).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill('Bruhl');
  await choose(page, 'Type', 'Association');
  await choose(page, 'Pays', 'Allemagne');
  await page.getByLabel('Mots-clés (séparés par des virgules)').fill('jumelage, jeunesse');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Doublon probable' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: 'Brühl' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel('Mots-clés (séparés par des virgules)')).toHaveValue('jumelage, jeunesse');
  await page.getByLabel('Nom', { exact: true }).fill(partnerName);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: partnerName })).toBeVisible();
  await expect(page).toHaveURL(/\/partenaires\/\d+$/);
  const partnerUrl = page.url();
  await expectAccessible(page);

  // Two people.
  await addContact(page, { first: 'Anna', last: `Schmidt ${run}`, role: 'Présidente', email: `anna.${run}@verein.de` });
  await addContact(page, { first: 'Jonas', last: `Weber ${run}`, role: 'Trésorier', email: `jonas.${run}@verein.de` });
  const people = page.getByRole('region', { name: 'Personnes' });
  await expect(people.getByRole('listitem')).toHaveCount(2);
  await expect(people).toContainText(`Anna Schmidt ${run}`);
  await expect(people).toContainText('Présidente');
  await expect(people).toContainText('Trésorier');

  // A link to a network, worded from this side.
  await page.getByRole('button', { name: 'Ajouter un lien' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'Type de lien', 'membre de');
  await dialog.getByRole('combobox', { name: 'Autre partenaire' }).fill('AFCCRE');
  await page.getByRole('option', { name: /^AFCCRE/ }).click();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ajouter le lien' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Liens' })).toContainText('membre de AFCCRE');

  // Editing together: Paul saves first, Marie gets the conflict and keeps her change.
  await page.getByRole('link', { name: 'Modifier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le partenaire' })).toBeVisible();
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(partnerName);
  await page.getByLabel('Ville').fill('Brühl');

  const colleague = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const paulPage = await colleague.newPage();
  await signIn(paulPage, paul);
  await expect(paulPage.getByRole('link', { name: 'Partenaires' })).toBeVisible();
  await paulPage.goto(`${partnerUrl}/modifier`);
  await expect(paulPage.getByLabel('Nom', { exact: true })).toHaveValue(partnerName);
  await choose(paulPage, 'Statut', 'En sommeil');
  await paulPage.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(paulPage.getByRole('heading', { level: 1, name: partnerName })).toBeVisible();
  await expect(paulPage.getByText('En sommeil', { exact: true })).toBeVisible();
  await colleague.close();

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Fiche modifiée entre-temps par Paul Martin' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /le statut/ })).toContainText('en sommeil');
  await expect(page.getByLabel('Ville')).toHaveValue('Brühl');
  await expectAccessible(page);
  await conflict.getByRole('button', { name: 'Réappliquer mes modifications' }).click();
  await expect(page.getByRole('status')).toContainText('Vos modifications ont été reportées');
  await expect(page.getByLabel('Ville')).toHaveValue('Brühl');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: partnerName })).toBeVisible();
  await expect(page.getByText('En sommeil', { exact: true })).toBeVisible();
  await expect(page.getByText('Brühl, Allemagne')).toBeVisible();

  // Its history, in French.
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history).toContainText('Marie Dupont a modifié la ville : — → Brühl');
  await expect(history).toContainText('Paul Martin a modifié le statut : actif → en sommeil');
  await expect(history).toContainText('Marie Dupont a ajouté le lien');
  await expect(history).toContainText('Marie Dupont a créé la fiche');
  await expect(history).toContainText(/, le \d{1,2} [a-zéû]+ \d{4} à \d{2}:\d{2}/);
  await expectAccessible(page);

  // Found again by filters; the filtered view is a link that can be shared.
  await page.getByRole('link', { name: 'Partenaires' }).first().click();
  await choose(page, 'Type', 'Association');
  await page.keyboard.press('Escape');
  await choose(page, 'Statut', 'En sommeil');
  await page.keyboard.press('Escape');
  await page.getByLabel('Mot-clé').fill('jumelage');
  await page.getByLabel('Mot-clé').press('Enter');
  await expect(page).toHaveURL(/kind=association/);
  await expect(page).toHaveURL(/status=dormant/);
  await expect(page).toHaveURL(/tag=jumelage/);
  await expect(page.getByRole('link', { name: partnerName })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer le filtre Type : Association' })).toBeVisible();
  const shared = page.url();
  const other = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const otherPage = await other.newPage();
  await signIn(otherPage, paul);
  await expect(otherPage.getByRole('link', { name: 'Partenaires' })).toBeVisible();
  await otherPage.goto(shared);
  await expect(otherPage.getByRole('link', { name: partnerName })).toBeVisible();
  await expect(otherPage.getByRole('row')).toHaveCount(2);
  await other.close();
  await page.getByLabel('Rechercher (nom, nom local, ville)').fill('staedte');
  await page.getByLabel('Rechercher (nom, nom local, ville)').press('Enter');
  await expect(page.getByText('Aucun partenaire ne correspond à ces filtres.')).toBeVisible();
  await page.getByLabel('Rechercher (nom, nom local, ville)').fill('STADTEPARTNERSCHAFTSVEREIN');
  await page.getByLabel('Rechercher (nom, nom local, ville)').press('Enter');
  await expect(page.getByRole('link', { name: partnerName })).toBeVisible();
  await expectAccessible(page);

  // Deleted with confirmation, found in the trash, restored.
  await page.getByRole('link', { name: partnerName }).click();
  await page.getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('dialog')).toContainText('ira dans la corbeille');
  await expectAccessible(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await expect(page.getByRole('status')).toContainText('a été mis à la corbeille');
  await page.goto('/partenaires?q=' + encodeURIComponent(partnerName));
  await expect(page.getByText('Aucun partenaire ne correspond à ces filtres.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Afficher les fiches supprimées' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Corbeille des partenaires' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: partnerName }).click();
  await page.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByRole('status')).toContainText('a été restauré');
  await expect(page.getByRole('link', { name: 'Modifier' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Marie Dupont a restauré la fiche');
  await page.goto('/partenaires?q=' + encodeURIComponent(partnerName));
  await expect(page.getByRole('link', { name: partnerName })).toBeVisible();
});
