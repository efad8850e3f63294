import { randomBytes } from 'node:crypto';

/**
 * The Content-Security-Policy of the console's pages and API answers. Scripts run only with this request's
 * nonce; `'strict-dynamic'` lets those scripts load Next's chunks, so no host list is needed (and `'self'`
 * would let any same-origin response that looks like script run). Styles may be inline: React sets style
 * attributes (virtualized rows) and styles cannot run code. Development adds `'unsafe-eval'`, which React
 * Refresh needs to apply edits.
 */
export function consolePolicy(options: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every answer carries, whatever produced it (Next, a route handler, socket.io, /healthz). */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // For browsers without CSP `frame-ancestors`.
  'x-frame-options': 'DENY',
  // A page on another site may not embed the console's answers as images, scripts or media (no-cors reads).
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * What a proxied application answer (a pod's, a service's or a node's page, `.../proxy/...`) carries: it is
 * the application's content on the console's origin, so it must never run script, load anything or be shown
 * as a document there. `sandbox` gives it an opaque origin even if a browser renders it; `attachment` makes a
 * navigation to it a download. The console's own Request tab reads it with fetch, as text.
 */
export const PROXIED_CONTENT_HEADERS: Record<string, string> = {
  'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'content-disposition': 'attachment',
  'x-content-type-options': 'nosniff',
};

/** A fresh nonce per request: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The nonce of a policy's `script-src`, as Next reads it from the request's Content-Security-Policy header. */
export function nonceOf(policy: string | null | undefined): string | undefined {
  return policy?.match(/script-src[^;]*'nonce-([A-Za-z0-9+/_-]+={0,2})'/)?.[1];
}
