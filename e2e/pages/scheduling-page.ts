import { expect, type Page } from '@playwright/test';

/** The scheduling preview: inputs, what-if, verdict, the per-node table. */
export class SchedulingPage {
  constructor(readonly page: Page) {}

  readonly table = () => this.page.getByRole('table', { name: 'Scheduling preview' });
  readonly row = (node: string) => this.table().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${node}`) }) });
  readonly predicted = () => this.page.getByLabel('Predicted FailedScheduling message');
  readonly clusterMessage = () => this.page.getByLabel('Latest FailedScheduling message');
  readonly verdict = () => this.page.getByRole('status', { name: 'Prediction' });
  readonly outcome = () => this.page.getByRole('status', { name: 'What-if outcome' });
  readonly podStatus = () => this.page.getByLabel('Pod status');

  async open(query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`/scheduling${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Scheduling preview' })).toBeVisible();
  }

  /** The result, plugin and reason cells of a node's row. */
  async verdictOf(node: string): Promise<string> {
    const cells = this.row(node).getByRole('cell');
    return (await cells.evaluateAll((tds) => tds.slice(0, 3).map((td) => td.textContent ?? '').join(' | '))).trim();
  }

  async whatIf(node: string, change: string) {
    await this.page.getByRole('combobox', { name: 'What-if node' }).selectOption(node);
    await this.page.getByRole('textbox', { name: 'What-if change' }).fill(change);
  }

  async useForm() {
    await this.page.getByRole('radio', { name: 'Quick form' }).check();
  }
}
