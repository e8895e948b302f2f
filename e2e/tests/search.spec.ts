import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../helpers/pages';

test('typing "bruhl" in the toolbar shows Brühl first, and opens it', async ({ page }) => {
  await signIn(page);
  // The toolbar exists only once signed in: wait for it before using its shortcut.
  await expect(page).not.toHaveURL(/\/connexion/);
  await expect(page.getByRole('combobox', { name: 'Recherche globale' })).toBeVisible();

  // "/" puts the cursor in the search field from anywhere on the page.
  await page.keyboard.press('/');
  const field = page.getByRole('combobox', { name: 'Recherche globale' });
  await expect(field).toBeFocused();
  await field.pressSequentially('bruhl');

  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toContainText('Brühl');
  await expect(page.getByRole('listbox').getByRole('group').first()).toHaveAccessibleName(/Partenaires/);
  await expectAccessible(page);

  await options.first().click();
  await expect(page).toHaveURL(/\/partenaires\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Brühl');
});

test('Enter opens the full results, with counts per kind and filters; quotes and parentheses are just text', async ({ page }) => {
  await signIn(page);
  await expect(page).not.toHaveURL(/\/connexion/);
  await expect(page.getByRole('combobox', { name: 'Recherche globale' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const field = page.getByRole('combobox', { name: 'Recherche globale' });
  await field.fill('"(universite)"');
  await field.press('Enter');

  await expect(page).toHaveURL(/\/recherche\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recherche');
  await expect(page.getByRole('status')).toContainText('résultat');
  await expect(page.getByRole('heading', { level: 2, name: /Partenaires/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Université Paris-Saclay' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);

  // Filter by country: only the German universities are left.
  await page.getByRole('combobox', { name: 'Pays' }).click();
  await page.getByRole('option', { name: 'Allemagne' }).click();
  await expect(page).toHaveURL(/pays=DE/);
  await expect(page.getByRole('link', { name: 'University of Hamburg' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Université Paris-Saclay' })).toHaveCount(0);
  await expectAccessible(page);
});
