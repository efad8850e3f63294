import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import { ruleAllows, type PolicyRule } from './policy-rule';

const request = (attrs: Partial<RequestAttributes>): RequestAttributes => ({
  isResourceRequest: true,
  path: '',
  verb: 'get',
  apiGroup: '',
  apiVersion: 'v1',
  namespace: 'team-a',
  resource: 'pods',
  subresource: '',
  name: '',
  ...attrs,
});

// RuleAllows with the helpers of evaluation_helpers.go: wildcards, subresources, resourceNames, URLs.
describe('ruleAllows', () => {
  const cases: [string, PolicyRule, Partial<RequestAttributes>, boolean][] = [
    ['exact verb, group and resource', { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, {}, true],
    ['another verb', { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { verb: 'delete' }, false],
    ['another group', { verbs: ['get'], apiGroups: ['apps'], resources: ['pods'] }, {}, false],
    ['* everything', { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verb: 'deletecollection', apiGroup: 'apps', resource: 'deployments' }, true],
    ['* covers subresources', { verbs: ['get'], apiGroups: [''], resources: ['*'] }, { subresource: 'log' }, true],
    ['pods does not cover pods/log', { verbs: ['get'], apiGroups: [''], resources: ['pods'] }, { subresource: 'log' }, false],
    ['pods/log', { verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, { subresource: 'log' }, true],
    ['*/log covers every log', { verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, { subresource: 'log' }, true],
    ['*/log is not pods', { verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, {}, false],
    ['*/status is not log', { verbs: ['get'], apiGroups: [''], resources: ['*/status'] }, { subresource: 'log' }, false],
    ['resourceNames match the name', { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }, { name: 'a' }, true],
    ['resourceNames refuse another', { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }, { name: 'b' }, false],
    ['resourceNames refuse a list', { verbs: ['list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }, { verb: 'list' }, false],
    ['URL exact', { verbs: ['get'], nonResourceURLs: ['/version'] }, { isResourceRequest: false, path: '/version' }, true],
    ['URL prefix *', { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, { isResourceRequest: false, path: '/apis/apps/v1' }, true],
    ['URL prefix is not the bare path', { verbs: ['get'], nonResourceURLs: ['/apis/*'] }, { isResourceRequest: false, path: '/apis' }, false],
    ['URL rules do not grant resources', { verbs: ['*'], nonResourceURLs: ['*'] }, {}, false],
    ['resource rules do not grant URLs', { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { isResourceRequest: false, path: '/metrics' }, false],
  ];
  for (const [name, rule, attrs, allowed] of cases) {
    it(name, () => assert.equal(ruleAllows(request(attrs), rule), allowed));
  }
});
