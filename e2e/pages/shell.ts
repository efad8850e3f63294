import { expect, type Page } from '@playwright/test';

/** The frame around every page: header, pickers, theme switch, sidebar. */
export class Shell {
  constructor(readonly page: Page) {}

  readonly sections = () => this.page.getByRole('navigation', { name: 'Sections' });
  readonly theme = () => this.page.getByRole('radiogroup', { name: 'Theme' });

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.page.getByRole('link', { name: 'Pilothouse' })).toBeVisible();
  }

  async go(section: 'Pods' | 'Namespaces' | 'Nodes' | 'Create') {
    await this.sections().getByRole('link', { name: section }).click();
  }

  async pickTheme(name: 'Light' | 'Dark' | 'System') {
    await this.theme().getByRole('radio', { name }).click();
  }

  async isDark(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('dark'));
  }
}
