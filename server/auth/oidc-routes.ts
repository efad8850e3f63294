import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOGIN_PAGE } from '@/lib/contract/auth';
import { safeReturnPath } from '@/lib/contract/return-path';
import { BffError } from '@/lib/server/errors';
import type { Actor, AuthRoutesOptions } from './auth-routes';
import { OidcError } from './oidc-client';
import { clearedLoginErrorCookie, loginErrorCookie } from './oidc-flow-cookie';
import { sessionUser } from './oidc-user';
import { MAX_COOKIE_VALUE_BYTES, sessionCookie } from './session-cookie';

const redirect = (res: ServerResponse, location: string) => res.writeHead(303, { location, 'cache-control': 'no-store' }).end();

function oidcOf(options: AuthRoutesOptions) {
  if (!options.oidc) throw new BffError('PathNotProxied', `PILOTHOUSE_AUTH=${options.config.mode} does not log in at an identity provider`);
  return options.oidc;
}

/** Back to the login page, which shows `message` (and keeps the page the user asked for). */
function failed(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions, next: string, message: string): void {
  res.appendHeader('set-cookie', loginErrorCookie(message, options.authenticator.isHttps(req)));
  redirect(res, `${LOGIN_PAGE}?next=${encodeURIComponent(next)}`);
}

/** GET /api/auth/oidc/login - starts the authorization-code flow: to the provider, with the flow in a sealed cookie. */
export async function oidcLogin(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions): Promise<void> {
  const oidc = oidcOf(options);
  const next = safeReturnPath(new URL(req.url ?? '/', 'http://console.invalid').searchParams.get('next') ?? undefined);
  let started: Awaited<ReturnType<typeof oidc.client.start>>;
  try {
    started = await oidc.client.start(next);
  } catch (error) {
    return failed(req, res, options, next, (error as Error).message);
  }
  const secure = options.authenticator.isHttps(req);
  res.appendHeader('set-cookie', [await oidc.flows.set(started.flow, secure), clearedLoginErrorCookie(secure)]);
  redirect(res, started.url);
}

/**
 * GET /api/auth/oidc/callback - the provider's answer: the code is redeemed (state, nonce and PKCE checked by
 * openid-client against this browser's flow cookie), the user found, and the session started; then back to
 * the page the user first asked for. Any failure goes back to the login page with its reason.
 */
export async function oidcCallback(req: IncomingMessage, res: ServerResponse, options: AuthRoutesOptions, actor: Actor): Promise<void> {
  const oidc = oidcOf(options);
  const secure = options.authenticator.isHttps(req);
  const flow = await oidc.flows.open(req.headers.cookie);
  res.appendHeader('set-cookie', oidc.flows.cleared(secure));
  const refuse = (message: string) => {
    actor.code = 401;
    failed(req, res, options, flow?.next ?? '/', message);
  };
  if (!flow) return refuse('this login was not started in this browser, or it took longer than 10 minutes: log in again');
  // The URL as the provider was told to call it: the redirect URI under PILOTHOUSE_PUBLIC_URL.
  const callbackUrl = new URL(req.url ?? '/', oidc.config.publicUrl);
  try {
    const tokens = await oidc.client.finish(callbackUrl, flow);
    const context = options.contexts.defaultContext();
    actor.context = context ?? undefined;
    const user = await sessionUser(tokens, oidc.config, async () => {
      if (!context) throw new BffError('ContextUnavailable', 'the console has no default context to check the ID token with');
      return (await options.contexts.resolve(context)).kubeConfig;
    });
    Object.assign(actor, { username: user.username, groups: user.groups });
    const session = options.sealer.start(user);
    const sealed = await options.sealer.seal(session);
    // Browsers drop cookies over 4 KiB without a word: the user would be sent back to log in forever.
    if (sealed.length > MAX_COOKIE_VALUE_BYTES) {
      throw new OidcError(`the session (an ID token of ${tokens.idToken.length} bytes, ${user.groups.length} groups) is too large for a cookie; PILOTHOUSE_OIDC_CREDENTIAL=impersonate keeps no ID token`, true);
    }
    res.appendHeader('set-cookie', sessionCookie(sealed, { secure, maxAgeMs: options.sealer.endsAt(session) - session.authAt }));
    redirect(res, flow.next);
  } catch (error) {
    refuse(`the login at ${oidc.config.providerName} failed: ${(error as Error).message}`);
  }
}
