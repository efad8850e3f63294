import { stringify } from 'yaml';

/**
 * A kubeconfig for the embedded cluster: context, cluster and user all named `embedded`. The server is
 * plain HTTP; `insecure-skip-tls-verify` is set because client-node refuses `http:` URLs without it
 * ("HTTP protocol is not allowed when skipTLSVerify is not set"); kubectl ignores it for HTTP.
 */
export function buildKubeconfig(url: string, token: string, name = 'embedded'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name, cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
    'current-context': name,
  };
}

/** The same kubeconfig as YAML text (what `--kubeconfig` files and `KubeConfig.loadFromString` read). */
export function kubeconfigYaml(config: Record<string, unknown>): string {
  return stringify(config);
}
