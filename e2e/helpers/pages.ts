import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { admin } from './env';

/** Fails on any serious or critical accessibility issue of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    blocking.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export async function signIn(page: Page, credentials: { email: string; password: string } = admin) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(credentials.email);
  await page.getByLabel('Mot de passe').fill(credentials.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
