import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { controllerRef, describeChain, groupByController, ownerDescriptor, willBeRecreated, type ControllerRef } from './owner-references';
import { deployments, replicasets } from './resources';

const rs: ControllerRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubernetes-bootcamp-ccbc6c687', uid: 'rs-1' };
const otherRs: ControllerRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d9', uid: 'rs-2' };
const deployment: ControllerRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'kubernetes-bootcamp', uid: 'deploy-1' };

describe('controllerRef', () => {
  const cases = [
    { name: 'no owners', meta: {}, want: undefined },
    { name: 'an owner that is not the controller', meta: { ownerReferences: [{ ...rs, controller: false }] }, want: undefined },
    { name: 'the controller among owners', meta: { ownerReferences: [{ ...otherRs }, { ...rs, controller: true, blockOwnerDeletion: true }] }, want: rs },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(controllerRef(c.meta), c.want));
});

describe('groupByController', () => {
  it('groups by controller uid per namespace, in order of first appearance, and keeps the unowned apart', () => {
    const items = [
      { namespace: 'default', name: 'kubia-zxzij' },
      { namespace: 'default', name: 'bootcamp-a', owner: rs },
      { namespace: 'default', name: 'web-x', owner: otherRs },
      { namespace: 'default', name: 'bootcamp-b', owner: rs },
      { namespace: 'other', name: 'same-uid-elsewhere', owner: rs },
    ];
    const { groups, unowned } = groupByController(items);
    assert.deepEqual(unowned.map((i) => i.name), ['kubia-zxzij']);
    assert.deepEqual(
      groups.map((g) => [g.namespace, g.owner.name, g.members.map((m) => m.name)]),
      [
        ['default', rs.name, ['bootcamp-a', 'bootcamp-b']],
        ['default', otherRs.name, ['web-x']],
        ['other', rs.name, ['same-uid-elsewhere']],
      ],
    );
  });
  it('is empty for nothing', () => assert.deepEqual(groupByController([]), { groups: [], unowned: [] }));
});

describe('ownerDescriptor', () => {
  const cases = [
    { ref: rs, want: replicasets },
    { ref: deployment, want: deployments },
    { ref: { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet' }, want: undefined },
    { ref: { apiVersion: 'batch/v1', kind: 'Job' }, want: undefined },
  ];
  for (const c of cases) it(`${c.ref.apiVersion} ${c.ref.kind}`, () => assert.equal(ownerDescriptor(c.ref), c.want));
});

describe('willBeRecreated', () => {
  const cases = [
    { name: 'owned, owner stays', chain: [rs, deployment], deleted: [], want: true },
    { name: 'the ReplicaSet is deleted too', chain: [rs, deployment], deleted: ['rs-1'], want: false },
    { name: 'the Deployment is deleted too', chain: [rs, deployment], deleted: ['deploy-1'], want: false },
    { name: 'no owner', chain: [], deleted: [], want: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(willBeRecreated(c.chain, new Set(c.deleted)), c.want));
});

describe('describeChain', () => {
  const cases = [
    { chain: [], want: '' },
    { chain: [rs], want: 'ReplicaSet kubernetes-bootcamp-ccbc6c687' },
    { chain: [rs, deployment], want: 'ReplicaSet kubernetes-bootcamp-ccbc6c687 (of Deployment kubernetes-bootcamp)' },
    { chain: [rs, deployment, { ...deployment, kind: 'Rollout', name: 'r' }], want: 'ReplicaSet kubernetes-bootcamp-ccbc6c687 (of Deployment kubernetes-bootcamp, of Rollout r)' },
  ];
  for (const c of cases) it(c.want || 'empty', () => assert.equal(describeChain(c.chain), c.want));
});
