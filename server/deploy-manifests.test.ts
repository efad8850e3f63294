import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readServerConfig } from './config';
import { consoleContainer, DEPLOY, NAMESPACE, ofKind, OVERLAYS, overlayPath, processEnv, render, type Obj, type Overlay } from './testing/deploy-overlays';

// The manifests in deploy/ as kubectl's kustomize renders them: what each overlay holds, how its pods
// run, which settings the console reads from them, and what its RBAC grants. deploy-dry-run.test.ts
// sends them to the embedded cluster.
/** server/shutdown.ts: in-flight requests get this long after the shutdown delay. */
const DRAIN_MS = 10_000;

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
    for (const overlay of OVERLAYS.filter((o) => o !== 'oidc')) {
      const main = consoleContainer(ofKind(rendered.get(overlay)!, 'Deployment')[0]);
      const secret = main.env.find((e: Obj) => e.name === 'PILOTHOUSE_SESSION_SECRET');
      assert.deepEqual(secret.valueFrom, { secretKeyRef: { name: 'pilothouse-session', key: 'session-secret' } });
      const env = processEnv(main);
      assert.equal(env.PILOTHOUSE_EMBEDDED, 'false');
      const config = readServerConfig(env, []);
      assert.equal(config.host, '0.0.0.0');
      assert.equal(config.auth.mode, overlay);
      assert.equal(config.publicUrl, 'https://console.example.com');
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

  it('grants the console impersonation and reads in proxy mode only, never secrets or cluster-admin', () => {
    for (const [overlay, objects] of rendered) {
      for (const binding of [...ofKind(objects, 'ClusterRoleBinding'), ...ofKind(objects, 'RoleBinding')]) {
        assert.notEqual(binding.roleRef.name, 'cluster-admin', overlay);
      }
      const roles = [...ofKind(objects, 'ClusterRole'), ...ofKind(objects, 'Role')];
      if (overlay !== 'proxy') {
        assert.deepEqual(roles, [], `${overlay}: no permission of its own`);
        continue;
      }
      const rules = roles.flatMap((r) => r.rules as Obj[]);
      assert.ok(rules.some((r) => r.verbs.includes('impersonate') && r.resources.includes('users') && r.resources.includes('groups')));
      for (const rule of rules) {
        assert.ok(!rule.resources.includes('secrets') && !rule.resources.includes('*') && !rule.verbs.includes('*'), JSON.stringify(rule));
        assert.ok(!rule.resources.includes('serviceaccounts') || !rule.verbs.includes('impersonate'), 'no impersonating service accounts');
      }
    }
  });
});
