import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Identity } from '@/lib/server/auth/identity';
import { BffError, httpCodeOf, toStatus } from '@/lib/server/errors';
import { writeStatus } from '@/lib/server/http/node-status';
import { WRITE_REF_HEADER, type WrittenObject } from '@/lib/server/http/write-audit';
import { REQUEST_ID_HEADER, requestIdOf } from '../log/request-log';
import type { AuditLog } from './audit-log';
import type { WriteLimiter } from './write-limiter';
import { WriteRateLimited } from './write-limiter';
import { writeTarget, type WriteTarget } from './write-target';


export const READ_ONLY_MESSAGE = 'this console is read-only (PILOTHOUSE_READ_ONLY=true): it sends no write to any cluster';

/** One write on its way: `finish` records its audit line with the answer's code. */
export interface PendingWrite {
  requestId: string;
  finish(code: number): void;
}

export interface WriteGuard {
  /** For every HTTP request after the session gate: true when it answered (a refused write). */
  handle(req: IncomingMessage, res: ServerResponse, identity: Identity | undefined): Promise<boolean>;
  /**
   * For a write that is not an HTTP request (an exec session over the socket): refuses it by throwing (with
   * its audit line written), or returns the pending write whose `finish` writes the line.
   */
  begin(options: { identity: Identity | undefined; target: WriteTarget; requestId?: string }): Promise<PendingWrite>;
  /** What a route handler wrote under one request (a manifest's objects): audited one line each. */
  objects(ref: string, objects: WrittenObject[]): void;
}

/**
 * Every write passes here, in every mode: refused when the console is read-only, limited per session
 * identity in a team mode (without login there is no session to count, and the console is on loopback), and audited (one line per write, with the answer's code, refused ones included).
 */
export function createWriteGuard(options: { readOnly: boolean; limiter: WriteLimiter; audit: AuditLog }): WriteGuard {
  const { readOnly, limiter, audit } = options;
  const written = new Map<string, WrittenObject[]>();
  const begin: WriteGuard['begin'] = async ({ identity, target, requestId = randomUUID() }) => {
    const finish = (code: number) => audit.record({ event: 'write', user: identity?.username ?? null, groups: identity?.groups ?? [], ...target, code, requestId });
    try {
      if (readOnly) throw new BffError('ReadOnly', READ_ONLY_MESSAGE);
      if (identity) await limiter.consume(identity.key);
    } catch (error) {
      finish(httpCodeOf(toStatus(error)));
      throw Object.assign(error as object, { requestId });
    }
    return { requestId, finish };
  };
  return {
    begin,
    objects(ref, objects) {
      written.get(ref)?.push(...objects);
    },
    async handle(req, res, identity) {
      delete req.headers[WRITE_REF_HEADER];
      const target = writeTarget(req);
      if (!target) return false;
      let pending: PendingWrite;
      try {
        pending = await begin({ identity, target, requestId: requestIdOf(req) });
      } catch (error) {
        res.setHeader(REQUEST_ID_HEADER, (error as { requestId: string }).requestId);
        if (error instanceof WriteRateLimited) res.setHeader('retry-after', String(error.retryAfterSeconds));
        writeStatus(res, error);
        return true;
      }
      res.setHeader(REQUEST_ID_HEADER, pending.requestId);
      req.headers[WRITE_REF_HEADER] = pending.requestId;
      written.set(pending.requestId, []);
      res.once('close', () => {
        const objects = written.get(pending.requestId) ?? [];
        written.delete(pending.requestId);
        // 499 (nginx's "client closed request"): the browser went away before an answer was written.
        if (objects.length === 0) return pending.finish(res.headersSent ? res.statusCode : 499);
        // A manifest: one line per object, as if each had been its own request (the request id ties them).
        const { context } = target;
        for (const { apiVersion, kind, namespace, name, code } of objects) {
          audit.record({ event: 'write', user: identity?.username ?? null, groups: identity?.groups ?? [], context, verb: 'create', apiVersion, kind, namespace, name, code, requestId: pending.requestId });
        }
      });
      return false;
    },
  };
}
