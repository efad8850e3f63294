import http from 'node:http';
import { OIDC_CALLBACK_PATH, OIDC_LOGIN_PATH } from '@/lib/contract/auth';
import { rawRequest } from '../embedded-cluster/testing/raw-request';

export interface ConsoleAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request to a console over plain HTTP, as a browser on the same machine sends it. */
export function consoleRequest(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<ConsoleAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A browser's cookie jar for one site: what `Set-Cookie` said last (Max-Age=0 removes). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(headers: http.IncomingHttpHeaders | Record<string, string | string[] | undefined>): void {
    for (const header of [headers['set-cookie'] ?? []].flat()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/;\s*Max-Age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface OidcLoginSteps {
  /** The console's answers along the way (the login start and the callback): what a browser was sent. */
  answers: ConsoleAnswer[];
  /** The callback URL the provider sent the browser to. */
  callback: string;
  /** The console's answer to the callback: a 303 to the page asked for, or to the login page with the reason. */
  finish: () => Promise<ConsoleAnswer>;
}

/**
 * The authorization-code flow as a browser runs it: the console's login link, the provider's login form
 * (typing `account`), the provider's redirect back. Stops before the callback so a test can tamper with it;
 * `finish()` delivers it with the browser's console cookies.
 */
export async function oidcLoginSteps(options: { console: string; provider: { issuer: string; caCert: string }; account: string; next?: string; jar?: CookieJar; cancel?: boolean }): Promise<OidcLoginSteps> {
  const consoleJar = options.jar ?? new CookieJar();
  const providerJar = new CookieJar();
  const answers: ConsoleAnswer[] = [];
  const start = await consoleRequest(options.console, `${OIDC_LOGIN_PATH}?next=${encodeURIComponent(options.next ?? '/')}`, { headers: { cookie: consoleJar.header() } });
  answers.push(start);
  consoleJar.take(start.headers);
  if (start.status !== 303) throw new Error(`the login start answered ${start.status}: ${start.text}`);
  let location = String(start.headers.location);
  const ca = { url: options.provider.issuer, caCert: options.provider.caCert };
  for (let hop = 0; !location.startsWith(options.console); hop++) {
    if (hop > 10) throw new Error(`the flow did not come back to the console (at ${location})`);
    const url = new URL(location, options.provider.issuer);
    let res = await rawRequest(ca, { path: url.pathname + url.search, headers: { cookie: providerJar.header() } });
    providerJar.take(res.headers);
    if (res.status === 200 && res.body.includes('<form')) {
      const action = /action="([^"]+)"/.exec(res.body)?.[1] ?? '';
      const form = new URLSearchParams(options.cancel ? { cancel: '1' } : { login: options.account });
      res = await rawRequest(ca, {
        method: 'POST',
        path: action,
        headers: { cookie: providerJar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      providerJar.take(res.headers);
    }
    if (res.status !== 303 && res.status !== 302) throw new Error(`the provider answered ${res.status} at ${location}: ${res.body}`);
    location = String(res.headers.location);
  }
  if (!new URL(location).pathname.startsWith(OIDC_CALLBACK_PATH)) throw new Error(`not the callback: ${location}`);
  const steps: OidcLoginSteps = {
    answers,
    callback: location,
    finish: async () => {
      const url = new URL(steps.callback);
      const answer = await consoleRequest(options.console, url.pathname + url.search, { headers: { cookie: consoleJar.header() } });
      answers.push(answer);
      consoleJar.take(answer.headers);
      return answer;
    },
  };
  return steps;
}

/** Logs `account` in and resolves with the session's `Cookie` header. */
export async function oidcLogin(options: { console: string; provider: { issuer: string; caCert: string }; account: string; next?: string }): Promise<{ cookie: string; jar: CookieJar; answers: ConsoleAnswer[] }> {
  const jar = new CookieJar();
  const steps = await oidcLoginSteps({ ...options, jar });
  const done = await steps.finish();
  if (done.status !== 303 || !jar.cookies.has('pilothouse_session')) throw new Error(`the callback answered ${done.status} to ${done.headers.location} without a session`);
  return { cookie: `pilothouse_session=${jar.cookies.get('pilothouse_session')}`, jar, answers: steps.answers };
}
