import { expect, test } from './fixtures/test';
import { PodDetailPage } from './pages/pod-detail-page';

test('the log follows live: a request sent from the Request tab answers and adds a line', async ({ page, context, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  await api.waitRunning(namespace, ['kubia-manual']);

  const logs = new PodDetailPage(page);
  await logs.open(namespace, 'kubia-manual', 'logs');
  await expect(logs.container()).toHaveValue('kubia');
  await expect(logs.logOption('Follow')).toBeChecked();
  await expect(logs.panel().getByText(`kubectl logs kubia-manual -n ${namespace}`)).toBeVisible();
  await expect(logs.logLines()).toContainText('Kubia server starting...');
  await expect(logs.logLines()).not.toContainText('Received request from');

  // A second tab sends the request, as a second terminal would; the first keeps following.
  const requests = new PodDetailPage(await context.newPage());
  await requests.open(namespace, 'kubia-manual', 'request');
  await expect(requests.port()).toHaveValue('8080');
  await expect(requests.method()).toHaveValue('GET');
  await expect(requests.path()).toHaveValue('/');
  await requests.send().click();
  await expect(requests.panel().getByRole('region', { name: 'Response' })).toContainText('200');
  await expect(requests.responseBody()).toHaveText("You've hit kubia-manual");

  await expect(logs.logLines()).toContainText(/Received request from \S+/);
  await expect(logs.panel().getByText(/^2 lines$/)).toBeVisible();
});

test('log search and timestamps work on the lines held', async ({ page, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  await api.waitRunning(namespace, ['kubia-manual']);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-manual', 'request');
  await detail.path().fill('/hello');
  await detail.send().click();
  await expect(detail.responseBody()).toHaveText("You've hit kubia-manual");

  await detail.select('Logs');
  await expect(detail.logLines()).toContainText('Received request from');
  await detail.searchLogs().fill('starting');
  await expect(detail.panel().getByText('1 match in 1 line')).toBeVisible();
  await detail.logOption('Timestamps').check();
  await expect(detail.panel().getByText(`kubectl logs kubia-manual -n ${namespace} -c kubia -f --tail=1000 --timestamps`)).toBeVisible();
  await expect(detail.logLines()).toContainText(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/);
});

test('line numbers are each line’s number in its container’s log, after switching tab or container', async ({ page, api, namespace }) => {
  // Two containers of the chapter's app: each writes one line at start, and only its own.
  await api.apply(
    [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'kubia-pair' },
        spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'first', image: 'luksa/kubia' }, { name: 'second', image: 'luksa/kubia' }] },
      },
    ],
    namespace,
  );
  await api.waitRunning(namespace, ['kubia-pair']);
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-pair', 'logs');
  await expect(detail.container()).toHaveValue('first');
  await expect(detail.logLines()).toContainText('Kubia server starting...');
  await expect(detail.logLineNumbers()).toHaveText(['1']);
  await expect(detail.panel().getByText(/^1 line$/)).toBeVisible();

  await detail.select('Overview');
  await detail.select('Logs');
  await expect(detail.logLines()).toContainText('Kubia server starting...');
  await expect(detail.logLineNumbers()).toHaveText(['1']);

  await detail.container().selectOption('second');
  await expect(detail.panel().getByText(`kubectl logs kubia-pair -n ${namespace} -c second -f --tail=1000`)).toBeVisible();
  await expect(detail.logLines()).toContainText('Kubia server starting...');
  await expect(detail.logLineNumbers()).toHaveText(['1']);
  await expect(detail.panel().getByText(/^1 line$/)).toBeVisible();

  await detail.container().selectOption('first');
  await expect(detail.logLineNumbers()).toHaveText(['1']);
});

test('with --tail, the view says when the numbers may start after the log’s first line', async ({ page, request, baseURL, api, namespace }) => {
  await api.createPods(namespace, [{ name: 'kubia-busy' }]);
  await api.waitRunning(namespace, ['kubia-busy']);
  // 99 requests: with the start-up line the log holds exactly 100 lines, one per request after the first.
  const origin = new URL(baseURL!).origin;
  for (let i = 0; i < 99; i++) {
    const response = await request.get(`/api/clusters/embedded/k8s/api/v1/namespaces/${namespace}/pods/kubia-busy:8080/proxy/`, { headers: { 'X-Pilothouse-Request': '1', Origin: origin } });
    expect(response.status()).toBe(200);
  }
  const detail = new PodDetailPage(page);
  await detail.open(namespace, 'kubia-busy', 'logs');
  await expect(detail.panel().getByText(/^100 lines$/)).toBeVisible();
  const tailNotice = detail.panel().getByRole('status').filter({ hasText: 'Read with --tail=' });
  await expect(tailNotice).toBeHidden();

  await detail.panel().getByRole('combobox', { name: 'Tail lines' }).selectOption('100');
  await expect(detail.panel().getByText(`kubectl logs kubia-busy -n ${namespace} -c kubia -f --tail=100`)).toBeVisible();
  await expect(detail.panel().getByText(/^100 lines$/)).toBeVisible();
  await expect(tailNotice).toContainText('Read with --tail=100: if the log is longer, its earlier lines were not read');
  // Following the tail: the newest line is the 100th read.
  await expect(detail.logLineNumbers().last()).toHaveText('100');

  await detail.panel().getByRole('combobox', { name: 'Tail lines' }).selectOption('all');
  await expect(detail.panel().getByText(/^100 lines$/)).toBeVisible();
  await expect(tailNotice).toBeHidden();
});
