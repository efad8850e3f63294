import { expect, type Locator, type Page } from '@playwright/test';

/** The actions menu button of one row of a resource table ("Actions for kubia-manual"). */
export const rowActionsButton = (page: Page, name: string): Locator => page.getByRole('button', { name: `Actions for ${name}`, exact: true });

/** Opens a row's actions menu and returns it (a `menu` named after the row). */
export async function openRowActions(page: Page, name: string): Promise<Locator> {
  await rowActionsButton(page, name).click();
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  await expect(menu).toBeVisible();
  return menu;
}

/** Chooses one item ("Edit labels…", "Delete…", "Cordon…") of a row's actions menu. */
export async function chooseRowAction(page: Page, name: string, item: string): Promise<void> {
  const menu = await openRowActions(page, name);
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
  await expect(menu).toBeHidden();
}
