import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';
import { frenchDay } from '../helpers/town-days';
import { createAccount } from '../helpers/users';

const run = Date.now().toString(36);
const officer = { email: `camille.${run}@sceaux.test`, password: `camille mot de passe ${run}`, role: 'officer' as const, name: `Camille Roux ${run}` };
const colleague = { email: `lucas.${run}@sceaux.test`, password: `lucas mot de passe ${run}`, role: 'officer' as const, name: `Lucas Petit ${run}` };

test.beforeAll(() => {
  createAccount(officer);
  createAccount(colleague);
});

async function api(page: Page, method: 'get' | 'post', url: string, data?: unknown) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request[method](url, { headers: { 'X-XSRF-TOKEN': token }, ...(data ? { data } : {}) });
  expect(response.ok(), await response.text()).toBeTruthy();
  return response.json();
}

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: `Compte de ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
}

test('an officer logs a meeting with Brühl and two of its people, with a follow-up for a colleague who completes it; the timeline shows both', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, officer);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${officer.name}` })).toBeVisible();

  // Two people of Brühl, as the contacts feature records them.
  const bruhl = (await api(page, 'get', '/api/v1/partners?q=Brühl&kind=twin_town')).items.find((partner: { name: string }) => partner.name === 'Brühl');
  expect(bruhl).toBeTruthy();
  for (const [first, last] of [['Heike', `Schultz ${run}`], ['Jan', `Weber ${run}`]]) {
    await api(page, 'post', '/api/v1/contacts', { firstName: first, lastName: last, legalBasis: 'public_task', affiliations: [{ partnerId: bruhl.id, role: 'Partnerschaftskomitee' }] });
  }

  // The keyboard shortcut opens the quick log from any page.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Noter un échange' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Noter un échange' }).first().click();
  await expect(dialog).toBeVisible();
  // Saved without anyone concerned: the dialog says what is missing and keeps what was typed.
  await dialog.getByLabel('Objet').fill(`Préparation de l’échange scolaire ${run}`);
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByText('Indiquez au moins un partenaire ou un contact concerné.')).toBeVisible();
  await expect(dialog.getByLabel('Objet')).toHaveValue(`Préparation de l’échange scolaire ${run}`);

  await dialog.getByRole('combobox', { name: 'Partenaires' }).fill('Brüh');
  await page.getByRole('option', { name: /^Brühl — Ville jumelle/ }).click();
  await dialog.getByRole('combobox', { name: 'Contacts' }).click();
  await page.getByRole('option', { name: new RegExp(`Heike Schultz ${run}`) }).click();
  await dialog.getByRole('combobox', { name: 'Contacts' }).click();
  await page.getByRole('option', { name: new RegExp(`Jan Weber ${run}`) }).click();
  await dialog.getByLabel('Lieu').fill('Rathaus Brühl');
  await dialog.getByLabel('Compte rendu').fill('Dates retenues pour avril ; hébergement en familles.');
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue(frenchDay(0));

  await dialog.getByRole('button', { name: 'Ajouter un suivi' }).click();
  await dialog.getByLabel('Suivi à faire').fill(`Envoyer la liste des familles ${run}`);
  await dialog.getByRole('textbox', { name: 'Échéance' }).fill(frenchDay(2));
  await dialog.getByRole('combobox', { name: 'Responsable' }).click();
  await page.getByRole('option', { name: colleague.name, exact: true }).click();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/quick-log.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Échange enregistré avec 1 suivi.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mes derniers échanges' })).toContainText(`Préparation de l’échange scolaire ${run}`);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/home.png' });
  await signOut(page, officer.name);

  // The colleague finds it in "Mes suivis" and completes it.
  await signIn(page, colleague);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${colleague.name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mes suivis' })).toContainText(`Envoyer la liste des familles ${run}`);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes suivis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes suivis' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: `Envoyer la liste des familles ${run}` });
  await expect(item).toContainText(`échéance le ${frenchDay(2)}`);
  await expect(item.getByRole('link', { name: 'Brühl' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/mes-suivis.png', fullPage: true });
  await item.getByRole('button', { name: /^Marquer comme fait/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'est fait' })).toBeVisible();
  await expect(item).toBeHidden();

  // Brühl's timeline shows the meeting and the follow-up, now done.
  await page.goto(`/partenaires/${bruhl.id}`);
  const timeline = page.getByRole('region', { name: 'Fil des échanges' });
  await expect(timeline.getByRole('link', { name: `Préparation de l’échange scolaire ${run}` })).toBeVisible();
  await expect(timeline).toContainText(`avec Heike Schultz ${run}, Jan Weber ${run}`);
  await expect(timeline.getByRole('listitem').filter({ hasText: `Envoyer la liste des familles ${run}` })).toContainText(`Fait — échéance le ${frenchDay(2)} — ${colleague.name}`);
  await expectAccessible(page);
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/timeline.png' });

  // Only the meetings: the filter keeps the exchange and hides the follow-up.
  await timeline.getByRole('option', { name: 'Suivis' }).click();
  await timeline.getByRole('option', { name: 'Modifications de la fiche' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: `Envoyer la liste des familles ${run}` })).toBeHidden();
  await expect(timeline.getByRole('link', { name: `Préparation de l’échange scolaire ${run}` })).toBeVisible();

  // The meeting's own page.
  await timeline.getByRole('link', { name: `Préparation de l’échange scolaire ${run}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Préparation de l’échange scolaire ${run}` })).toBeVisible();
  await expect(page.getByText('Rathaus Brühl')).toBeVisible();
  await expectAccessible(page);

  // Edited from its page: the dialog opens with the exchange and saves the change.
  await page.getByRole('button', { name: 'Modifier' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier l’échange' });
  await expect(edit.getByLabel('Objet')).toHaveValue(`Préparation de l’échange scolaire ${run}`);
  await edit.getByLabel('Lieu').fill('Rathaus Brühl, salle du conseil');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Rathaus Brühl, salle du conseil')).toBeVisible();
});
