import { expect, test } from './fixtures/test';
import { PodDetailPage } from './pages/pod-detail-page';

test('the Shell tab runs commands in the container and shows how the session ends', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual', graceSeconds: 2 }]);
  await api.waitRunning(namespace, ['kubia-manual']);

  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-manual', 'shell');
  await expect(detail.container()).toHaveValue('kubia');
  await expect(detail.panel().getByText(`kubectl exec -it kubia-manual -n ${namespace} -c kubia -- sh`)).toBeVisible();
  await expect(detail.shellStatus()).toHaveText('Connected');
  await expect(detail.terminalText()).toContainText('#');

  await detail.typeInTerminal('hostname\n');
  await expect(detail.terminalText()).toContainText(/hostname\s*kubia-manual/);
  // Output is painted by the terminal, never parsed as HTML.
  await detail.typeInTerminal('echo "<b>bold</b>"\n');
  await expect(detail.terminalText()).toContainText('<b>bold</b>');
  await expect(detail.terminal().locator('b')).toHaveCount(0);

  await detail.typeInTerminal('exit 3\n');
  await expect(detail.shellStatus()).toHaveText('Session ended: exit code 3');

  // A new session; deleting the pod ends it (the container is killed when the grace period is over).
  await detail.panel().getByRole('button', { name: 'Connect' }).click();
  await expect(detail.shellStatus()).toHaveText('Connected');
  await detail.typeInTerminal('sleep 60\n');
  await api.deletePod(namespace, 'kubia-manual');
  await expect(page.getByText(/Session ended: exit code 137|There is no pod kubia-manual/)).toBeVisible({ timeout: 15_000 });
});
