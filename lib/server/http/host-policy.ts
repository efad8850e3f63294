import { BlockList, isIP } from 'node:net';
import { BffError } from '@/lib/server/errors';

export interface HostPolicyOptions {
  /** The port the console listens on (a function: with `PORT=0` it is known only once it listens). */
  port: () => number;
  /** `HOST`: a specific address is also a name the console answers to; a wildcard (`0.0.0.0`, `::`) is not. */
  bindHost: string;
  /** `PILOTHOUSE_PUBLIC_URL`: the address users type when the console is reached under another name. */
  publicUrl?: string;
  /** `PILOTHOUSE_TRUSTED_PROXIES`: addresses or CIDRs whose `X-Forwarded-Host` is believed. */
  trustedProxies?: readonly string[];
}

/** What a request looks like to the policy: its headers and the address it came from. */
export interface RequestFacts {
  headers: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
}

/**
 * Which names the console answers to. A DNS-rebinding page on `evil.example` whose name now resolves to
 * 127.0.0.1 is same-origin with whatever answers there, so the browser's same-origin policy protects the
 * console only if the console refuses requests addressed to names that are not its own.
 */
export interface HostPolicy {
  /** The host the client addressed: `X-Forwarded-Host` from a trusted proxy, otherwise `Host`. */
  requestHost(request: RequestFacts): string | undefined;
  /** Null when the request is addressed to the console, otherwise the refusal to answer with. */
  refusal(request: RequestFacts): BffError | null;
  /** True for the console's own origins (`http://127.0.0.1:3000`, the public URL's origin, ...). */
  isAllowedOrigin(origin: string): boolean;
  /** True when `X-Forwarded-*` from this peer may be believed. */
  isTrustedProxy(remoteAddress: string | undefined): boolean;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * `host[:port]` as URL parsing writes it (lower case, `:80` dropped), or undefined for anything that is not
 * a bare authority (a path, user info or stray characters in a Host header never match).
 */
function normalizeHost(host: string): string | undefined {
  const lower = host.toLowerCase();
  if (!/^[a-z0-9.\-[\]:]+$/.test(lower)) return undefined;
  try {
    return new URL(`http://${lower}`).host;
  } catch {
    return undefined;
  }
}

/** `::ffff:10.0.0.1` is the IPv4 peer 10.0.0.1 on a dual-stack socket. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Parses `PILOTHOUSE_TRUSTED_PROXIES` entries (`10.0.0.1`, `10.0.0.0/8`, `fd00::/8`); throws on a bad one. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max && /^\d+$/.test(prefix)))) {
      throw new Error(`PILOTHOUSE_TRUSTED_PROXIES must list IP addresses or CIDRs separated by commas, got ${JSON.stringify(entry)}`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

export function createHostPolicy(options: HostPolicyOptions): HostPolicy {
  const proxies = trustedProxyList(options.trustedProxies ?? []);
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  const bindHost = WILDCARDS.has(options.bindHost) ? undefined : isIP(options.bindHost) === 6 ? `[${options.bindHost}]` : options.bindHost;

  // Worked out on first use: the port is known only once the server listens.
  let allowed: { hosts: Set<string>; origins: Set<string>; names: string[] } | undefined;
  const lists = () => {
    if (allowed) return allowed;
    const port = options.port();
    const local = [...LOOPBACK_NAMES, ...(bindHost ? [bindHost] : [])].flatMap((name) => normalizeHost(`${name}:${port}`) ?? []);
    const hosts = new Set(local);
    const origins = new Set(local.map((host) => `http://${host}`));
    if (publicUrl) {
      hosts.add(publicUrl.host);
      origins.add(publicUrl.origin);
    }
    allowed = { hosts, origins, names: [...hosts] };
    return allowed;
  };

  const isTrustedProxy = (remoteAddress: string | undefined) => {
    if (!remoteAddress) return false;
    const address = plainAddress(remoteAddress);
    return proxies.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  };

  const requestHost = (request: RequestFacts) => {
    const forwarded = first(request.headers['x-forwarded-host']);
    // A proxy that appends writes the host it received last; that is the value it vouches for.
    if (forwarded && isTrustedProxy(request.remoteAddress)) return forwarded.split(',').at(-1)!.trim();
    return first(request.headers.host);
  };

  return {
    requestHost,
    isTrustedProxy,
    isAllowedOrigin(origin) {
      let normalized: string;
      try {
        normalized = new URL(origin).origin;
      } catch {
        return false;
      }
      return lists().origins.has(normalized);
    },
    refusal(request) {
      const host = requestHost(request);
      const { hosts, names } = lists();
      const normalized = host === undefined ? undefined : normalizeHost(host);
      if (normalized !== undefined && hosts.has(normalized)) return null;
      return new BffError(
        'HostNotAllowed',
        `the console does not answer requests for host ${JSON.stringify(host ?? '')}: it answers for ${names.join(', ')}. ` +
          'To reach it under another name, set PILOTHOUSE_PUBLIC_URL to the address users open (e.g. https://console.example.com); ' +
          'behind a proxy that rewrites Host, list the proxy in PILOTHOUSE_TRUSTED_PROXIES.',
      );
    },
  };
}
