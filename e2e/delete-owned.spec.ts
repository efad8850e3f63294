import { deployments, pods, replicasets } from '../lib/k8s/resources';
import type { ClusterApi } from './fixtures/cluster-api';
import { expect, test } from './fixtures/test';
import { screenshotThemes } from './fixtures/screenshots';
import { PodsPage } from './pages/pods-page';

/** The table sorts names with numeric runs by value (`pod-list-row.ts`); the API lists them byte by byte. */
const tableOrder = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** The chapter's kubernetes-bootcamp Deployment (2 replicas) beside a bare pod, in the test's namespace. */
async function bootcampBesideBarePod(api: ClusterApi, namespace: string): Promise<{ replicaSet: string; owned: string[] }> {
  await api.apply(
    [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kubernetes-bootcamp', labels: { app: 'kubernetes-bootcamp' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'kubernetes-bootcamp' } },
          template: { metadata: { labels: { app: 'kubernetes-bootcamp' } }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'kubernetes-bootcamp', image: 'luksa/kubia' }] } },
        },
      },
    ],
    namespace,
  );
  await api.createPods(namespace, [{ name: 'kubia-manual' }]);
  await expect.poll(async () => (await api.names(pods, namespace)).length, { timeout: 15_000 }).toBe(3);
  const [replicaSet] = await api.names(replicasets, namespace);
  const owned = (await api.names(pods, namespace)).filter((name) => name !== 'kubia-manual').sort();
  return { replicaSet, owned };
}

test('deleting pods a ReplicaSet owns says they come back, names the Deployment, and deletes it instead', async ({ page, api, namespace }, testInfo) => {
  const { replicaSet, owned } = await bootcampBesideBarePod(api, namespace);
  const podsPage = new PodsPage(page);
  await podsPage.open(namespace);
  await podsPage.expectNames(tableOrder(['kubia-manual', ...owned]));

  const dialog = await podsPage.openDelete(`Delete all in ${namespace}…`, `Delete all pods in ${namespace}`);
  const notice = dialog.root.getByRole('note', { name: `Owned by ReplicaSet ${replicaSet}` });
  // The ReplicaSet comes from the pods' ownerReferences, the Deployment from the ReplicaSet's, read through the API.
  await expect(notice).toContainText(`They will come back: 2 pods owned by ReplicaSet ${replicaSet} (of Deployment kubernetes-bootcamp)`);
  await expect(notice).toContainText(`${owned[0]} and ${owned[1]} are recreated by the ReplicaSet as soon as they are gone.`);
  await expect(notice).toContainText(`delete the Deployment kubernetes-bootcamp: its ReplicaSet ${replicaSet} and its 2 pods go with it.`);
  await expect(notice.getByLabel('kubectl command to delete Deployment kubernetes-bootcamp', { exact: true })).toHaveText(`kubectl delete deployment kubernetes-bootcamp -n ${namespace}`);
  // The bare pod is not said to come back.
  await expect(dialog.root.getByRole('note')).toHaveCount(1);
  await expect(notice).not.toContainText('kubia-manual');
  await screenshotThemes(page, testInfo, 'delete-owned-pods');

  await notice.getByRole('button', { name: 'Delete Deployment kubernetes-bootcamp instead…' }).click();
  const ownerDialog = page.getByRole('dialog', { name: 'Delete deployment kubernetes-bootcamp' });
  await expect(ownerDialog.getByRole('region', { name: 'What will be deleted' }).getByRole('listitem')).toHaveText([`${namespace}/kubernetes-bootcamp`]);
  await expect(ownerDialog.getByRole('note')).toHaveText(`With it, the garbage collector deletes its ReplicaSet ${replicaSet} and its 2 pods.`);
  await expect(ownerDialog.getByLabel('kubectl equivalent', { exact: true })).toHaveText(`kubectl delete deployments kubernetes-bootcamp -n ${namespace}`);
  await screenshotThemes(page, testInfo, 'delete-owner-instead');
  // There and back: the pods' delete is as it was, and the owner's delete can be opened again.
  await ownerDialog.getByRole('button', { name: '← Back to deleting the pods' }).click();
  await expect(notice).toContainText('They will come back');
  await notice.getByRole('button', { name: 'Delete Deployment kubernetes-bootcamp instead…' }).click();
  await ownerDialog.getByRole('button', { name: /^Delete( \d+)?$/ }).click();
  await expect(ownerDialog).toBeHidden();

  // Nothing comes back: the Deployment, its ReplicaSet and its pods are gone; the bare pod stays.
  await expect.poll(() => api.names(deployments, namespace), { timeout: 15_000 }).toEqual([]);
  await expect.poll(() => api.names(replicasets, namespace), { timeout: 15_000 }).toEqual([]);
  await expect.poll(() => api.names(pods, namespace), { timeout: 20_000 }).toEqual(['kubia-manual']);
  await podsPage.expectNames(['kubia-manual']);
});

test('a pod deleted alone from its ReplicaSet is warned about, and does come back', async ({ page, api, namespace }) => {
  const { replicaSet, owned } = await bootcampBesideBarePod(api, namespace);
  const podsPage = new PodsPage(page);
  await podsPage.open(namespace, { labelSelector: 'app=kubernetes-bootcamp' });
  await podsPage.expectNames(tableOrder(owned));
  await podsPage.select(owned[0]);
  const dialog = await podsPage.openDelete('Delete selected', `Delete pod ${owned[0]}`);
  const notice = dialog.root.getByRole('note', { name: `Owned by ReplicaSet ${replicaSet}` });
  await expect(notice).toContainText(`It will come back: 1 pod owned by ReplicaSet ${replicaSet} (of Deployment kubernetes-bootcamp)`);
  await expect(notice).toContainText(`${owned[0]} is recreated by the ReplicaSet as soon as it is gone.`);
  await dialog.confirm();
  // As warned: the ReplicaSet makes a new pod, so there are two again, one of them new.
  await expect.poll(async () => (await api.names(pods, namespace)).filter((name) => name !== 'kubia-manual' && name !== owned[0]).length, { timeout: 20_000 }).toBe(2);
});

test('pods whose owner is deleted with them are not said to come back', async ({ page, api, namespace }) => {
  await bootcampBesideBarePod(api, namespace);
  await page.goto(`/namespaces/${namespace}`);
  await page.getByRole('button', { name: `Delete all in ${namespace}…` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete all in ${namespace}` });
  const podsGroup = dialog.getByRole('region', { name: 'What will be deleted' }).getByRole('region', { name: 'pods' });
  await expect(podsGroup.getByRole('note')).toContainText(/^2 owned by ReplicaSet kubernetes-bootcamp-\S+, which is deleted too\.$/);
});
