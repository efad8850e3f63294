import { contrastRatio } from './fixtures/contrast';
import { switchTheme, themes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { PodDetailPage } from './pages/pod-detail-page';
import { PodsPage } from './pages/pods-page';

/** WCAG 1.4.3 (AA) for text under 18 pt: these are all 12-14 px. */
const AA = 4.5;

for (const theme of themes) {
  test(`muted text reaches ${AA}:1 in ${theme}: <none> cells, describe values, log line numbers`, async ({ page, api, namespace }) => {
    await api.createPods(namespace, [{ name: 'kubia-a', labels: { env: 'prod' } }, { name: 'kubia-b' }]);
    await api.waitRunning(namespace, ['kubia-a']);
    const pods = new PodsPage(page);
    await pods.open(namespace, { labelColumns: 'env' });
    await switchTheme(page, theme);
    const none = await pods.cell('kubia-b', 'env');
    await expect(none).toHaveText('<none>');
    expect(await contrastRatio(none.getByText('<none>')), '<none> in the list').toBeGreaterThanOrEqual(AA);
    await pods.row('kubia-b').hover();
    expect(await contrastRatio(none.getByText('<none>')), '<none> in a hovered row').toBeGreaterThanOrEqual(AA);

    const detail = new PodDetailPage(page);
    await detail.open(namespace, 'kubia-a');
    await switchTheme(page, theme);
    const muted = detail.panel().getByText('<none>', { exact: true });
    await expect(muted.first()).toBeVisible();
    for (const element of await muted.all()) expect(await contrastRatio(element), '<none> in the overview').toBeGreaterThanOrEqual(AA);

    await detail.open(namespace, 'kubia-a', 'logs');
    await switchTheme(page, theme);
    const number = detail.logLines().locator('span[aria-hidden="true"]').first();
    await expect(number).toHaveText('1');
    expect(await contrastRatio(number), 'log line number').toBeGreaterThanOrEqual(AA);
  });
}
