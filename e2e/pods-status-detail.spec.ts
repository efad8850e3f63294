import { screenshotThemes } from './fixtures/screenshots';
import { expect, test } from './fixtures/test';
import { PodsPage } from './pages/pods-page';

const NOT_MATCHING = "node(s) didn't match Pod's node affinity/selector";

const pod = (name: string, container: object, spec: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'kubia', ...container }], ...spec },
});

test.describe.configure({ timeout: 60_000 });

test("a pending pod's row says the scheduler's reason and links to the preview with it", async ({ page, api, namespace }) => {
  await api.apply([pod('kubia-nowhere', { image: 'luksa/kubia' }, { nodeSelector: { 'e2e-no-such-node': 'true' } })], namespace);
  const pods = new PodsPage(page);
  await pods.open(namespace);
  const status = await pods.cell('kubia-nowhere', 'Status');
  await expect(status).toContainText('Pending');
  const reason = `Unschedulable: 0/3 nodes are available: 3 ${NOT_MATCHING}.`;
  await expect(status).toContainText(reason);
  const why = status.getByRole('link', { name: 'Why pending? kubia-nowhere' });
  // The link carries the reason for a screen reader, not only a tooltip.
  await expect(why).toHaveAccessibleDescription(new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await why.click();
  await expect(page).toHaveURL(new RegExp(`/scheduling\\?.*pod=${namespace}%2Fkubia-nowhere`));
});

test('waiting reasons show with the kubelet message: a failing pull and a crash loop', async ({ page, api, namespace }, testInfo) => {
  await api.apply(
    [
      pod('kubia-broken', { image: 'luksa/kubia:does-not-exist' }),
      pod('kubia-crash', { image: 'pilothouse/crash', env: [{ name: 'CRASH_AFTER_SECONDS', value: '1' }] }),
      pod('kubia-ok', { image: 'luksa/kubia' }),
      pod('kubia-nowhere', { image: 'luksa/kubia' }, { nodeSelector: { 'e2e-no-such-node': 'true' } }),
    ],
    namespace,
  );
  const pods = new PodsPage(page);
  await pods.open(namespace);
  const broken = await pods.cell('kubia-broken', 'Status');
  await expect(broken).toContainText('ImagePullBackOff', { timeout: 30_000 });
  await expect(broken).toContainText('container "kubia": Back-off pulling image "luksa/kubia:does-not-exist"');
  const crash = await pods.cell('kubia-crash', 'Status');
  await expect(crash).toContainText('CrashLoopBackOff', { timeout: 30_000 });
  await expect(crash).toContainText(/container "kubia": back-off \d+s restarting failed container=kubia pod=kubia-crash/);
  // A running pod keeps a plain STATUS.
  await expect(await pods.cell('kubia-ok', 'Status')).toHaveText('Running');
  await expect(await pods.cell('kubia-nowhere', 'Status')).toContainText('Unschedulable');
  await screenshotThemes(page, testInfo, 'pods-status-detail');
});
