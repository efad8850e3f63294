import { LOGIN_PAGE } from './auth';

/**
 * Where to send a user after login: `next` when it is a path on this console (a shared link to a filtered
 * view), otherwise the start page. `//evil.example`, `/\evil.example`, `https://…` and anything with control
 * characters leave the origin or confuse parsers, so they are refused; the login page itself would loop.
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  const base = 'http://console.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || url.pathname === LOGIN_PAGE) return '/';
  return next;
}
