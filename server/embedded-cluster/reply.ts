import type { ServerResponse } from 'node:http';

/** A finished answer to a request; the router writes it. */
export interface Reply {
  status: number;
  /** JSON (an object), text, or bytes already encoded (protobuf). */
  body: object | string | Buffer;
  contentType?: string;
  /** `Warning` header values, already formatted as `299 - "text"`. */
  warnings?: string[];
}

/** The request was answered by streaming (a watch); nothing is left to write. */
export const STREAMED = Symbol('streamed');

/** Formats a warning the way the apiserver's warning recorder does: `299 - "<quoted text>"`. */
export function warningHeader(text: string): string {
  return `299 - ${JSON.stringify(text)}`;
}

/** Writes a Reply as JSON (or plain text, or bytes). */
export function writeReply(res: ServerResponse, reply: Reply): void {
  const text = typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': reply.contentType ?? 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': String(Buffer.byteLength(text)),
  };
  if (reply.warnings && reply.warnings.length > 0) headers.Warning = reply.warnings;
  res.writeHead(reply.status, headers);
  res.end(text);
}
