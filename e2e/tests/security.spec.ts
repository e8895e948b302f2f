import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';
import { admin } from '../helpers/env';
import { expectAccessible, signIn } from '../helpers/pages';

/** Collects every Content-Security-Policy violation of a page, from the DOM event and from the console. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function signOut(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
}

test('every page runs under the strict Content-Security-Policy without a single violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const response = await page.goto('/connexion');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');
  for (const path of ['/', '/plan', '/suivis', '/interactions', '/mon-compte', '/comptes', '/page-qui-n-existe-pas']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/mon-compte');
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await page.goto('/api/docs/');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('an administrator creates an officer, who turns two-factor sign-in on and then signs in with a code', async ({ page }) => {
  const email = `claire.martin.${Date.now()}@sceaux.fr`;
  await signIn(page);
  await page.getByRole('link', { name: 'Comptes' }).click();
  await expect(page.getByRole('heading', { name: 'Comptes', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nom affiché').fill('Claire Martin');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByText('affiché une seule fois')).toBeVisible();
  const password = (await page.locator('code.password').textContent())!.trim();
  // Other journeys may have made a Claire Martin too: the new account is the row with this e-mail.
  await expect(page.getByRole('row').filter({ hasText: email }).getByRole('rowheader', { name: 'Claire Martin' })).toBeVisible();
  await expectAccessible(page);
  await signOut(page, /Administrateur/);

  await signIn(page, { email, password });
  await page.getByRole('button', { name: /Claire Martin/ }).click();
  await page.getByRole('menuitem', { name: 'Mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.locator('code.secret').textContent())!.replace(/\s+/g, '');
  await expectAccessible(page);
  await page.getByLabel(/Code à 6 chiffres/).fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Activer la double authentification' }).click();
  const codes = page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  await expect(page.getByText(/Activée depuis le/)).toBeVisible();
  await expectAccessible(page);
  await signOut(page, /Claire Martin/);

  // The password alone no longer signs in: the code is asked, and a recovery code works once.
  await signIn(page, { email, password });
  await expect(page.getByRole('heading', { name: 'Vérification en deux étapes' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Code de vérification').fill('000000');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert')).toContainText('incorrect');
  await page.getByRole('button', { name: 'Utiliser un code de secours' }).click();
  await page.getByLabel('Code de secours').fill(recoveryCode);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');
  await page.goto('/comptes');
  await expect(page).toHaveURL(/\/$/);
});

test('a wrong current password is said next to its field, and what was typed stays', async ({ page }) => {
  await signIn(page);
  // signIn does not wait: going elsewhere before the session exists would land on the sign-in page.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');
  await page.goto('/mon-compte');
  const section = page.getByRole('region', { name: 'Mot de passe' });
  await section.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await section.getByLabel('Nouveau mot de passe').fill('qwertyuiop123');
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(section.getByText('Mot de passe actuel incorrect.')).toBeVisible();
  await expect(section.getByLabel('Nouveau mot de passe')).toHaveValue('qwertyuiop123');
  await expectAccessible(page);

  await section.getByLabel('Mot de passe actuel').fill(admin.password);
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(section.getByText(/plus courants/)).toBeVisible();
});
