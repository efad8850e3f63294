import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandPort, curlCommand, declaredPorts, parseHeaderLines, parsePort } from '@/components/pod-detail/request-types';

describe('request helpers', () => {
  it('declared TCP ports, each once, in spec order', () => {
    const ports = declaredPorts({
      spec: {
        containers: [
          { name: 'web', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 53, protocol: 'UDP' }] },
          { name: 'side', ports: [{ containerPort: 8080 }, { containerPort: 9090, protocol: 'TCP' }] },
        ],
      },
    });
    assert.deepEqual(ports, [{ port: 8080, container: 'web', name: 'http' }, { port: 9090, container: 'side' }]);
  });
  it('parses header lines and rejects malformed ones', () => {
    assert.deepEqual(parseHeaderLines('Accept: application/json\n\nX-Id:  7 '), { headers: [['Accept', 'application/json'], ['X-Id', '7']] });
    assert.match(parseHeaderLines('no colon here').error ?? '', /Line 1/);
    assert.match(parseHeaderLines('Bad Name: x').error ?? '', /Line 1/);
  });
  it('reads the port field, and the commands name only the port it holds', () => {
    assert.deepEqual(parsePort(' 8080 '), { port: 8080 });
    for (const text of ['', '0', '65536', '80a', '8080e', '-1', '1.5']) assert.ok('error' in parsePort(text), text);
    assert.equal(commandPort(parsePort('9090')), '9090');
    assert.equal(commandPort(parsePort('')), 'PORT');
    assert.equal(commandPort(parsePort('70000')), 'PORT');
  });
  it('curl command as the chapter writes it, quoted for a shell', () => {
    assert.equal(curlCommand({ port: 8080, method: 'GET', path: '/', headers: [] }, 8888), 'curl -s -X GET localhost:8888/');
    assert.equal(
      curlCommand({ port: 8080, method: 'POST', path: '/items?x=1', headers: [['Content-Type', 'application/json']], body: '{"a":1}' }, 8888),
      `curl -s -X POST -H 'Content-Type: application/json' -d '{"a":1}' 'localhost:8888/items?x=1'`,
    );
  });
});
