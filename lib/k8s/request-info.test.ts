import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveRequestInfo, websocketCreateCheck, type RequestAttributes } from './request-info';

// Cases from k8s.io/apiserver's requestinfo_test.go semantics.
describe('resolveRequestInfo', () => {
  const cases: [string, string, string, Partial<RequestAttributes>][] = [
    ['GET', '/api/v1/namespaces/team-a/pods', '', { verb: 'list', namespace: 'team-a', resource: 'pods', name: '' }],
    ['GET', '/api/v1/namespaces/team-a/pods', 'watch=true', { verb: 'watch', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/team-a/pods', 'watch=false', { verb: 'list' }],
    ['GET', '/api/v1/namespaces/team-a/pods', 'watch=yes', { verb: 'watch' }],
    ['GET', '/api/v1/watch/namespaces/team-a/pods/x', '', { verb: 'watch', namespace: 'team-a', resource: 'pods', name: 'x' }],
    ['GET', '/api/v1/namespaces/team-a/pods', 'fieldSelector=metadata.name%3Dx', { verb: 'list', name: 'x' }],
    ['GET', '/api/v1/namespaces/team-a/pods/x/log', '', { verb: 'get', resource: 'pods', name: 'x', subresource: 'log' }],
    ['POST', '/api/v1/namespaces/team-a/pods/x/proxy/a/b', '', { verb: 'create', resource: 'pods', name: 'x', subresource: 'proxy' }],
    ['GET', '/api/v1/proxy/namespaces/team-a/pods/x/a', '', { verb: 'proxy', resource: 'pods', name: 'x', subresource: '' }],
    ['DELETE', '/api/v1/namespaces/team-a/pods', '', { verb: 'deletecollection' }],
    ['DELETE', '/api/v1/namespaces/team-a/pods/x', '', { verb: 'delete', name: 'x' }],
    ['PATCH', '/apis/apps/v1/namespaces/team-a/deployments/web/scale', '', { verb: 'patch', apiGroup: 'apps', resource: 'deployments', subresource: 'scale' }],
    ['GET', '/api/v1/namespaces/team-a', '', { verb: 'get', namespace: 'team-a', resource: 'namespaces', name: 'team-a' }],
    ['PUT', '/api/v1/namespaces/team-a/finalize', '', { verb: 'update', namespace: 'team-a', resource: 'namespaces', name: 'team-a', subresource: 'finalize' }],
    ['GET', '/api/v1/namespaces', '', { verb: 'list', namespace: '', resource: 'namespaces' }],
    ['GET', '/api/v1/nodes/n1', '', { verb: 'get', namespace: '', resource: 'nodes', name: 'n1' }],
    ['POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '', { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }],
  ];
  for (const [method, path, query, expected] of cases) {
    it(`${method} ${path}${query ? `?${query}` : ''}`, () => {
      const info = resolveRequestInfo(method, path, new URLSearchParams(query));
      assert.equal(info.isResourceRequest, true);
      for (const [key, value] of Object.entries(expected)) assert.equal(info[key as keyof RequestAttributes], value, key);
    });
  }

  it('takes everything outside /api and /apis, and their discovery documents, as non-resource requests', () => {
    for (const path of ['/version', '/api', '/api/v1', '/apis/apps', '/apis/apps/v1', '/openapi/v3', '/metrics']) {
      const info = resolveRequestInfo('GET', path, new URLSearchParams());
      assert.deepEqual([info.isResourceRequest, info.verb, info.path], [false, 'get', path], path);
    }
    assert.equal(resolveRequestInfo('POST', '/version', new URLSearchParams()).verb, 'post');
  });
});

describe('websocketCreateCheck', () => {
  const exec = resolveRequestInfo('GET', '/api/v1/namespaces/team-a/pods/x/exec', new URLSearchParams('command=sh'));
  it('asks for create on a WebSocket upgrade of exec, attach and portforward', () => {
    assert.deepEqual(
      websocketCreateCheck(exec, { headers: { upgrade: 'websocket' } }).map((a) => [a.verb, a.subresource]),
      [['create', 'exec']],
    );
  });
  it('asks nothing more of plain GETs, POSTs and other subresources', () => {
    assert.deepEqual(websocketCreateCheck(exec, { headers: {} }), []);
    const log = resolveRequestInfo('GET', '/api/v1/namespaces/team-a/pods/x/log', new URLSearchParams());
    assert.deepEqual(websocketCreateCheck(log, { headers: { upgrade: 'websocket' } }), []);
  });
});
