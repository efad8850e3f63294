import { expect, type Locator, type Page } from '@playwright/test';

/** The label or annotation editor, found by its title ("Edit labels of kubia-1"). */
export class MetadataDialog {
  readonly root: Locator;

  constructor(readonly page: Page, title: string) {
    this.root = page.getByRole('dialog', { name: title, exact: true });
  }

  readonly problems = () => this.root.getByRole('alert').filter({ has: this.page.getByRole('listitem') });
  readonly serverError = () => this.root.getByLabel('Server error');
  readonly apply = () => this.root.getByRole('button', { name: 'Apply' });
  readonly overwrite = () => this.root.getByRole('checkbox', { name: /Overwrite existing values/ });
  readonly command = () => this.root.getByLabel('kubectl equivalent', { exact: true });

  /** Fills the add-or-change rows, adding rows as needed. */
  async set(pairs: Record<string, string>) {
    let index = 1;
    for (const [key, value] of Object.entries(pairs)) {
      if ((await this.root.getByRole('textbox', { name: `Key ${index}`, exact: true }).count()) === 0) {
        await this.root.getByRole('button', { name: '+ Add row' }).click();
      }
      await this.root.getByRole('textbox', { name: `Key ${index}`, exact: true }).fill(key);
      await this.root.getByRole('textbox', { name: `Value ${index}`, exact: true }).fill(value);
      index += 1;
    }
  }

  /** Ticks "Remove" beside a current key (the single-pod editor). */
  async remove(noun: 'label' | 'annotation', key: string) {
    await this.root.getByRole('checkbox', { name: `Remove ${noun} ${key}`, exact: true }).check();
  }

  async applyAndClose() {
    await this.apply().click();
    await expect(this.root).toBeHidden();
  }
}

/** A delete confirmation: the dry-run list of names, the options, the kubectl command, the Delete button. */
export class DeleteDialog {
  readonly root: Locator;

  constructor(readonly page: Page, title: string | RegExp) {
    this.root = page.getByRole('dialog', { name: title });
  }

  readonly preview = () => this.root.getByRole('region', { name: 'What will be deleted' });
  readonly previewNames = () => this.preview().getByRole('listitem');
  readonly deleteButton = () => this.root.getByRole('button', { name: /^Delete( \d+)?$/ });
  readonly confirmBox = () => this.root.getByRole('textbox', { name: 'Type the namespace name to confirm' });
  readonly command = () => this.root.getByLabel('kubectl equivalent', { exact: true });
  readonly alert = () => this.root.getByRole('alert');

  async confirm() {
    await this.deleteButton().click();
    await expect(this.root).toBeHidden();
  }
}
