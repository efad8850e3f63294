import { expect, type Locator, type Page } from '@playwright/test';
import { DeleteDialog, MetadataDialog } from './pods-dialogs';
import { chooseRowAction } from './row-actions';
import { cellUnder } from './table-cell';

/** `/namespaces`: create box, filter bar, table, row actions and dialogs. */
export class NamespacesPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Namespaces' });
  readonly selector = () => this.page.getByRole('combobox', { name: 'Label selector' });
  readonly nameBox = () => this.page.getByRole('textbox', { name: 'Namespace name' });
  readonly createSection = () => this.page.getByRole('region', { name: 'Create a namespace' });
  readonly command = () => this.page.locator('main').getByLabel('kubectl equivalent', { exact: true });
  readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });
  readonly names = () => this.table().getByRole('link');
  readonly row = (name: string) => this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });

  async open(query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`/namespaces${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Namespaces' })).toBeVisible();
    await expect(this.table().or(this.page.getByRole('region', { name: /^No namespaces/ }))).toBeVisible();
  }

  async filter(selector: string) {
    await this.selector().fill(selector);
    await this.selector().press('Escape');
  }

  /** The cell under a header in one namespace's row. */
  async cell(name: string, column: string): Promise<Locator> {
    return cellUnder(this.table(), this.row(name), column);
  }

  async editLabels(name: string): Promise<MetadataDialog> {
    await chooseRowAction(this.page, name, 'Edit labels…');
    return new MetadataDialog(this.page, `Edit labels of ${name}`);
  }

  async openDelete(name: string): Promise<DeleteDialog> {
    await chooseRowAction(this.page, name, 'Delete…');
    return new DeleteDialog(this.page, `Delete namespace ${name}`);
  }
}
