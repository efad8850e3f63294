import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An authenticated caller. */
export interface User {
  /** `admin`, `viewer`, or `system:anonymous` for requests without credentials. */
  name: string;
  /** Viewers may only get, list and watch. */
  readOnly: boolean;
}

/** The bearer tokens of one cluster start: fresh random values every time. */
export interface Tokens {
  admin: string;
  viewer: string;
}

/** New random tokens. */
export function createTokens(): Tokens {
  return { admin: randomBytes(24).toString('hex'), viewer: randomBytes(24).toString('hex') };
}

/**
 * What a request without an Authorization header may do. kubectl (client-go) never sends credentials
 * over plain HTTP (kubernetes/kubectl#744: auth is only read for TLS connections), so for kubectl to
 * work against this HTTP server, credential-less requests must be let in, as the old insecure port
 * did. `reject` answers them 401 like a server with `--anonymous-auth=false`.
 */
export type AnonymousAccess = 'admin' | 'viewer' | 'reject';

/** The user a request's `Authorization: Bearer` header names, or undefined (401). */
export function authenticate(req: IncomingMessage, tokens: Tokens, anonymous: AnonymousAccess): User | undefined {
  const header = req.headers.authorization ?? '';
  if (header === '') {
    return anonymous === 'reject' ? undefined : { name: 'system:anonymous', readOnly: anonymous === 'viewer' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return undefined;
  if (match[1] === tokens.admin) return { name: 'admin', readOnly: false };
  if (match[1] === tokens.viewer) return { name: 'viewer', readOnly: true };
  return undefined;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** The authorizer: admin may do anything, viewer only read (like the `view` ClusterRole). */
export function isAllowed(user: User, verb: string): boolean {
  return !user.readOnly || READ_VERBS.has(verb);
}
