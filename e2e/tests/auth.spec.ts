import { expect, test } from '@playwright/test';
import { admin } from '../helpers/env';
import { expectAccessible, signIn } from '../helpers/pages';

test('a wrong password shows a clear error and keeps the user on the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);
  await signIn(page, { email: admin.email, password: 'pas le bon mot de passe' });
  await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect');
  await expect(page).toHaveURL(/\/connexion/);
  await expectAccessible(page);
});

test('an officer signs in, lands on the home page, opens the action plan, and signs out', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');
  await expect(page.getByRole('heading', { level: 2, name: 'Mes suivis' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Plan d’action' }).click();
  await expect(page).toHaveURL(/\/plan$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Plan d');
  await expect(page.getByText("Favoriser les coopérations et l'implication des citoyens en lien avec l'Europe")).toBeVisible();
  await expect(page.getByText("Contribuer à conforter l'amitié franco-allemande")).toBeVisible();
  await expect(page.getByText("S'engager ensemble pour les Ukrainiens")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /Administrateur/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion/);
});
