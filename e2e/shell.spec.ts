import { expect, test } from '@playwright/test';
import { Shell } from './pages/shell';

test('the shell opens on Pods with its pickers and a live socket', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open('/');
  await expect(page).toHaveURL(/\/pods$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Context' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Namespace' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Live connection' })).toHaveText('Live');
});

test('the sidebar navigates between sections and marks the current one', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open('/pods');
  for (const section of ['Namespaces', 'Nodes', 'Create', 'Pods'] as const) {
    await shell.go(section);
    await expect(page).toHaveURL(new RegExp(`/${section.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(shell.sections().getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
  }
});

test('the theme follows the system and can be switched, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const shell = new Shell(page);
  await shell.open('/pods');
  await expect(shell.theme().getByRole('radio', { name: 'System' })).toHaveAttribute('aria-checked', 'true');
  expect(await shell.isDark()).toBe(true);

  await shell.pickTheme('Light');
  expect(await shell.isDark()).toBe(false);
  await page.reload();
  expect(await shell.isDark()).toBe(false);
  await expect(shell.theme().getByRole('radio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');

  await shell.pickTheme('Dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await shell.isDark()).toBe(true);

  await shell.pickTheme('System');
  expect(await shell.isDark()).toBe(false);
});

test('the keyboard reaches the sidebar links', async ({ page }) => {
  const shell = new Shell(page);
  await shell.open('/pods');
  const nodes = shell.sections().getByRole('link', { name: 'Nodes' });
  await nodes.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/nodes$/);
});
