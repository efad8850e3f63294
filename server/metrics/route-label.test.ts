import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { test } from 'node:test';
import { APP_ROUTES, methodLabel, routeLabel } from './route-label';

/** Every page and route handler under app/, as its route pattern (route groups dropped). */
function appDirRoutes(dir = 'app'): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && (entry.name === 'page.tsx' || entry.name === 'route.ts'))
    .map((entry) => `/${relative('app', entry.parentPath).split(sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/')}`);
}

test('the route list is app/ exactly: a page or route handler added there needs its row', () => {
  assert.deepEqual([...APP_ROUTES].sort(), appDirRoutes().sort());
});

test('a request path is labelled with its route pattern, never with the names in it', () => {
  const table: [string, string][] = [
    ['/', '/'],
    ['/pods?context=prod&namespace=default&labelSelector=app%3Dweb', '/pods'],
    ['/pods/team-a/kubia-zxzij', '/pods/[namespace]/[name]'],
    ['/pods/team-a/kubia-zxzij/edit', '/pods/[namespace]/[name]/edit'],
    ['/nodes/worker-1', '/nodes/[name]'],
    ['/api/clusters/prod/k8s/api/v1/namespaces/default/pods/kubia', '/api/clusters/[context]/k8s/[...path]'],
    ['/api/clusters/prod/k8s/apis/apps/v1/deployments?limit=10', '/api/clusters/[context]/k8s/[...path]'],
    ['/api/clusters/prod/manifests', '/api/clusters/[context]/manifests'],
    ['/api/clusters/prod/secrets/default/db/reveal', '/api/clusters/[context]/secrets/[namespace]/[name]/reveal'],
    ['/api/contexts', '/api/contexts'],
    ['/api/auth/login', '/api/auth/*'],
    ['/api/auth/whoami', '/api/auth/*'],
    ['/socket.io/?EIO=4&transport=websocket', 'socket.io'],
    ['/_next/static/chunks/app-1234.js', 'static'],
    ['/favicon.ico', 'static'],
    ['/healthz', '/healthz'],
    ['/metrics', '/metrics'],
    ['/metrics/extra', 'other'],
    ['/no-such-page', 'other'],
    ['/pods/a/b/c/d', 'other'],
    ['/api/clusters/prod', 'other'],
  ];
  for (const [path, label] of table) assert.equal(routeLabel(path), label, path);
});

test('a method a client made up is other', () => {
  assert.equal(methodLabel('GET'), 'GET');
  assert.equal(methodLabel('PROPFIND'), 'other');
  assert.equal(methodLabel(undefined), 'other');
});
