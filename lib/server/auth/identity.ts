import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * Who a request or socket acts as towards a cluster. In `PILOTHOUSE_AUTH=none` that is the console itself
 * (the context's own credentials); in a team mode it is the person behind the session, either with their own
 * bearer token (token mode, or OIDC forwarding the ID token) or impersonated by the console's credentials
 * (proxy mode, or OIDC with impersonation).
 */
export type Identity =
  | { kind: 'console' }
  | { kind: 'bearer'; user: string; groups: string[]; token: string }
  | { kind: 'impersonated'; user: string; groups: string[] };

export const CONSOLE_IDENTITY: Identity = { kind: 'console' };

/**
 * A stable key for sharing upstream state (watches, caches) only between requests that the API server would
 * answer alike. A token is hashed: the key is logged and held in maps, the token never is.
 */
export function identityKey(identity: Identity): string {
  switch (identity.kind) {
    case 'console':
      return 'console';
    case 'bearer':
      return `bearer:${createHash('sha256').update(identity.token).digest('base64url').slice(0, 22)}`;
    case 'impersonated':
      return `as:${JSON.stringify([identity.user, [...identity.groups].sort()])}`;
  }
}

/**
 * A copy of a context's KubeConfig that acts as `identity`: the user's bearer token replaces the context's
 * credentials, or the context's credentials impersonate the user and groups. The cluster (server, CA, proxy)
 * stays as configured.
 */
export function kubeConfigFor(base: KubeConfig, identity: Identity): KubeConfig {
  if (identity.kind === 'console') return base;
  const context = base.getContextObject(base.getCurrentContext());
  const cluster = base.getCurrentCluster();
  const user = base.getCurrentUser();
  if (!context || !cluster || !user) throw new Error('the context has no cluster or user');
  const kc = new KubeConfig();
  const name = `pilothouse-${identity.kind}`;
  const actingUser =
    identity.kind === 'bearer'
      ? { name, token: identity.token }
      : { ...user, name, impersonateUser: identity.user };
  kc.loadFromOptions({
    clusters: [cluster],
    users: [actingUser],
    contexts: [{ ...context, name: context.name, user: name }],
    currentContext: context.name,
  });
  if (identity.kind === 'impersonated') {
    // client-node sends Impersonate-User from the user entry but has no field for groups: add them per request.
    // This covers upstreamRequest, Watch and Exec (all through applyToHTTPSOptions), which can repeat a
    // header; the generated API classes join an array into one value, so they must not carry an identity.
    const apply = kc.applyToHTTPSOptions.bind(kc);
    kc.applyToHTTPSOptions = async (opts) => {
      await apply(opts);
      const headers = (opts.headers ??= {}) as Record<string, string | string[]>;
      if (identity.groups.length > 0) headers['Impersonate-Group'] = identity.groups;
    };
  }
  return kc;
}
