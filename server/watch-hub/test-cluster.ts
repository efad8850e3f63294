import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { startEmbeddedCluster, type EmbeddedClusterOptions } from '../embedded-cluster';

/**
 * A TCP relay in front of a cluster, so a test can take the cluster away from the console and bring it
 * back on the same address (`stop`/`start`), or hold back what it sends (`freeze`) and then cut the line.
 * TLS passes through untouched, so the console still verifies the cluster's own certificate.
 */
export class Relay {
  private server?: net.Server;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  private frozen = false;
  port = 0;
  /** Bytes sent from the cluster to the console so far: shows whether any stream is still flowing. */
  bytesDown = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      const pair: [net.Socket, net.Socket] = [client, upstream];
      this.pairs.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      upstream.on('data', (chunk: Buffer) => (this.bytesDown += chunk.length));
      if (this.frozen) upstream.pause();
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Stops forwarding what the cluster sends on open connections (new ones too) until `cut`. */
  freeze(): void {
    this.frozen = true;
    for (const [, upstream] of this.pairs) upstream.unpipe().pause();
  }

  /** Lets what the cluster sent on frozen connections through, and forwards as before. */
  thaw(): void {
    this.frozen = false;
    for (const [client, upstream] of this.pairs) upstream.pipe(client).resume();
  }

  /** Drops every open connection; new ones are accepted (and no longer frozen). */
  cut(): void {
    this.frozen = false;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    this.cut();
    await closed;
  }
}

export interface TestCluster {
  cluster: Awaited<ReturnType<typeof startEmbeddedCluster>>;
  relay: Relay;
  /** A kubeconfig file whose only context, `relayed`, reaches the cluster through the relay. */
  kubeconfigPath: string;
  /** Straight to the cluster (not through the relay), as admin. */
  api: <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;
  stop(): Promise<void>;
}

/** Starts an embedded cluster in the test process with a relay in front and a kubeconfig for the console. */
export async function startTestCluster(options: EmbeddedClusterOptions = {}): Promise<TestCluster> {
  const cluster = await startEmbeddedCluster({ port: 0, ...options });
  const url = new URL(cluster.url);
  const relay = new Relay({ host: url.hostname, port: Number(url.port) });
  await relay.start();
  const config = structuredClone(cluster.kubeconfig) as { clusters: { name: string; cluster: { server: string } }[]; contexts: { name: string }[]; 'current-context': string };
  config.clusters[0].cluster.server = `https://127.0.0.1:${relay.port}`;
  config.contexts[0].name = 'relayed';
  config['current-context'] = 'relayed';
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'pilothouse-test-')), 'kubeconfig');
  writeFileSync(kubeconfigPath, stringify(config));
  const direct = new KubeConfig();
  direct.loadFromString(cluster.kubeconfigYaml);
  return {
    cluster,
    relay,
    kubeconfigPath,
    api: (method, path, body, headers) => kubeJson(direct, { method, path, body, headers }),
    stop: async () => {
      await relay.stop();
      await cluster.stop();
    },
  };
}

/** A minimal pod manifest the embedded cluster accepts. */
export function podManifest(
  name: string,
  labels: Record<string, string> = {},
  container: { image?: string; env?: Record<string, string> } = {},
): Record<string, unknown> {
  const env = Object.entries(container.env ?? {}).map(([key, value]) => ({ name: key, value }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'main', image: container.image ?? 'nginx', ...(env.length ? { env } : {}) }] },
  };
}
