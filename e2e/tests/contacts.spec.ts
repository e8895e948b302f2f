import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';

const run = Date.now().toString(36);
const heike = { first: 'Heike', last: `Koch ${run}`, email: `heike.koch.${run}@bruehl.de` };

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an officer records a person at a twin town, is warned of a duplicate, merges it and finds the person by filters', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Nouveau contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau contact' })).toBeVisible();
  await page.getByLabel('Prénom').fill(heike.first);
  await page.getByLabel('Nom', { exact: true }).fill(heike.last);
  await page.getByLabel('Adresses e-mail (séparées par des virgules)').fill(heike.email);
  await choose(page, 'Langues parlées', 'allemand');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ajouter un rattachement' }).click();
  await page.getByRole('combobox', { name: 'Partenaire' }).fill('Brühl');
  await page.getByRole('option', { name: /^Brühl — Ville jumelle/ }).click();
  await page.getByLabel('Rôle').fill('Bürgermeisterin');
  await page.getByLabel('Depuis le').fill('2020-11-01');
  await choose(page, 'Base légale de la conservation des données', 'Consentement');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  // Consent needs its date and source: the server says so next to the fields.
  await expect(page.getByText('Indiquez la date du consentement.')).toBeVisible();
  await expect(page.getByText('Indiquez comment le consentement a été recueilli.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Consentement recueilli le').fill('2026-11-02');
  await page.getByLabel('Source du consentement').fill('Formulaire signé à la rencontre de Brühl');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `${heike.first} ${heike.last}` })).toBeVisible();
  const heikeUrl = page.url();
  await expect(page.getByRole('region', { name: 'Rattachements' })).toContainText('Brühl Bürgermeisterin, depuis le 1 novembre 2020');
  await expect(page.getByRole('region', { name: 'Protection des données' })).toContainText('2 novembre 2026');
  await expectAccessible(page);

  // The same address again: a probable duplicate, created anyway on purpose.
  await page.goto('/contacts/nouveau');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau contact' })).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill(`Koch-Doublon ${run}`);
  await page.getByLabel('Adresses e-mail (séparées par des virgules)').fill(heike.email.toUpperCase());
  await page.getByLabel('Téléphones (séparés par des virgules)').fill('+49 2232 53 0');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Doublon probable' });
  await expect(warning).toContainText('même adresse e-mail');
  await expect(warning.getByRole('link', { name: `${heike.first} ${heike.last}` })).toBeVisible();
  await warning.getByRole('button', { name: 'Créer quand même' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Koch-Doublon ${run}` })).toBeVisible();

  // Merged into Heike's record: the phone number moves there, the duplicate goes.
  await page.goto(heikeUrl);
  await page.getByRole('button', { name: 'Fusionner un doublon' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Fiche en doublon' }).fill('Koch-Doublon');
  await page.getByRole('option', { name: new RegExp(`Koch-Doublon ${run}`) }).click();
  await expectAccessible(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Fusionner' }).click();
  await expect(page.getByRole('status')).toContainText('Les deux fiches ont été fusionnées.');
  await expect(page.getByRole('region', { name: 'Coordonnées' })).toContainText('+49 2232 53 0');
  await expect(page.getByRole('region', { name: 'Historique' })).toContainText(`Administrateur a fusionné la fiche « Koch-Doublon ${run} » dans celle-ci`);

  // Found by partner and language; the filters are in the URL.
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await page.getByRole('region', { name: 'Filtres' }).getByRole('combobox', { name: 'Partenaire' }).fill('Brühl');
  await page.getByRole('option', { name: /^Brühl — Ville jumelle/ }).click();
  await choose(page, 'Langue', 'allemand');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/partner=\d+/);
  await expect(page).toHaveURL(/language=de/);
  await expect(page.getByRole('button', { name: 'Retirer le filtre Partenaire : Brühl' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Koch ${run} Heike` })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`Koch-Doublon ${run}`) })).toHaveCount(0);
  await page.getByLabel('Rôle').fill('burgermeister');
  await page.getByLabel('Rôle').press('Enter');
  await expect(page).toHaveURL(/role=burgermeister/);
  await expect(page.getByRole('link', { name: `Koch ${run} Heike` })).toBeVisible();
  await expectAccessible(page);
});
