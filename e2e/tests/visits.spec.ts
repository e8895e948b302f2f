import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { apiCall } from '../helpers/api';
import { expectAccessible, signIn } from '../helpers/pages';
import { isoDay, townYear } from '../helpers/town-days';
import { createAccount } from '../helpers/users';

const run = Date.now().toString(36);
const cabinet = { email: `cabinet.${run}@sceaux.fr`, password: `cabinet-e2e-${run}-password`, role: 'cabinet' as const, name: 'Claire Cabinet' };
const anna = { firstName: 'Anna', lastName: `Schmidt ${run}`, email: `anna.schmidt.${run}@bruehl.example`, role: 'Adjointe aux jumelages' };
const visitTitle = `Déplacement du maire à Brühl ${run}`;
const projectTitle = `Échange scolaire avec Brühl ${run}`;
const milestoneTitle = `Réserver le car ${run}`;

async function pdfText(path: string) {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(path)) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

async function signedInAs(page: Page, credentials: { email: string; password: string }) {
  await signIn(page, credentials);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Visites' })).toBeVisible();
}

test.beforeAll(() => {
  createAccount(cabinet);
});

test('the mayor’s office creates a visit to Brühl and downloads its briefing pack, whose PDF names the partner, its people, its last interactions and open follow-ups', async ({ page }) => {
  test.setTimeout(240_000);
  // An officer's record of a person at Brühl, for the pack to find.
  await signIn(page);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Partenaires' })).toBeVisible();
  const partners = await apiCall<{ items: { id: number; name: string }[] }>(page, 'get', '/partners?q=Brühl&kind=twin_town');
  const bruehl = partners.items.find((partner) => partner.name === 'Brühl')!;
  expect(bruehl).toBeDefined();
  const contact = await apiCall<{ id: number }>(page, 'post', '/contacts', {
    firstName: anna.firstName,
    lastName: anna.lastName,
    emails: [anna.email],
    languages: ['de', 'fr'],
    legalBasis: 'public_task',
    affiliations: [{ partnerId: bruehl.id, role: anna.role }],
  });
  // Two exchanges with her, the latest leaving a promise to keep.
  const me = await apiCall<{ id: number }>(page, 'get', '/auth/me');
  await apiCall(page, 'post', '/interactions', {
    type: 'video_call',
    occurredAt: '2026-09-15T08:30:00Z',
    subject: `Visioconférence sur l’échange scolaire ${run}`,
    partnerIds: [bruehl.id],
    contactIds: [contact.id],
  });
  await apiCall(page, 'post', '/interactions', {
    type: 'meeting',
    occurredAt: '2026-10-20T14:00:00Z',
    subject: `Réunion du comité de jumelage ${run}`,
    partnerIds: [bruehl.id],
    contactIds: [contact.id],
    followUps: [{ title: `Envoyer la liste des élèves ${run}`, dueOn: '2027-01-15', assigneeUserId: me.id }],
  });
  // A running school exchange with a step due in ten days: in the pack, and on the home page.
  await apiCall(page, 'post', '/projects', {
    title: projectTitle,
    kind: 'exchange',
    status: 'running',
    partnerIds: [bruehl.id],
    milestones: [{ title: milestoneTitle, dueOn: isoDay(10) }],
  });
  await page.context().clearCookies();

  await signedInAs(page, cabinet);
  await page.getByRole('navigation').getByRole('link', { name: 'Visites' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visites' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nouvelle visite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle visite' })).toBeVisible();

  // Days are typed the French way (jj/mm/aaaa); a day that does not exist is refused on the field.
  await page.getByLabel('Titre').fill(visitTitle);
  await page.getByLabel('Du', { exact: true }).fill('31/02/2026');
  await page.getByLabel('Au', { exact: true }).fill('12/05/2026');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Date invalide (jj/mm/aaaa).')).toBeVisible();
  // The end before the start: the server says so next to the field, and what was typed stays.
  await page.getByLabel('Du', { exact: true }).fill('14/05/2026');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La date de fin précède la date de début.')).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue(visitTitle);
  await expect(page.getByLabel('Du', { exact: true })).toHaveValue('14/05/2026');
  await page.getByLabel('Du', { exact: true }).fill('12/05/2026');
  await page.getByLabel('Au', { exact: true }).fill('14/05/2026');

  await page.getByLabel('Lieux').fill('Rathaus Brühl, Schloss Augustusburg');
  await page.getByRole('combobox', { name: 'Partenaires' }).fill('Brühl');
  await page.getByRole('option', { name: /^Brühl — Ville jumelle/ }).click();
  await expect(page.getByRole('button', { name: 'Retirer Brühl' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Objectifs du plan servis' }).click();
  await page.getByRole('option', { name: /^I\.3 — / }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ajouter un membre pour Sceaux' }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Philippe Laurent');
  await page.getByLabel('Fonction').fill('Maire');
  await page.getByRole('button', { name: 'Ajouter une étape au programme' }).click();
  await expect(page.getByLabel('Jour', { exact: true })).toHaveValue('12/05/2026');
  // The time is on 24 hours whatever the browser's language; a time that does not exist is refused on the field.
  const time = page.getByLabel('Heure', { exact: true });
  await time.fill('25:99');
  await time.press('Tab');
  await expect(page.getByText('Heure invalide (hh:mm).')).toBeVisible();
  await time.fill('14:30');
  await time.press('Tab');
  await expect(time).toHaveValue('14:30');
  await expect(page.getByText('Heure invalide')).toHaveCount(0);
  await page.getByLabel('Lieu', { exact: true }).fill('Rathaus');
  await page.getByLabel('Activité').fill('Réception à l’hôtel de ville');
  await page.getByLabel('Note pour le maire').fill('Évoquer l’échange scolaire de 2027.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: visitTitle })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Programme' })).toContainText('Réception à l’hôtel de ville');
  await expect(page.getByRole('region', { name: 'Programme' })).toContainText('14:30');
  await expect(page.getByRole('region', { name: 'Programme' })).toContainText('mardi 12 mai');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Dossier de visite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: visitTitle })).toBeVisible();
  const brief = page.getByRole('article', { name: 'Brühl' });
  await expect(brief).toContainText(`${anna.firstName} ${anna.lastName}, ${anna.role}`);
  await expect(brief).toContainText('parle allemand, français');
  await expect(brief).toContainText(`Réunion du comité de jumelage ${run}`);
  await expect(brief).toContainText(`Envoyer la liste des élèves ${run} — pour le 15 janvier 2027`);
  await expect(brief).toContainText(`${projectTitle} (échange, en cours)`);
  await expect(page.getByRole('region', { name: 'Note pour M. le Maire' })).toContainText('Évoquer l’échange scolaire de 2027.');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/visits-briefing.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dossier-visite-deplacement-du-maire-a-bruhl-.*\.pdf$/);
  const text = await pdfText(await download.path());
  for (const expected of [visitTitle, 'Brühl', `${anna.firstName} ${anna.lastName}`, anna.role, anna.email, 'Réception à l’hôtel de ville', 'Évoquer l’échange scolaire de 2027.', 'I.3', 'Historique de la relation', `Réunion du comité de jumelage ${run}`, `Visioconférence sur l’échange scolaire ${run}`, 'Suivis en cours', `Envoyer la liste des élèves ${run}`, '15 janvier 2027', 'Projets en cours', projectTitle, milestoneTitle]) {
    expect(text, expected).toContain(expected);
  }
});

test('the annual report renders for the current year with its charts, and its PDF speaks French', async ({ page }) => {
  test.setTimeout(120_000);
  const year = townYear();
  await signedInAs(page, cabinet);
  // The home page lists the project steps due soon.
  const steps = page.getByRole('region', { name: 'Étapes de projets à venir' });
  await expect(steps).toContainText(projectTitle);
  await expect(steps).toContainText(milestoneTitle);
  await page.getByRole('navigation').getByRole('link', { name: 'Rapport annuel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport annuel ${year}` })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Échanges, projets, visites et étapes franchies par objectif' })).toBeVisible();
  await expect(page.getByRole('img', { name: `Échanges, visites et étapes franchies par mois en ${year}` })).toBeVisible();
  // One bar slot per objective of the plan, labelled by its code.
  await expect(page.getByRole('img', { name: 'Échanges, projets, visites et étapes franchies par objectif' }).locator('text.label')).toHaveText(['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'II.1', 'II.2']);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/annual-report.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le rapport (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`rapport-annuel-${year}.pdf`);
  const text = await pdfText(await download.path());
  for (const expected of [`Rapport annuel ${year}`, 'L’année en chiffres', 'Activité par objectif', 'Activité par mois', 'Rassembler autour de valeurs communes']) {
    expect(text, expected).toContain(expected);
  }

  await page.getByRole('navigation').getByRole('link', { name: 'Objectifs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Axe I — objectifs/ })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Activité par mois — I.3' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/objectives-axis.png', fullPage: true });
});
