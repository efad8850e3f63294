import { KubeConfig } from '@kubernetes/client-node';
import type { Identity } from '@/lib/server/auth/identity';
import { BffError } from '@/lib/server/errors';

/**
 * The same cluster reached as `identity`. Every way the console calls an API server (one-shot requests,
 * watches, log streams, exec) takes its credentials from `applyToHTTPSOptions`, directly or through
 * `applyToFetchOptions`, so this is the one place a user's identity is applied.
 *
 * - token: a KubeConfig with the cluster alone and the user's token: none of the console's own credentials
 *   (client certificate, exec plugin) can go along, and only for the API server that accepted the token. A
 *   token that is refreshed (oidc mode) is asked for at each request, so a watch or log stream reopened an
 *   hour later goes out with the token of that moment.
 * - impersonate: the console's own credentials with `Impersonate-User` and one `Impersonate-Group` per
 *   group, which the API server allows only to a caller with the `impersonate` verb.
 */
export function withIdentity(base: KubeConfig, identity: Identity): KubeConfig {
  const cluster = base.getCurrentCluster();
  if (!cluster) throw new Error('the context has no cluster');
  if (identity.credential.kind === 'token') {
    if (cluster.server !== identity.credential.server) {
      throw new BffError(
        'ContextForbidden',
        `this session's token was accepted by the API server at ${identity.credential.server}; it is not sent to the cluster of another context (${cluster.server})`,
      );
    }
    const { token } = identity.credential;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'pilothouse-session', ...(typeof token === 'string' ? { token } : {}) }],
      contexts: [{ name: 'pilothouse-session', cluster: cluster.name, user: 'pilothouse-session' }],
      currentContext: 'pilothouse-session',
    });
    if (typeof token === 'string') return kubeConfig;
    const refreshed = Object.create(kubeConfig) as KubeConfig;
    refreshed.applyToHTTPSOptions = async (opts) => {
      await kubeConfig.applyToHTTPSOptions(opts);
      opts.headers = { ...opts.headers, Authorization: `Bearer ${await token()}` };
    };
    return refreshed;
  }
  const { username, groups } = identity;
  const wrapped = Object.create(base) as KubeConfig;
  wrapped.applyToHTTPSOptions = async (opts) => {
    await base.applyToHTTPSOptions(opts);
    const headers = (opts.headers ?? {}) as Record<string, string | string[] | number | undefined>;
    for (const name of Object.keys(headers)) if (name.toLowerCase().startsWith('impersonate-')) delete headers[name];
    headers['Impersonate-User'] = username;
    if (groups.length > 0) headers['Impersonate-Group'] = groups;
    opts.headers = headers as typeof opts.headers;
  };
  return wrapped;
}
