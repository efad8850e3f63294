import assert from 'node:assert/strict';
import https from 'node:https';
import { test } from 'node:test';
import { makeServingCertificates } from './tls';

test('a client that trusts only the generated CA verifies the server on 127.0.0.1 and localhost', async () => {
  const certs = await makeServingCertificates();
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    for (const host of ['127.0.0.1', 'localhost']) {
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get({ host, port, ca: certs.caCert, path: '/', servername: host === 'localhost' ? host : undefined }, (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      assert.equal(body, 'ok');
    }
    await assert.rejects(
      new Promise((resolve, reject) => https.get({ host: '127.0.0.1', port, path: '/' }, resolve).on('error', reject)),
      /self-signed|unable to verify|certificate/i,
    );
  } finally {
    server.close();
  }
});
