import { expect, type Locator, type Page } from '@playwright/test';
import { DeleteDialog, MetadataDialog } from './pods-dialogs';
import { chooseRowAction } from './row-actions';
import { cellUnder } from './table-cell';

/** What `/pods` takes in its URL besides the namespace. */
export interface PodsQuery {
  context?: string;
  labelSelector?: string;
  labelColumns?: string;
  showLabels?: boolean;
  sort?: string;
}

/** The pods list: filter bar, view options, table, bulk actions and dialogs. */
export class PodsPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Pods' });
  readonly selector = () => this.page.getByRole('combobox', { name: 'Label selector' });
  readonly suggestions = () => this.page.getByRole('listbox', { name: 'Selector suggestions' });
  readonly count = () => this.page.getByText(/^\d+ of \d+$/);
  readonly showLabels = () => this.page.getByRole('switch', { name: 'Show labels' });
  readonly labelColumns = () => this.page.getByRole('textbox', { name: 'Label columns' });
  readonly command = () => this.page.locator('main').getByLabel('kubectl equivalent', { exact: true });
  readonly button = (name: string) => this.page.getByRole('button', { name, exact: true });
  /** The names in the table, in display order. */
  readonly names = () => this.table().getByRole('link');
  readonly row = (name: string) => this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  readonly header = (name: string) => this.table().getByRole('columnheader', { name, exact: true });
  readonly chip = (pair: string) => this.page.getByRole('button', { name: `Filter by label ${pair}`, exact: true });

  /** Opens `/pods` for one namespace and waits for the list to be live (rows or the empty state). */
  async open(namespace: string, query: PodsQuery = {}) {
    await this.page.goto(`/pods?${PodsPage.search(namespace, query)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Pods' })).toBeVisible();
    await expect(this.table().or(this.page.getByRole('region', { name: /^No pods/ }))).toBeVisible();
  }

  static search(namespace: string, query: PodsQuery): string {
    const params = new URLSearchParams({ namespace });
    if (query.context) params.set('context', query.context);
    if (query.labelSelector) params.set('labelSelector', query.labelSelector);
    if (query.labelColumns) params.set('labelColumns', query.labelColumns);
    if (query.showLabels) params.set('showLabels', '1');
    if (query.sort) params.set('sort', query.sort);
    return params.toString();
  }

  /** Types a selector into the filter bar (replacing what is there) and closes the suggestions. */
  async filter(selector: string) {
    await this.selector().fill(selector);
    await this.selector().press('Escape');
  }

  /** Expects exactly these pods, in this order. */
  async expectNames(names: string[]) {
    if (names.length === 0) await expect(this.table()).toBeHidden();
    else await expect(this.names()).toHaveText(names);
  }

  async sortBy(column: string) {
    await this.header(column).getByRole('button').click();
  }

  /** The cell under a header in one pod's row. */
  async cell(name: string, column: string): Promise<Locator> {
    return cellUnder(this.table(), this.row(name), column);
  }

  async editLabels(name: string): Promise<MetadataDialog> {
    await chooseRowAction(this.page, name, 'Edit labels…');
    return new MetadataDialog(this.page, `Edit labels of ${name}`);
  }

  async editAnnotations(name: string): Promise<MetadataDialog> {
    await chooseRowAction(this.page, name, 'Edit annotations…');
    return new MetadataDialog(this.page, `Edit annotations of ${name}`);
  }

  /** Opens the delete dialog of one pod from its row's actions menu. */
  async openRowDelete(name: string): Promise<DeleteDialog> {
    await chooseRowAction(this.page, name, 'Delete…');
    return new DeleteDialog(this.page, `Delete pod ${name}`);
  }

  /** Opens a delete dialog with one of the list's buttons and returns it by its title. */
  async openDelete(button: string, title: string | RegExp): Promise<DeleteDialog> {
    await this.button(button).click();
    return new DeleteDialog(this.page, title);
  }

  async select(...names: string[]) {
    for (const name of names) await this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }
}
