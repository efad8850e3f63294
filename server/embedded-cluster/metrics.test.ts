import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMetrics } from './metrics';

test('open watches render as the API server gauge, by verb and resource', () => {
  const text = renderMetrics(new Map([['watch/pods', 2], ['watch/deployments', 1]]));
  assert.match(text, /^# HELP apiserver_longrunning_requests /);
  assert.match(text, /\n# TYPE apiserver_longrunning_requests gauge\n/);
  assert.match(text, /apiserver_longrunning_requests\{component="apiserver",group="",resource="pods",scope="",subresource="",verb="WATCH",version="v1"\} 2\n/);
  assert.match(text, /apiserver_longrunning_requests\{component="apiserver",group="apps",resource="deployments",scope="",subresource="",verb="WATCH",version="v1"\} 1\n/);
});
