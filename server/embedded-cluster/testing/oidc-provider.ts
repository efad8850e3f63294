import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { makeServingCertificates } from '../tls';
import { rawRequest } from './raw-request';

/** A certified OpenID provider (`oidc-provider`) on 127.0.0.1 over HTTPS, for end-to-end OIDC tests. */
export interface LocalOidcProvider {
  issuer: string;
  /** PEM CA of its serving certificate. */
  caCert: string;
  /** How long the next ID tokens live, in seconds (default one hour). */
  setIdTokenTtl(seconds: number): void;
  /**
   * Signs `account` in through the authorization code flow with PKCE, as a browser would (following
   * redirects, keeping cookies), and redeems the code: a genuine ID token for `clientId`.
   */
  idToken(options: { clientId: string; account: string }): Promise<string>;
  /** Refresh-token grants answered so far (a console refreshing its sessions). */
  refreshes(): number;
  /** Every token the token endpoint has handed out (ID, access and refresh tokens): to look for leaks. */
  issuedTokens(): string[];
  /** Ends every refresh token of `account`, as an administrator disabling the user would: its next refresh is refused. */
  revokeRefreshTokens(account: string): void;
  stop(): Promise<void>;
}

const REDIRECT_URI = 'https://127.0.0.1/callback';
const secretOf = (clientId: string) => `${clientId}-secret`;

// The provider's storage, kept in this test process (its built-in one warns that it is for development).
class MemoryAdapter {
  private static readonly items = new Map<string, Record<string, unknown>>();
  constructor(private readonly model: string) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    MemoryAdapter.items.set(this.key(id), payload);
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return MemoryAdapter.items.get(this.key(id));
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    return [...MemoryAdapter.items].find(([key, p]) => key.startsWith(`${this.model}:`) && p.uid === uid)?.[1];
  }
  async consume(id: string): Promise<void> {
    const item = MemoryAdapter.items.get(this.key(id));
    if (item) item.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    MemoryAdapter.items.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, item] of MemoryAdapter.items) if (item.grantId === grantId) MemoryAdapter.items.delete(key);
  }
  static revokeRefreshTokens(accountId: string): void {
    for (const [key, item] of MemoryAdapter.items) if (key.startsWith('RefreshToken:') && item.accountId === accountId) MemoryAdapter.items.delete(key);
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The provider's own login page, as a person meets it: a username and a button (any username signs in). */
const loginPage = (uid: string, client: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - local identity provider</title></head>
<body><main><h1>Sign in to ${escapeHtml(client)}</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username" required autofocus>
<button type="submit">Sign in</button> <button type="submit" name="cancel" value="1" formnovalidate>Cancel</button>
</form></main></body></html>`;

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts a provider with two clients, `pilothouse` and `other-app`, which may also refresh (rotating refresh
 * tokens); accounts have an email and groups. `redirectUris` adds redirect URIs to `pilothouse` (a console's
 * callback). Without a `login_hint` the provider shows its login form.
 */
export async function startOidcProvider(options: { groups: Record<string, string[]>; redirectUris?: string[] }): Promise<LocalOidcProvider> {
  const certificates = await makeServingCertificates();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  let idTokenTtl = 3600;
  let refreshes = 0;
  // The interaction step is ours (no dev login pages): it signs in the `login_hint` account, or the one
  // typed into its form, and consents; Cancel answers access_denied.
  const interaction = async (req: IncomingMessage, res: ServerResponse, p: Provider) => {
    const details = await p.interactionDetails(req, res);
    let accountId = String(details.params.login_hint ?? '');
    if (!accountId && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid, String(details.params.client_id)));
      return;
    }
    if (!accountId) {
      const form = await formOf(req);
      if (form.get('cancel')) {
        await p.interactionFinished(req, res, { error: 'access_denied', error_description: 'the user cancelled the sign-in' }, { mergeWithLastSubmission: false });
        return;
      }
      accountId = form.get('login') ?? '';
    }
    const grant = new p.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await p.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  const server = createServer({ cert: certificates.cert, key: certificates.key }, (req, res) => {
    // `provider` is made once the port (and so the issuer URL) is known, before any request can come.
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res, provider).catch((err: unknown) => res.writeHead(500).end(String(err)));
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: ['pilothouse', 'other-app'].map((clientId) => ({
      client_id: clientId,
      client_secret: secretOf(clientId),
      redirect_uris: [REDIRECT_URI, ...(clientId === 'pilothouse' ? (options.redirectUris ?? []) : [])],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    })),
    // As most providers do for a confidential client allowed to refresh (oidc-provider's default wants
    // offline_access with prompt=consent); rotated at every use, the strictest kind.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], groups: ['groups'] },
    // Scope claims go into the ID token itself, which is what kube-apiserver reads.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@example.com`, email_verified: true, groups: options.groups[sub] ?? [] }),
    }),
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    features: { devInteractions: { enabled: false } },
    adapter: MemoryAdapter,
    ttl: { IdToken: () => idTokenTtl, AccessToken: 3600, Grant: 3600, Interaction: 600, Session: 3600 },
  });

  const issued: string[] = [];
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') refreshes++;
    const body = ctx.body as Record<string, unknown>;
    for (const name of ['id_token', 'access_token', 'refresh_token']) if (typeof body[name] === 'string') issued.push(body[name]);
  });

  const ca = { url: issuer, caCert: certificates.caCert };
  return {
    issuer,
    caCert: certificates.caCert,
    setIdTokenTtl: (seconds) => {
      idTokenTtl = seconds;
    },
    async idToken({ clientId, account }) {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const query = new URLSearchParams({
        client_id: clientId,
        response_type: 'code',
        scope: 'openid email groups',
        redirect_uri: REDIRECT_URI,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: randomBytes(8).toString('hex'),
        nonce: randomBytes(8).toString('hex'),
        login_hint: account,
      });
      const cookies = new Map<string, string>();
      let location = `/auth?${query}`;
      for (let hop = 0; !location.startsWith(REDIRECT_URI); hop++) {
        if (hop > 10) throw new Error('the authorization flow did not reach the redirect URI');
        const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        const res = await rawRequest(ca, { path: new URL(location, issuer).pathname + new URL(location, issuer).search, headers: cookie ? { cookie } : {} });
        for (const header of [res.headers['set-cookie'] ?? []].flat()) {
          const [pair = ''] = header.split(';');
          const eq = pair.indexOf('=');
          cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        if (res.status !== 303 && res.status !== 302) throw new Error(`authorization step ${location} answered ${res.status}: ${res.body}`);
        location = String(res.headers.location);
      }
      const code = new URL(location).searchParams.get('code');
      if (!code) throw new Error(`no code in ${location}`);
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
      const res = await rawRequest(ca, {
        method: 'POST',
        path: '/token',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secretOf(clientId)}`).toString('base64')}`,
        },
        body: form.toString(),
      });
      if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${res.body}`);
      return res.json<{ id_token: string }>().id_token;
    },
    refreshes: () => refreshes,
    issuedTokens: () => [...issued],
    revokeRefreshTokens: (account) => MemoryAdapter.revokeRefreshTokens(account),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
