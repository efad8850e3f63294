/**
 * What one cluster authenticates with: the static tokens, its service-account token issuer and, when
 * configured, an OIDC issuer (kube-apiserver's `--oidc-*` flags).
 */
import type { AnonymousAccess, Tokens } from '../auth';
import type { ObjectStore } from '../store';
import { createAuthenticator, type Authenticator, type TokenAuthenticator } from './authenticator';
import { createOidcAuthenticator, type OidcOptions } from './oidc';
import { createServiceAccountTokens, type ServiceAccountSigningKey, type ServiceAccountTokens } from './service-account-tokens';

export interface ClusterAuth {
  authenticator: Authenticator;
  serviceAccounts: ServiceAccountTokens;
}

export function createClusterAuth(options: {
  store: ObjectStore;
  tokens: Tokens;
  anonymous: AnonymousAccess;
  serviceAccountKey: ServiceAccountSigningKey;
  oidc?: OidcOptions;
}): ClusterAuth {
  const serviceAccounts = createServiceAccountTokens(options.store, options.serviceAccountKey);
  const others: TokenAuthenticator[] = [serviceAccounts];
  if (options.oidc) others.push(createOidcAuthenticator(options.oidc));
  return { serviceAccounts, authenticator: createAuthenticator({ tokens: options.tokens, anonymous: options.anonymous, others }) };
}
