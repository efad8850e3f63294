import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { BffError } from '@/lib/server/errors';
import type { HostPolicy } from '@/lib/server/http/host-policy';

/** Failed logins an address may make in `WINDOW_SECONDS` before it must wait. */
export const MAX_FAILED_LOGINS = 10;
const WINDOW_SECONDS = 300;

export interface LoginLimiter {
  /** Refuses with a 429 Status (and Retry-After) an address that failed too often. */
  assertAllowed(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Counts a failed login (a token the cluster refused) against the address. */
  failed(req: IncomingMessage): Promise<void>;
}

/**
 * Limits failed logins per client address, so the login form cannot be used to hammer the API server
 * with guesses. Behind a trusted proxy the client is the last address the proxy added to X-Forwarded-For
 * (the front door drops that header from anyone else). In memory: each replica counts its own.
 */
export function createLoginLimiter(hosts: HostPolicy): LoginLimiter {
  const limiter = new RateLimiterMemory({ points: MAX_FAILED_LOGINS, duration: WINDOW_SECONDS });
  const client = (req: IncomingMessage) => {
    const forwarded = [req.headers['x-forwarded-for']].flat()[0];
    if (forwarded && hosts.isTrustedProxy(req.socket.remoteAddress)) return forwarded.split(',').at(-1)!.trim();
    return req.socket.remoteAddress ?? 'unknown';
  };
  return {
    async assertAllowed(req, res) {
      const record = await limiter.get(client(req));
      if (!record || record.remainingPoints > 0) return;
      const seconds = Math.max(1, Math.ceil(record.msBeforeNext / 1000));
      res.setHeader('retry-after', String(seconds));
      throw new BffError('TooManyRequests', `too many failed logins from this address: try again in ${seconds} s`);
    },
    async failed(req) {
      await limiter.penalty(client(req), 1);
    },
  };
}
