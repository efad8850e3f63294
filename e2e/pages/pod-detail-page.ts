import { expect, type Locator, type Page } from '@playwright/test';

export type PodDetailTab = 'Overview' | 'YAML' | 'JSON' | 'Logs' | 'Request' | 'Shell';

/** One pod's page: the tabs, the describe-like overview, the manifests, the log viewer, the request panel. */
export class PodDetailPage {
  constructor(readonly page: Page) {}

  readonly tab = (name: PodDetailTab) => this.page.getByRole('tablist', { name: 'Pod details' }).getByRole('tab', { name, exact: true });
  readonly panel = () => this.page.getByRole('tabpanel');

  async open(namespace: string, name: string, tab?: 'overview' | 'yaml' | 'json' | 'logs' | 'request' | 'shell', context?: string, extra: Record<string, string> = {}) {
    const query = new URLSearchParams(extra);
    if (context) query.set('context', context);
    if (tab) query.set('tab', tab);
    const search = query.toString();
    await this.page.goto(`/pods/${namespace}/${name}${search ? `?${search}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(this.page.getByRole('tablist', { name: 'Pod details' })).toBeVisible();
  }

  async select(tab: PodDetailTab) {
    await this.tab(tab).click();
    await expect(this.tab(tab)).toHaveAttribute('aria-selected', 'true');
  }

  // Overview
  readonly section = (title: string) => this.panel().getByRole('region', { name: title, exact: true });
  readonly events = () => this.panel().getByRole('table', { name: 'Events' });
  /** The value beside a `Label:` of the describe output in a section. */
  describeValue(section: string, label: string): Locator {
    return this.section(section).locator('dt').filter({ hasText: new RegExp(`^${label}$`) }).first().locator('xpath=following-sibling::dd[1]');
  }

  // YAML and JSON
  readonly manifest = (name: string, format: 'YAML' | 'JSON') => this.panel().getByRole('region', { name: `Pod ${name} as ${format}` });
  readonly copyManifest = () => this.panel().getByRole('button', { name: 'Copy', exact: true });

  // Logs
  readonly logLines = () => this.panel().getByRole('log', { name: 'Log lines' });
  /** The number shown beside each line in view, oldest first. */
  readonly logLineNumbers = () => this.logLines().locator('[data-index] > span:first-child');
  readonly logOption = (name: 'Follow' | 'Timestamps' | 'Previous' | 'Wrap lines') => this.panel().getByRole('checkbox', { name, exact: true });
  readonly container = () => this.panel().getByRole('combobox', { name: 'Container' });
  readonly tailLines = () => this.panel().getByRole('combobox', { name: 'Tail lines' });
  readonly logFooter = () => this.panel().getByText(/^[\d,]+ lines?$/);
  /** The lines held, from the footer ("12,345 lines"). */
  async heldLines(): Promise<number> {
    return Number((await this.logFooter().innerText()).replace(/\D/g, ''));
  }
  /** "N earlier lines dropped: …", shown once the view's cap is reached. */
  readonly droppedNotice = () => this.panel().getByRole('status').filter({ hasText: 'earlier lines dropped' });
  /** The lines dropped so far, from that notice. */
  async droppedLines(): Promise<number> {
    return Number(/^([\d,]+)/.exec(await this.droppedNotice().innerText())?.[1].replace(/,/g, ''));
  }
  readonly searchLogs = () => this.panel().getByRole('searchbox', { name: 'Search logs' });

  // Request
  readonly port = () => this.panel().getByRole('combobox', { name: 'Port' });
  readonly method = () => this.panel().getByRole('combobox', { name: 'Method' });
  readonly path = () => this.panel().getByRole('textbox', { name: 'Path' });
  /** The port to type when the pod declares none (Port: "Other port…"). */
  readonly portNumber = () => this.panel().getByRole('textbox', { name: 'Port number' });
  /** The commands that do the same from a terminal, one per line. */
  readonly commands = () => this.panel().getByRole('region', { name: 'Equivalent commands' }).locator('pre > div');
  readonly send = () => this.panel().getByRole('button', { name: 'Send' });
  readonly responseBody = () => this.panel().getByLabel('Response body');

  // Shell
  readonly terminal = () => this.panel().getByRole('region', { name: 'Terminal' });
  /** What the terminal shows, row by row (xterm's DOM renderer). */
  readonly terminalText = () => this.terminal().locator('.xterm-rows');
  readonly shellStatus = () => this.panel().getByRole('status', { name: 'Shell status' });
  /** Types into the terminal as a user would (xterm listens on its hidden textarea). */
  async typeInTerminal(text: string) {
    await this.terminal().click();
    await this.page.keyboard.type(text);
  }
}
