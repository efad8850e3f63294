/**
 * The API server's connect subresources that upgrade the connection: `pods/exec` and
 * `pods/portforward`. Checks run in kube-apiserver's order (authentication, authorization, the pod,
 * the container and node, then the kubelet's own) before the upgrade, so a refusal is an ordinary HTTP
 * answer kubectl can print. Then the protocol the client asked for:
 *
 * - exec: WebSocket `v5.channel.k8s.io` (kubectl 1.32's default) or `v4.channel.k8s.io`;
 * - port-forward: WebSocket `SPDY/3.1+portforward.k8s.io` (SPDY tunnelled in binary messages,
 *   KEP-4006, kubectl's default), or the legacy `Upgrade: SPDY/3.1` with stream protocol
 *   `portforward.k8s.io` (`KUBECTL_PORT_FORWARD_WEBSOCKETS=false`).
 *
 * Every open session counts in `apiserver_longrunning_requests{verb="CONNECT"}`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { UserInfo } from '../auth/user-info';
import { findKind, type KindSpec } from '../kinds';
import { runExec, ExecStartError } from '../kubelet/exec/session';
import type { HandlerContext, ResourceRoute } from '../resource-handler';
import { ApiError, badRequest } from '../status';
import { EXEC_WEBSOCKET_PROTOCOLS, serveExecChannels } from './exec-channels';
import { refuseUpgrade } from './upgrade-reply';
import { PORT_FORWARD_PROTOCOL, PORT_FORWARD_WEBSOCKET_PROTOCOL, servePortForward } from './port-forward';
import { acceptSpdyUpgrade } from './spdy-upgrade';
import { webSocketDuplex } from './websocket-duplex';

const PODS = findKind('', 'v1', 'pods') as KindSpec;

/** Serves an upgrade request routed to a connect subresource of a pod. */
export async function serveConnect(options: {
  ctx: HandlerContext;
  route: ResourceRoute;
  query: URLSearchParams;
  /** The API server's filter chain (authentication, impersonation, authorization of `create`): the user, or throws. */
  admit: () => Promise<UserInfo>;
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
}): Promise<void> {
  const { ctx, route, query, admit, req, socket, head } = options;
  try {
    // Connect requests are authorized as `create` on the subresource, WebSocket GETs included
    // (AuthorizePodWebsocketUpgradeCreatePermission): RBAC checks pods/exec and pods/portforward.
    await admit();
    const namespace = route.namespace ?? '';
    const name = route.name ?? '';
    if (!ctx.nodes) throw new ApiError(503, 'ServiceUnavailable', 'no kubelets are running');
    const pod = ctx.registry.get(PODS, namespace, name);
    const websocket = isWebSocket(req);
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const metric = `connect/pods/${route.subresource}`;
    const track = () => {
      ctx.metrics.set(metric, (ctx.metrics.get(metric) ?? 0) + 1);
      return () => ctx.metrics.set(metric, (ctx.metrics.get(metric) ?? 1) - 1);
    };
    if (route.subresource === 'exec') {
      const command = query.getAll('command');
      const wanted = { stdin: flag(query, 'stdin'), stdout: flag(query, 'stdout'), stderr: flag(query, 'stderr'), tty: flag(query, 'tty') };
      if (!wanted.stdin && !wanted.stdout && !wanted.stderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
      const target = ctx.nodes.execTarget({ pod, container: query.get('container') });
      const protocol = EXEC_WEBSOCKET_PROTOCOLS.find((p) => offered.includes(p));
      if (!websocket || !protocol) throw badRequest(websocket ? 'unable to negotiate a remote command protocol' : 'Upgrade request required');
      const ws = await acceptWebSocket(req, socket, head, protocol);
      const untrack = track();
      await serveExecChannels({
        ws,
        wanted,
        run: async (streams) => {
          try {
            return { exitCode: await runExec({ target, argv: command, streams }), command };
          } catch (err) {
            if (err instanceof ExecStartError) return { startError: err.message };
            throw err;
          }
        },
      }).finally(untrack);
      return;
    }
    if (route.subresource === 'portforward') {
      const network = ctx.nodes.podNetwork(pod);
      const podRef = { namespace, name };
      if (websocket) {
        if (!offered.includes(PORT_FORWARD_WEBSOCKET_PROTOCOL)) throw badRequest('unable to negotiate a port-forward protocol');
        const ws = await acceptWebSocket(req, socket, head, PORT_FORWARD_WEBSOCKET_PROTOCOL);
        const untrack = track();
        await servePortForward({ transport: webSocketDuplex(ws), network, pod: podRef, streams: ctx.streams }).finally(untrack);
        return;
      }
      const transport = acceptSpdyUpgrade({ req, socket, head, protocols: [PORT_FORWARD_PROTOCOL] });
      const untrack = track();
      await servePortForward({ transport, network, pod: podRef, streams: ctx.streams }).finally(untrack);
      return;
    }
    throw badRequest(`the ${route.subresource} subresource is not supported by the embedded cluster`);
  } catch (err) {
    refuseUpgrade(socket, err);
  }
}

/**
 * Completes the WebSocket handshake with `protocol` chosen. `ws` insists that offered subprotocols be
 * RFC 7230 tokens, which `SPDY/3.1+portforward.k8s.io` is not (the `/`), so the offer is read here and
 * the answer added to the 101 headers.
 */
function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string): Promise<WebSocket> {
  delete req.headers['sec-websocket-protocol'];
  return new Promise((resolve) => {
    const server = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.once('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${protocol}`));
    server.handleUpgrade(req, socket, head, (ws) => resolve(ws));
  });
}

function isWebSocket(req: IncomingMessage): boolean {
  return String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

// Query booleans as the API server's parameter codec reads them.
function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value === 'true' || value === '1';
}
