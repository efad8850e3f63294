import { expect, type Page } from '@playwright/test';

/** The Create page: the manifest editor, its buttons, problems and results. */
export class CreatePage {
  constructor(readonly page: Page) {}

  readonly editor = () => this.page.getByRole('textbox', { name: 'Manifest' });
  readonly problems = () => this.page.getByRole('list', { name: 'Problems' });
  readonly results = () => this.page.getByRole('region', { name: 'Results' });
  readonly namespace = () => this.page.getByRole('textbox', { name: 'Namespace (-n)' });

  async open(query = '') {
    await this.page.goto(`/create?context=embedded${query}`);
    await expect(this.editor()).toBeVisible();
  }

  /** Waits until the text has been checked against the cluster's schemas. */
  async validated() {
    await expect(this.problems()).toHaveAttribute('data-validation', 'ready', { timeout: 20_000 });
  }

  /** Replaces the whole text, as a paste would. */
  async setText(text: string) {
    await this.editor().click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** The whole text: CodeMirror renders only the lines in view, so it is read from the editor's state. */
  async text(): Promise<string> {
    return this.editor().evaluate((el) => (el as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());
  }

  async template(id: string) {
    await this.page.getByRole('combobox', { name: 'Template' }).selectOption(id);
  }

  async create() {
    await this.page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(this.results()).toBeVisible({ timeout: 20_000 });
  }

  /** The problem listed for a 1-based line, by its message. */
  problem(line: number, message: string | RegExp) {
    return this.problems().getByRole('button').filter({ hasText: `Ln ${line},` }).filter({ hasText: message });
  }
}
