import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { readServerConfig } from './config';
import { CONSOLE_WATCH_PERMISSIONS, type ConsolePolicyRule } from './watch-hub/console-permissions';
import { consoleContainer, DEPLOY, NAMESPACE, ofKind, OVERLAYS, overlayPath, processEnv, render, type Obj, type Overlay } from './testing/deploy-overlays';

// The manifests in deploy/ as kubectl's kustomize renders them: what each overlay holds, how its pods
// run, which settings the console reads from them, and what its RBAC grants. deploy-dry-run.test.ts
// sends them to the embedded cluster.
/** server/shutdown.ts: in-flight requests get this long after the shutdown delay. */
const DRAIN_MS = 10_000;

const IMPERSONATE: ConsolePolicyRule = { apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] };

/** Every `group/resource:verb` a list of rules grants, so two lists compare by what they allow. */
function grants(rules: readonly Obj[]): string[] {
  for (const rule of rules) assert.deepEqual(Object.keys(rule).sort(), ['apiGroups', 'resources', 'verbs'], 'no resourceNames, no nonResourceURLs');
  const each = rules.flatMap((r) => (r.apiGroups as string[]).flatMap((g) => (r.resources as string[]).flatMap((res) => (r.verbs as string[]).map((v) => `${g}/${res}:${v}`))));
  return [...new Set(each)].sort();
}

/** The rules of the ClusterRoles bound to the console's service account, and that no binding names cluster-admin. */
function consoleRules(objects: Obj[]): Obj[] {
  const bound = ofKind(objects, 'ClusterRoleBinding')
    .filter((b) => b.subjects.some((s: Obj) => s.kind === 'ServiceAccount' && s.name === 'pilothouse' && s.namespace === NAMESPACE))
    .map((b) => b.roleRef.name as string);
  assert.ok(!bound.includes('cluster-admin'));
  assert.deepEqual(ofKind(objects, 'Role'), []);
  assert.deepEqual(ofKind(objects, 'ClusterRole').map((r) => r.metadata.name).sort(), [...bound].sort(), 'every ClusterRole is bound, every binding has its role');
  return ofKind(objects, 'ClusterRole').flatMap((r) => r.rules as Obj[]);
}

const CONSOLE_KINDS = ['Namespace', 'ServiceAccount', 'Service', 'Deployment', 'PodDisruptionBudget', 'Ingress'];
const EXPECTED_KINDS: Record<Overlay, string[]> = {
  proxy: ['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRole', 'ClusterRoleBinding', 'ClusterRoleBinding', 'Service', 'Deployment', 'PodDisruptionBudget', 'Ingress'],
  oidc: CONSOLE_KINDS,
  token: CONSOLE_KINDS,
};

describe('deploy/: the kustomize overlays as rendered', () => {
  const rendered = new Map<Overlay, Obj[]>();
  before(async () => {
    for (const overlay of OVERLAYS) rendered.set(overlay, await render(overlayPath(overlay)));
  });

  it('kubectl kustomize renders every overlay with the kinds its auth mode needs', () => {
    for (const [overlay, objects] of rendered) {
      assert.deepEqual(objects.map((o) => o.kind), EXPECTED_KINDS[overlay], overlay);
      for (const obj of objects.filter((o) => o.kind !== 'Namespace' && !o.kind.startsWith('Cluster'))) {
        assert.equal(obj.metadata.namespace, NAMESPACE, `${overlay}: ${obj.kind} in the console's namespace`);
      }
    }
  });

  it('every Deployment runs two non-root, read-only replicas with nothing but /tmp writable', () => {
    for (const [overlay, objects] of rendered) {
      const [deployment, ...others] = ofKind(objects, 'Deployment');
      assert.equal(others.length, 0);
      assert.equal(deployment.spec.replicas, 2, overlay);
      const pod = deployment.spec.template.spec;
      assert.equal(pod.serviceAccountName, 'pilothouse');
      assert.equal(pod.securityContext.runAsNonRoot, true, overlay);
      assert.ok(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0, `${overlay}: a fixed non-root uid`);
      assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault', overlay);
      for (const container of pod.containers as Obj[]) {
        const where = `${overlay}/${container.name}`;
        assert.deepEqual(
          container.securityContext,
          { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
          where,
        );
        assert.ok(container.resources.requests.cpu && container.resources.requests.memory && container.resources.limits.memory, `${where}: resources`);
        assert.ok(container.livenessProbe && container.readinessProbe, `${where}: probes`);
      }
      const main = consoleContainer(deployment);
      assert.equal(main.livenessProbe.httpGet.path, '/healthz');
      assert.equal(main.readinessProbe.httpGet.path, '/readyz');
      const tmp = main.volumeMounts.find((m: Obj) => m.mountPath === '/tmp');
      assert.ok(tmp, `${overlay}: /tmp mounted`);
      assert.deepEqual(Object.keys(pod.volumes.find((v: Obj) => v.name === tmp.name)), ['emptyDir', 'name']);
      const delayMs = Number(processEnv(main).PILOTHOUSE_SHUTDOWN_DELAY_MS);
      assert.ok(pod.terminationGracePeriodSeconds * 1000 > delayMs + DRAIN_MS, `${overlay}: the kubelet waits out the delay and the drain`);
    }
  });

  it('the console reads each overlay`s settings as its auth mode, the session secret from a Secret', () => {
    for (const [overlay, objects] of rendered) {
      const main = consoleContainer(ofKind(objects, 'Deployment')[0]);
      const secret = main.env.find((e: Obj) => e.name === 'PILOTHOUSE_SESSION_SECRET');
      assert.deepEqual(secret.valueFrom, { secretKeyRef: { name: 'pilothouse-session', key: 'session-secret' } });
      const env = processEnv(main);
      assert.equal(env.PILOTHOUSE_EMBEDDED, 'false');
      // The server's own reader refuses what would not start: a missing oidc setting, proxy without a trusted proxy.
      const config = readServerConfig(env, []);
      assert.equal(config.host, '0.0.0.0');
      assert.equal(config.auth.mode, overlay);
      assert.equal(config.publicUrl, 'https://console.example.com');
      assert.equal(config.shutdownDelayMs, Number(env.PILOTHOUSE_SHUTDOWN_DELAY_MS));
    }
  });

  it('sets only settings that the README`s configuration table lists', async () => {
    const readme = await readFile('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = new Set([...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    assert.ok(documented.has('PILOTHOUSE_AUTH'), 'the table is found');
    for (const [overlay, objects] of rendered) {
      for (const { name } of consoleContainer(ofKind(objects, 'Deployment')[0]).env as Obj[]) assert.ok(documented.has(name), `${overlay}: ${name} is in the README's table`);
    }
  });

  it('the Ingress host, its TLS host, the public URL and oauth2-proxy`s redirect agree, in each overlay and the example', async () => {
    const example = await render(join(DEPLOY, 'examples', 'my-team'));
    const all = [...rendered, ['examples/my-team', example] as const];
    for (const [name, objects] of all) {
      const [ingress] = ofKind(objects, 'Ingress');
      const deployment = ofKind(objects, 'Deployment')[0];
      const host = new URL(processEnv(consoleContainer(deployment)).PILOTHOUSE_PUBLIC_URL).host;
      assert.equal(ingress.spec.rules[0].host, host, name);
      assert.deepEqual(ingress.spec.tls[0].hosts, [host], name);
      const proxy = deployment.spec.template.spec.containers.find((c: Obj) => c.name === 'oauth2-proxy');
      if (proxy) assert.ok(proxy.args.includes(`--redirect-url=https://${host}/oauth2/callback`), name);
    }
    assert.equal(consoleContainer(ofKind(example, 'Deployment')[0]).image, 'registry.example.org/tools/pilothouse:2026.12.1');
  });

  it('proxy grants exactly the shared watches` permissions and impersonation; token and oidc grant nothing', () => {
    assert.deepEqual(grants(consoleRules(rendered.get('proxy')!)), grants([...CONSOLE_WATCH_PERMISSIONS, IMPERSONATE]));
    assert.ok(!grants(CONSOLE_WATCH_PERMISSIONS).some((g) => g.startsWith('/secrets:')), 'never Secrets');
    for (const overlay of ['token', 'oidc'] as const) assert.deepEqual(consoleRules(rendered.get(overlay)!), [], overlay);
  });

  it('components/no-impersonation keeps the shared watches` permissions alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pilothouse-overlay-'));
    try {
      const components = relative(dir, join(DEPLOY, 'components'));
      await writeFile(join(dir, 'kustomization.yaml'), `resources:\n  - ${relative(dir, join(DEPLOY, 'base'))}\ncomponents:\n  - ${components}/no-impersonation\n`);
      assert.deepEqual(grants(consoleRules(await render(dir))), grants(CONSOLE_WATCH_PERMISSIONS));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
