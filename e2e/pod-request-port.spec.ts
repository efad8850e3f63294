import { expect, test } from './fixtures/test';
import { screenshotThemes } from './fixtures/screenshots';
import { PodDetailPage } from './pages/pod-detail-page';

test('for a pod that declares no port, the commands name exactly the port the field holds', async ({ page, api, namespace }, testInfo) => {
  // `kubectl run kubia --image=luksa/kubia` without --port: the app listens on 8080 but declares nothing.
  await api.apply(
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-undeclared' }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'kubia', image: 'luksa/kubia' }] } }],
    namespace,
  );
  await api.waitRunning(namespace, ['kubia-undeclared']);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-undeclared', 'request');
  const portForward = detail.commands().first();

  await expect(detail.port()).toHaveValue('other');
  await expect(detail.panel().getByText('No container declares a TCP port')).toBeVisible();
  // Nothing typed yet: the field is empty and the command names no port either.
  await expect(detail.portNumber()).toHaveValue('');
  // Not yet typed is not wrong: nothing is flagged before the user has written a port.
  await expect(detail.portNumber()).toHaveAttribute('aria-invalid', 'false');
  await expect(portForward).toContainText(`kubectl port-forward kubia-undeclared -n ${namespace} 8888:PORT`);
  await expect(detail.send()).toBeDisabled();
  await screenshotThemes(page, testInfo, 'request-no-port');

  await detail.portNumber().fill('8080');
  await expect(portForward).toContainText(`kubectl port-forward kubia-undeclared -n ${namespace} 8888:8080`);
  await detail.send().click();
  await expect(detail.responseBody()).toHaveText("You've hit kubia-undeclared");
  await expect(detail.panel().getByText('GET / to port 8080', { exact: true })).toBeVisible();

  // Emptied or out of range, the field no longer holds a port, and neither does the command.
  await detail.portNumber().fill('');
  await expect(portForward).toContainText('8888:PORT');
  await expect(portForward).not.toContainText('8888:0');
  await detail.portNumber().fill('70000');
  await expect(detail.portNumber()).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.panel().getByText('A port is between 1 and 65535.')).toBeVisible();
  await expect(portForward).toContainText('8888:PORT');
  await expect(detail.send()).toBeDisabled();
  // The answer shown is still said to be port 8080's, not the field's.
  await expect(detail.panel().getByText('GET / to port 8080', { exact: true })).toBeVisible();
  await screenshotThemes(page, testInfo, 'request-bad-port');
});

test('for a pod that declares its port, the field and the commands start on it', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  await api.waitRunning(namespace, ['kubia-manual']);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-manual', 'request');
  await expect(detail.port()).toHaveValue('8080');
  await expect(detail.commands().first()).toContainText(`kubectl port-forward kubia-manual -n ${namespace} 8888:8080`);
  await detail.port().selectOption('other');
  await expect(detail.portNumber()).toHaveValue('');
  await expect(detail.commands().first()).toContainText('8888:PORT');
});
