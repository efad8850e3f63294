import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

/** Requests straight to the API server (no BFF), with the kubeconfig's CA and token, on a keep-alive agent. */
export function directClient(kubeconfigYaml: string) {
  const config = new KubeConfig();
  config.loadFromString(kubeconfigYaml);
  const cluster = config.getCurrentCluster()!;
  const user = config.getCurrentUser()!;
  const agent = new https.Agent({ keepAlive: true, ca: Buffer.from(cluster.caData ?? '', 'base64') });
  const base = new URL(cluster.server);
  return {
    /** Streams the response and resolves with its body text and how long it took to arrive in full. */
    request(method: string, path: string, body?: unknown, contentType = 'application/json') {
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = https.request(
          { host: base.hostname, port: base.port, path, method, agent, headers: { authorization: `Bearer ${user.token}`, accept: 'application/json', ...(payload ? { 'content-type': contentType } : {}) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

export type DirectClient = ReturnType<typeof directClient>;
