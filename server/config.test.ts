import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readServerConfig } from './config';

test('defaults: loopback only, port 3000, production, demo seed', () => {
  assert.deepEqual(readServerConfig({}, []), { host: '127.0.0.1', port: 3000, dev: false, embeddedSeed: 'demo', trustedProxies: [] });
});

test('HOST, PORT, --dev and the seed are read from the environment', () => {
  const config = readServerConfig({ HOST: '0.0.0.0', PORT: '8080', PILOTHOUSE_EMBEDDED_SEED: 'empty' }, ['node', 'server', '--dev']);
  assert.deepEqual(config, { host: '0.0.0.0', port: 8080, dev: true, embeddedSeed: 'empty', trustedProxies: [] });
});

test('bad values fail at start with a clear message', () => {
  assert.throws(() => readServerConfig({ PORT: 'eighty' }, []), /PORT must be a whole number from 0 to 65535, got "eighty"/);
  assert.throws(() => readServerConfig({ PORT: '70000' }, []), /PORT must be/);
  assert.throws(() => readServerConfig({ PILOTHOUSE_EMBEDDED_SEED: 'scale' }, []), /PILOTHOUSE_EMBEDDED_SEED must be demo or empty, got "scale"/);
});

test('the public URL is kept as an origin, trusted proxies as a list', () => {
  const config = readServerConfig({ PILOTHOUSE_PUBLIC_URL: 'https://Console.Example.com/pods', PILOTHOUSE_TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' }, []);
  assert.equal(config.publicUrl, 'https://console.example.com');
  assert.deepEqual(config.trustedProxies, ['10.0.0.1', '10.1.0.0/16']);
  assert.throws(() => readServerConfig({ PILOTHOUSE_PUBLIC_URL: 'console.example.com' }, []), /PILOTHOUSE_PUBLIC_URL must be an http or https URL/);
});
