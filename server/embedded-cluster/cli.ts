// Standalone embedded cluster: `npm run cluster -- --port 6443 --kubeconfig ./embedded.kubeconfig`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedCluster } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string', default: './embedded.kubeconfig' },
    anonymous: { type: 'string', default: 'reject' },
  },
});

const anonymous = values.anonymous === 'viewer' || values.anonymous === 'admin' ? values.anonymous : 'reject';
const cluster = await startEmbeddedCluster({ port: Number(values.port), anonymous });
const kubeconfigPath = values.kubeconfig ?? './embedded.kubeconfig';
writeFileSync(kubeconfigPath, cluster.kubeconfigYaml, { mode: 0o600 });
console.log(`Embedded Kubernetes API server listening on ${cluster.url}`);
console.log(`Kubeconfig written to ${resolve(kubeconfigPath)} (context "embedded", admin token)`);
console.log(`Read-only viewer token: ${cluster.tokens.viewer}`);
console.log(`Requests without a token: ${anonymous === 'reject' ? '401 Unauthorized' : `act as ${anonymous}`}`);
console.log(`Try: kubectl --kubeconfig ${kubeconfigPath} get pods`);
console.log('Press Ctrl+C to stop.');

const shutdown = () => {
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
