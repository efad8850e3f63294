import { pino, type DestinationStream } from 'pino';

/** One audited action: who did what to which object, and how the cluster (or the console) answered. */
export interface AuditEntry {
  event: 'login' | 'logout' | 'write';
  /** The user as the cluster knows them; null when the console acts with its own credentials (`PILOTHOUSE_AUTH=none`). */
  user: string | null;
  groups: string[];
  context?: string;
  /** The Kubernetes verb: create, update, patch, delete, deletecollection. */
  verb?: string;
  apiGroup?: string;
  apiVersion?: string;
  /** For the objects of a manifest, which name their kind rather than their resource. */
  kind?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** The HTTP status code of the answer (101 for an exec session that started). */
  code: number;
  requestId: string;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

/**
 * Audit lines: one JSON object per line on stdout, through pino, so a log pipeline can parse them apart from
 * the console's other output (`"audit":true`). Only the fields of `AuditEntry` are written: never a
 * header, so never a token or a cookie. Written synchronously: a line must not be lost when the process dies.
 */
export function createAuditLog(destination: DestinationStream = pino.destination({ dest: 1, sync: true })): AuditLog {
  const logger = pino({ base: { audit: true }, timestamp: pino.stdTimeFunctions.isoTime, messageKey: 'msg' }, destination);
  return {
    record(entry) {
      logger.info(entry, entry.event);
    },
  };
}
