import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';
import { createAccount } from '../helpers/users';

const run = Date.now().toString(36);
const officer = { email: `claire.martin.${run}@sceaux.fr`, password: 'mot-de-passe-claire-1234', role: 'officer' as const, name: 'Claire Martin' };
const association = { name: `Les Amis de Madagascar ${run}`, person: 'Hanta Rakoto', email: `hanta.${run}@amis-madagascar.example` };
const otherAssociation = `Solidarité Arménie ${run}`;
const associationPassword = 'une phrase de passe pour Hanta';

test.beforeAll(() => {
  createAccount(officer);
});

/** A small valid PNG (plain colour) to upload as a logo. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The invitation link of the latest e-mail to `to` in the server's outbox (quoted-printable undone). */
function invitationLink(to: string): string {
  const outbox = path.join(process.env['E2E_DATA_DIR']!, 'outbox');
  const messages = readdirSync(outbox)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, ''))
    .filter((message) => message.includes(to));
  const link = /https?:\/\/[^\s"<>]+\/invitation\/[A-Za-z0-9_-]{43}/.exec(messages.at(-1) ?? '')?.[0];
  if (!link) throw new Error(`no invitation e-mail to ${to}`);
  return new URL(link).pathname;
}

/** Creates a partner through the API as the signed-in page's user. */
async function createPartner(page: Page, name: string): Promise<number> {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')!.value;
  const response = await page.request.post('/api/v1/partners', {
    data: { name, kind: 'association', country: 'FR', city: 'Sceaux', confirmDuplicate: true },
    headers: { 'X-XSRF-TOKEN': token },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

test('an officer invites an association, which edits its profile; the officer accepts part of it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, officer);
  await expect(page.getByRole('link', { name: 'Propositions' })).toBeVisible();
  const partnerId = await createPartner(page, association.name);
  const otherId = await createPartner(page, otherAssociation);

  // The officer invites a person to manage the association's profile.
  await page.goto(`/partenaires/${partnerId}`);
  await expect(page.getByRole('heading', { level: 1, name: association.name })).toBeVisible();
  const access = page.getByRole('region', { name: 'Accès au portail des associations' });
  await expect(access.getByText('Personne n’a encore accès')).toBeVisible();
  await access.getByLabel('Nom de la personne invitée').fill(association.person);
  await access.getByLabel('Son adresse e-mail').fill(association.email);
  await access.getByRole('button', { name: 'Inviter à gérer la fiche' }).click();
  await expect(access.getByRole('status')).toContainText(`Invitation envoyée à ${association.email}`);
  await expect(access.getByText('Invitation envoyée', { exact: false }).last()).toBeVisible();
  await expectAccessible(page);

  // The invitation link from data/outbox/ sets a password, once.
  const link = invitationLink(association.email);
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByText(association.name)).toBeVisible();
  await expectAccessible(mobile);
  await mobile.getByLabel('Mot de passe').fill('court');
  await mobile.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(mobile.getByText('Saisissez un mot de passe de 12 caractères au moins.')).toBeVisible();
  await mobile.getByLabel('Mot de passe').fill(associationPassword);
  await mobile.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(mobile.getByRole('status')).toContainText('Votre mot de passe est enregistré');
  await mobile.goto(link);
  await expect(mobile.getByRole('alert')).toContainText('a expiré ou a déjà servi');

  // The association signs in on its phone and lands on its own page, with nothing else in the menu.
  await signIn(mobile, { email: association.email, password: associationPassword });
  await expect(mobile.getByRole('heading', { level: 1, name: association.name })).toBeVisible();
  await expect(mobile).toHaveURL(/\/portail$/);
  await mobile.getByLabel('Activités').fill('Cours de malgache et cuisine du monde pour les Scéens.');
  await mobile.getByLabel('Besoins').fill('Une salle le samedi matin.');
  await mobile.getByLabel('Événements organisés').fill('Fête de l’indépendance malgache, 26 juin, place du Général-de-Gaulle.');
  await mobile.getByLabel('Site web').fill('pas un site');
  await mobile.getByLabel('Choisir une image…').setInputFiles({ name: 'notes.txt', mimeType: 'image/png', buffer: Buffer.from('ceci n’est pas une image, même si son type le prétend') });
  await mobile.getByRole('button', { name: 'Envoyer pour relecture' }).click();
  await expect(mobile.getByText('Adresse web invalide')).toBeVisible();
  await expect(mobile.getByLabel('Activités')).toHaveValue('Cours de malgache et cuisine du monde pour les Scéens.');
  await mobile.getByLabel('Site web').fill('https://amis-madagascar.example');
  await mobile.getByRole('button', { name: 'Envoyer pour relecture' }).click();
  await expect(mobile.getByText('Ce fichier n’est pas une image PNG, JPEG ou WebP.')).toBeVisible();
  await expect(mobile.getByLabel('Besoins')).toHaveValue('Une salle le samedi matin.');
  await mobile.getByLabel('Choisir une image…').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(96, 96) });
  await mobile.getByRole('button', { name: 'Envoyer pour relecture' }).click();
  await expect(mobile.getByRole('status')).toContainText('vos modifications sont envoyées');
  await expect(mobile.getByRole('heading', { name: 'Proposition en attente' })).toBeVisible();
  await expectAccessible(mobile);
  await mobile.screenshot({ path: test.info().outputPath('portal-phone.png') });
  await mobile.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await mobile.screenshot({ path: test.info().outputPath('portal-phone-top.png') });
  // Nothing reached the record yet.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: association.name })).toBeVisible();
  await expect(page.getByText('Cours de malgache')).toHaveCount(0);

  // The officer accepts all but the needs, with a message.
  await page.getByRole('link', { name: 'Propositions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Propositions des associations' })).toBeVisible();
  const update = page.getByRole('article').filter({ has: page.getByRole('heading', { name: association.name }) });
  await expect(update.getByText('Cours de malgache et cuisine du monde pour les Scéens.')).toBeVisible();
  await expect(update.getByRole('img', { name: 'Logo proposé' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('portal-queue.png'), fullPage: true });
  await update.getByRole('checkbox', { name: 'Besoins' }).uncheck();
  await update.getByLabel('Message à l’association').fill('Merci ! Pour la salle, voyez la maison des associations.');
  await update.getByRole('button', { name: 'Accepter la sélection' }).click();
  await expect(update.getByRole('status')).toContainText('Publié sur la fiche');
  await page.getByRole('button', { name: 'Déjà traitées' }).click();
  const reviewed = page.getByRole('article').filter({ has: page.getByRole('heading', { name: association.name }) });
  await expect(reviewed.getByText('Acceptée en partie')).toBeVisible();
  await expect(reviewed.getByText('non retenu')).toBeVisible();
  await expectAccessible(page);

  // The partner page shows the accepted values, not the refused one.
  await page.goto(`/partenaires/${partnerId}`);
  const profile = page.getByRole('region', { name: 'Profil public' });
  await expect(profile.getByText('Cours de malgache et cuisine du monde pour les Scéens.')).toBeVisible();
  await expect(profile.getByText('Fête de l’indépendance malgache, 26 juin, place du Général-de-Gaulle.')).toBeVisible();
  await expect(profile.getByRole('img', { name: `Logo de ${association.name}` })).toBeVisible();
  await expect(page.getByText('Une salle le samedi matin.')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'https://amis-madagascar.example' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('portal-partner.png'), fullPage: true });

  // The association sees the outcome and the message.
  await mobile.reload();
  await expect(mobile.getByText('Acceptée en partie')).toBeVisible();
  await expect(mobile.getByText('Merci ! Pour la salle, voyez la maison des associations.')).toBeVisible();
  await expect(mobile.getByText('Besoins : non retenu')).toBeVisible();
  await expect(mobile.getByRole('img', { name: 'Logo actuel' })).toBeVisible();
  await mobile.screenshot({ path: test.info().outputPath('portal-phone-after.png'), fullPage: true });

  // Another association's page is a 404, in the API and on screen.
  expect((await mobile.request.get(`/api/v1/partners/${otherId}`)).status()).toBe(404);
  expect((await mobile.request.get(`/api/v1/partners/${partnerId}/logo`)).status()).toBe(200);
  expect((await mobile.request.get(`/api/v1/partners/${otherId}/logo`)).status()).toBe(404);
  await mobile.goto(`/partenaires/${otherId}`);
  await expect(mobile.getByText('Ce partenaire n’existe pas.')).toBeVisible();
  await expect(mobile.getByText(otherAssociation)).toHaveCount(0);

  // Revoking the access ends the association's session at once.
  await page.goto(`/partenaires/${partnerId}`);
  const accessAgain = page.getByRole('region', { name: 'Accès au portail des associations' });
  await expect(accessAgain.getByText('Accès actif')).toBeVisible();
  await accessAgain.getByRole('button', { name: 'Retirer l’accès' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retirer l’accès' }).click();
  await expect(accessAgain.getByText('Accès retiré')).toBeVisible();
  expect((await mobile.request.get('/api/v1/portal/profile')).status()).toBe(401);
  await mobile.goto('/portail');
  await expect(mobile).toHaveURL(/\/connexion/);
  await phone.close();
});
