import { stringify } from 'yaml';

/**
 * A kubeconfig for the embedded cluster: context, cluster and user all named `embedded`. The server speaks
 * TLS with a certificate from a CA made at start, which the kubeconfig carries, so clients verify it as
 * they would a real cluster (and kubectl sends bearer tokens only over TLS).
 */
export function buildKubeconfig(options: { url: string; token: string; caCert: string; name?: string }): Record<string, unknown> {
  const { url, token, caCert, name = 'embedded' } = options;
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name, cluster: { server: url, 'certificate-authority-data': Buffer.from(caCert).toString('base64') } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
    'current-context': name,
  };
}

/** The same kubeconfig as YAML text (what `--kubeconfig` files and `KubeConfig.loadFromString` read). */
export function kubeconfigYaml(config: Record<string, unknown>): string {
  return stringify(config);
}

/**
 * One kubeconfig with a context per static user: `embedded` (admin, current) and `embedded-<user>` for
 * the others, all on the same cluster entry.
 */
export function buildUsersKubeconfig(options: {
  url: string;
  caCert: string;
  tokens: Record<string, string>;
  /** A context's namespace by user (default `default`). */
  namespaces?: Record<string, string>;
}): Record<string, unknown> {
  const base = buildKubeconfig({ url: options.url, token: options.tokens.admin ?? '', caCert: options.caCert });
  const others = Object.entries(options.tokens).filter(([user]) => user !== 'admin');
  const names = others.map(([user]) => `embedded-${user}`);
  return {
    ...base,
    users: [...(base.users as object[]), ...others.map(([, token], i) => ({ name: names[i], user: { token } }))],
    contexts: [
      ...(base.contexts as object[]),
      ...others.map(([user], i) => ({ name: names[i], context: { cluster: 'embedded', user: names[i], namespace: options.namespaces?.[user] ?? 'default' } })),
    ],
  };
}
