import type { ServerResponse } from 'node:http';
import type { ContextRegistry } from '@/lib/server/contexts/registry-types';
import { readResponseBody, upstreamRequest } from '@/lib/server/kube/upstream-request';

/** Under the kubelet's probe timeout as the shipped Deployment sets it (3 s), so a silent cluster is a 503, not a probe timeout. */
const PROBE_TIMEOUT_MS = 2_000;
/** Probes of several replicas' kubelets and load balancers share one round of requests to each API server. */
const CACHE_MS = 3_000;

interface Check {
  /** `context "name"`, or `shutdown`. */
  name: string;
  /** What failed, in words safe for an unauthenticated answer; empty when it passed. */
  problem: string;
  /** The error itself, for the log only. */
  detail?: string;
}

export interface Readiness {
  /** Answers `GET /readyz`: `[+]`/`[-]` lines per check, as kube-apiserver's /readyz prints them. */
  answer(res: ServerResponse): Promise<void>;
  /** From SIGTERM on, not ready whatever the clusters say: load balancers take the replica out. */
  drain(): void;
}

/**
 * What `/version` of one context's API server says, with the context's own credentials: kube-apiserver
 * lets anyone read it (`system:public-info-viewer`), so it tests reachability, TLS and the credentials'
 * validity, not what they may do. The reason names no address: `/readyz` answers without a session.
 */
async function probe(contexts: ContextRegistry, context: string): Promise<Check> {
  const name = `context ${JSON.stringify(context)}`;
  try {
    const { kubeConfig } = await contexts.resolve(context);
    const res = await upstreamRequest(kubeConfig, { method: 'GET', path: '/version', headers: { accept: 'application/json' }, timeoutMs: PROBE_TIMEOUT_MS });
    const body = (await readResponseBody(res, 64 * 1024)).toString('utf8');
    const code = res.statusCode ?? 0;
    return code >= 200 && code < 300 ? { name, problem: '' } : { name, problem: `the API server answered ${code}`, detail: body.slice(0, 200) };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    const problem =
      code === 'UpstreamTimeout'
        ? `the API server did not answer within ${PROBE_TIMEOUT_MS / 1000}s`
        : code === 'UpstreamUnreachable'
          ? 'the API server cannot be reached'
          : 'the context cannot be used';
    return { name, problem, detail: message };
  }
}

/**
 * `/readyz` of the console: ready when every context it offers answers (the embedded cluster starts on the
 * first probe, like on first use), and not ready once it drains. Results are kept `CACHE_MS`, and concurrent
 * probes share one round. Changes are logged with the full error, which the answer leaves out.
 */
export function createReadiness(options: { contexts: ContextRegistry; log: Pick<Console, 'warn'> }): Readiness {
  const { contexts, log } = options;
  let draining = false;
  let round: { at: number; checks: Promise<Check[]> } | undefined;
  const logged = new Map<string, string>();

  const checks = (): Promise<Check[]> => {
    if (round && Date.now() - round.at < CACHE_MS) return round.checks;
    const names = contexts.list().map((context) => context.name);
    const next = names.length ? Promise.all(names.map((name) => probe(contexts, name))) : Promise.resolve<Check[]>([{ name: 'contexts', problem: 'no context is configured' }]);
    round = { at: Date.now(), checks: next };
    void next.then((results) => {
      for (const { name, problem, detail } of results) {
        if ((logged.get(name) ?? '') !== problem) log.warn(problem ? `readyz: ${name} failed: ${problem}${detail ? ` (${detail})` : ''}` : `readyz: ${name} ok again`);
        logged.set(name, problem);
      }
    });
    return next;
  };

  return {
    drain: () => {
      draining = true;
    },
    async answer(res) {
      const results = draining ? [{ name: 'shutdown', problem: 'the console is shutting down' }] : await checks();
      const lines = results.map(({ name, problem }) => (problem ? `[-]${name} failed: ${problem}` : `[+]${name} ok`));
      const ready = results.every((check) => !check.problem);
      lines.push(ready ? 'readyz check passed' : 'readyz check failed');
      res.writeHead(ready ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${lines.join('\n')}\n`);
    },
  };
}
