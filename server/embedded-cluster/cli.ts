// Standalone embedded cluster: `npm run cluster -- --port 6443 --kubeconfig ./embedded.kubeconfig`
// [--seed demo|empty|scale --pods N --namespaces N --nodes N --log-rate N --time-scale X]
// [--oidc-issuer-url URL --oidc-client-id ID --oidc-username-claim C --oidc-username-prefix P
//  --oidc-groups-claim C --oidc-groups-prefix P --oidc-ca-file FILE], as kube-apiserver's flags.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildUsersKubeconfig, kubeconfigYaml } from './kubeconfig';
import { startEmbeddedCluster } from './index';
import { isSeedName, SEED_NAMES } from './seeds/index';
import { TEAM_USERS } from './seeds/team-access';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '6443' },
    kubeconfig: { type: 'string', default: './embedded.kubeconfig' },
    anonymous: { type: 'string', default: 'reject' },
    seed: { type: 'string', default: 'demo' },
    pods: { type: 'string' },
    namespaces: { type: 'string' },
    nodes: { type: 'string' },
    'log-rate': { type: 'string' },
    'time-scale': { type: 'string' },
    'oidc-issuer-url': { type: 'string' },
    'oidc-client-id': { type: 'string' },
    'oidc-username-claim': { type: 'string' },
    'oidc-username-prefix': { type: 'string' },
    'oidc-groups-claim': { type: 'string' },
    'oidc-groups-prefix': { type: 'string' },
    'oidc-ca-file': { type: 'string' },
  },
});

const seedName = values.seed ?? 'demo';
if (!isSeedName(seedName)) {
  console.error(`--seed must be one of ${SEED_NAMES.join(', ')}`);
  process.exit(2);
}
const count = (flag: string | undefined) => (flag === undefined ? undefined : Number(flag));
const seed = { name: seedName, pods: count(values.pods), namespaces: count(values.namespaces), nodes: count(values.nodes) };
// Lines per second each container logs; read by the kubelet's log generator (0 = quiet).
const logRate = count(values['log-rate']);
// How long the control loops wait: 1 is real time, 0.01 the tests' speed (pulls, back-offs, grace periods).
const timeScale = count(values['time-scale']);
if (timeScale !== undefined && !(timeScale >= 0)) {
  console.error('--time-scale must be a number >= 0');
  process.exit(2);
}

const issuerUrl = values['oidc-issuer-url'];
if (issuerUrl !== undefined && (!issuerUrl.startsWith('https://') || !values['oidc-client-id'])) {
  console.error('--oidc-issuer-url must be an https URL and needs --oidc-client-id');
  process.exit(2);
}
const oidc = issuerUrl
  ? {
      issuerUrl,
      clientId: values['oidc-client-id'] ?? '',
      usernameClaim: values['oidc-username-claim'],
      usernamePrefix: values['oidc-username-prefix'],
      groupsClaim: values['oidc-groups-claim'],
      groupsPrefix: values['oidc-groups-prefix'],
      caCert: values['oidc-ca-file'] ? readFileSync(values['oidc-ca-file'], 'utf8') : undefined,
    }
  : undefined;

const anonymous = values.anonymous === 'viewer' || values.anonymous === 'admin' ? values.anonymous : 'reject';
const startedAt = performance.now();
const cluster = await startEmbeddedCluster({
  port: Number(values.port),
  anonymous,
  seed,
  oidc,
  ...(logRate !== undefined ? { logRate } : {}),
  ...(timeScale !== undefined ? { clock: { timeScale } } : {}),
});
console.log(`Seed "${seedName}" loaded; API server ready in ${Math.round(performance.now() - startedAt)} ms`);
const kubeconfigPath = values.kubeconfig ?? './embedded.kubeconfig';
const kubeconfig = buildUsersKubeconfig({
  url: cluster.url,
  caCert: cluster.caCert,
  tokens: cluster.tokens,
  namespaces: seedName === 'demo' ? TEAM_USERS : {},
});
writeFileSync(kubeconfigPath, kubeconfigYaml(kubeconfig), { mode: 0o600 });
console.log(`Embedded Kubernetes API server listening on ${cluster.url}`);
console.log(`Kubeconfig written to ${resolve(kubeconfigPath)}: context "embedded" is the admin, and one context per user:`);
console.log('  embedded          admin   groups system:masters (may do anything)');
console.log('  embedded-viewer   viewer  groups pilothouse:viewers (may read everything)');
console.log(`  embedded-alice    alice   groups developers (${seedName === 'demo' ? '`edit` in team-a' : 'no rights: the demo seed binds them'})`);
console.log(`  embedded-bob      bob     (${seedName === 'demo' ? '`view` in team-a' : 'no rights: the demo seed binds them'})`);
for (const [user, token] of Object.entries(cluster.tokens)) console.log(`Token of ${user}: ${token}`);
if (oidc) console.log(`OIDC ID tokens from ${oidc.issuerUrl} for client "${oidc.clientId}" are accepted`);
console.log(`Requests without a token: ${anonymous === 'reject' ? '401 Unauthorized' : `act as ${anonymous}`}`);
console.log(`Try: kubectl --kubeconfig ${kubeconfigPath} get pods`);
console.log(`     kubectl --kubeconfig ${kubeconfigPath} --context embedded-bob auth can-i --list -n team-a`);
console.log('Press Ctrl+C to stop.');

const shutdown = () => {
  void cluster.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
