/**
 * Service-account tokens as kube-apiserver issues them through TokenRequest (`serviceaccounts/{name}/token`,
 * `kubectl create token`) and accepts them back: JWTs signed by the cluster's own key, for the API
 * server's audience by default, naming the ServiceAccount, whose uid must still match.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, generateKeyPair, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { invalid as invalidField, invalidMessage, statusCauses } from '@/lib/k8s/field-errors';
import type { CreateInput } from '../kinds';
import { nowTimestamp } from '../names';
import type { ObjectStore } from '../store';
import { invalid, notFound } from '../status';
import { isPlainObject, type KubeObject } from '../types';
import { API_AUDIENCE, type TokenAuthenticator } from './authenticator';
import { serviceAccountGroups, serviceAccountUsername, type UserInfo } from './user-info';

/** `--service-account-issuer` of a kubeadm cluster. */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
const ALG = 'ES256';
// TokenRequest's default lifetime and minimum (ValidateTokenRequest).
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 600;

/** The key pair that signs service-account tokens (kept across restarts in the cluster's identity). */
export type ServiceAccountSigningKey = { privateKey: CryptoKey; publicKey: CryptoKey };

/** A fresh signing key. */
export async function createServiceAccountSigningKey(): Promise<ServiceAccountSigningKey> {
  return generateKeyPair(ALG);
}

/** Issues and authenticates service-account tokens. */
export interface ServiceAccountTokens extends TokenAuthenticator {
  issue(options: { serviceAccount: KubeObject; audiences: string[]; expirationSeconds: number }): Promise<{ token: string; expiresAt: Date }>;
}

export function createServiceAccountTokens(store: ObjectStore, key: ServiceAccountSigningKey): ServiceAccountTokens {
  return {
    async issue({ serviceAccount, audiences, expirationSeconds }) {
      const namespace = serviceAccount.metadata.namespace ?? '';
      const name = serviceAccount.metadata.name ?? '';
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ 'kubernetes.io': { namespace, serviceaccount: { name, uid: serviceAccount.metadata.uid } } })
        .setProtectedHeader({ alg: ALG })
        .setIssuer(SERVICE_ACCOUNT_ISSUER)
        .setSubject(serviceAccountUsername(namespace, name))
        .setAudience(audiences)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + expirationSeconds)
        .setJti(randomUUID())
        .sign(key.privateKey);
      return { token, expiresAt: new Date((now + expirationSeconds) * 1000) };
    },
    async authenticate(token, audiences = [API_AUDIENCE]) {
      if (!isServiceAccountJwt(token)) return undefined;
      try {
        const { payload } = await jwtVerify(token, key.publicKey, { issuer: SERVICE_ACCOUNT_ISSUER, algorithms: [ALG] });
        const tokenAudiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
        const accepted = audiences.filter((a) => tokenAudiences.includes(a));
        const claims = payload['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
        const namespace = claims?.namespace ?? '';
        const name = claims?.serviceaccount?.name ?? '';
        const current = store.get('serviceaccounts', namespace, name);
        // A token outlives neither its ServiceAccount nor a new one of the same name.
        if (accepted.length === 0 || !current || current.metadata.uid !== claims?.serviceaccount?.uid) return undefined;
        const user: UserInfo = {
          name: serviceAccountUsername(namespace, name),
          uid: current.metadata.uid,
          groups: serviceAccountGroups(namespace),
          extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${payload.jti ?? ''}`] },
        };
        return { user, audiences: accepted };
      } catch {
        return undefined;
      }
    },
  };
}

function isServiceAccountJwt(token: string): boolean {
  try {
    return decodeJwt(token).iss === SERVICE_ACCOUNT_ISSUER;
  } catch {
    return false;
  }
}

/** POST serviceaccounts/{name}/token: a TokenRequest answered with a fresh token. */
export async function requestServiceAccountToken({ ctx, namespace, name = '', body }: CreateInput): Promise<object> {
  const serviceAccount = ctx.registry.store.get('serviceaccounts', namespace, name);
  if (!serviceAccount) throw notFound({ group: '', resource: 'serviceaccounts' }, name);
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? (spec.audiences as string[]) : [API_AUDIENCE];
  const expirationSeconds = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : DEFAULT_EXPIRATION_SECONDS;
  if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
    const errors = [invalidField('spec.expirationSeconds', expirationSeconds, 'may not specify a duration less than 10 minutes')];
    throw invalid({ kind: 'TokenRequest', group: 'authentication.k8s.io', name, message: invalidMessage('TokenRequest.authentication.k8s.io', name, errors), causes: statusCauses(errors) });
  }
  const { token, expiresAt } = await ctx.auth.serviceAccounts.issue({ serviceAccount, audiences, expirationSeconds });
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: nowTimestamp() },
    spec: { audiences, expirationSeconds, boundObjectRef: null },
    status: { token, expirationTimestamp: nowTimestamp(expiresAt) },
  };
}
