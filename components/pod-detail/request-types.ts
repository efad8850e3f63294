import type { K8sStatus } from '@/lib/contract/status';
import type { Pod } from '@/lib/k8s/types';
import { shellJoin } from '@/lib/k8s/shell-quote';

/** An HTTP request to a pod's port, as the console sends it through the API server's port-forward. */
export interface PodRequest {
  /** The container port. */
  port: number;
  method: string;
  /** Path and query, starting with `/`. */
  path: string;
  headers: [string, string][];
  body?: string;
}

export interface PodResponse {
  status: number;
  statusText: string;
  headers: [string, string][] | Record<string, string>;
  body: string;
  durationMs: number;
}

/** What `send` resolves to: the pod's response, or why there was none (a Status or a message). */
export type PodRequestOutcome = PodResponse | { error: K8sStatus | string };

/** A TCP port some container declares (port-forward carries TCP only). */
export interface DeclaredPort {
  port: number;
  container: string;
  name?: string;
}

/** The TCP ports the pod's containers declare, each once, in spec order. */
export function declaredPorts(pod: Pod): DeclaredPort[] {
  const seen = new Set<number>();
  const ports: DeclaredPort[] = [];
  for (const container of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of container.ports ?? []) {
      if ((p.protocol ?? 'TCP') !== 'TCP' || seen.has(p.containerPort)) continue;
      seen.add(p.containerPort);
      ports.push({ port: p.containerPort, container: container.name, ...(p.name ? { name: p.name } : {}) });
    }
  }
  return ports;
}

/** The port field's text read as a port: the number, or why it is not one (`''` is "not entered yet"). */
export function parsePort(text: string): { port: number } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter the port the application listens on.' };
  if (!/^\d+$/.test(trimmed)) return { error: 'A port is a whole number.' };
  const port = Number(trimmed);
  if (port < 1 || port > 65535) return { error: 'A port is between 1 and 65535.' };
  return { port };
}

/** `Name: value` lines to header pairs; blank lines are skipped, a line without a colon is an error. */
export function parseHeaderLines(text: string): { headers: [string, string][]; error?: string } {
  const headers: [string, string][] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { headers, error: `Line ${i + 1}: write headers as "Name: value".` };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers };
}

/**
 * The pod port the commands show: exactly what the port field holds, or `PORT` while it holds no valid
 * port, so the commands never name a port the field does not.
 */
export function commandPort(parsed: ReturnType<typeof parsePort>): string {
  return 'port' in parsed ? String(parsed.port) : 'PORT';
}

/** The curl command that sends the same request through a local port-forward. */
export function curlCommand(request: PodRequest, localPort: number): string {
  const args = ['curl', '-s', '-X', request.method];
  for (const [name, value] of request.headers) args.push('-H', `${name}: ${value}`);
  if (request.body) args.push('-d', request.body);
  args.push(`localhost:${localPort}${request.path}`);
  return shellJoin(args);
}
