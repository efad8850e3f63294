/**
 * The read-only file tree a simulated container shows to exec'd commands: the usual top-level
 * directories, the files the kubelet and the runtime put in every container (`/etc/hostname`,
 * `/etc/hosts`, `/etc/resolv.conf`, the service-account token mount) and the image's own files.
 */
import { createHash } from 'node:crypto';
import type { ImageProfile } from './image-profile';

/** Files by absolute path; directories are implied by the paths and `dirs`. */
export interface FileTree {
  files: Map<string, string>;
  dirs: Set<string>;
}

const TOP_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/proc', '/root', '/run', '/sbin', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/var'];

/** Where the kubelet mounts the projected kube-api-access volume. */
export const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** What the tree is built from. */
export interface FileTreeInput {
  profile: ImageProfile;
  hostname: string;
  podIP: string;
  namespace: string;
  serviceAccount: string;
  /** Mount paths of the container's volumeMounts. */
  mounts: string[];
  /** kube-root-ca.crt's `ca.crt`, when the namespace has it. */
  caCert?: string;
  /** The cluster's DNS domain and service IP of kube-dns. */
  dnsIP: string;
}

/** Builds a container's tree. */
export function buildFileTree(input: FileTreeInput): FileTree {
  const files = new Map<string, string>();
  const { hostname, podIP, namespace } = input;
  files.set('/etc/hostname', `${hostname}\n`);
  // The kubelet-managed hosts file (kubelet_pods.go managedHostsFileContent).
  files.set(
    '/etc/hosts',
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
      `${podIP}\t${hostname}\n`,
  );
  // ClusterFirst DNS: the kubelet writes the cluster resolver and the search path of the pod's namespace.
  files.set('/etc/resolv.conf', `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${input.dnsIP}\noptions ndots:5\n`);
  files.set('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  if (input.profile.os) files.set('/etc/os-release', `PRETTY_NAME="${input.profile.os}"\n`);
  if (input.mounts.includes(SERVICE_ACCOUNT_MOUNT)) {
    files.set(`${SERVICE_ACCOUNT_MOUNT}/namespace`, namespace);
    files.set(`${SERVICE_ACCOUNT_MOUNT}/token`, serviceAccountToken(input));
    if (input.caCert) files.set(`${SERVICE_ACCOUNT_MOUNT}/ca.crt`, input.caCert);
  }
  for (const [path, content] of Object.entries(input.profile.files)) files.set(path, content);
  const dirs = new Set<string>(['/', ...TOP_DIRS]);
  for (const path of files.keys()) {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) dirs.add(path.slice(0, at));
  }
  return { files, dirs };
}

/**
 * A bound service-account token as the kubelet's projected volume holds it: a JWT with the claims a
 * real one has. Its signature is not one the embedded API server checks: it authenticates only the
 * tokens of its kubeconfigs.
 */
function serviceAccountToken(input: FileTreeInput): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const kid = createHash('sha256').update(input.namespace).digest('base64url').slice(0, 43);
  const payload = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: now + 3607,
    iat: now,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': { namespace: input.namespace, pod: { name: input.hostname }, serviceaccount: { name: input.serviceAccount } },
    nbf: now,
    sub: `system:serviceaccount:${input.namespace}:${input.serviceAccount}`,
  };
  const signature = createHash('sha512').update(JSON.stringify(payload)).digest('base64url');
  return `${b64({ alg: 'RS256', kid })}.${b64(payload)}.${signature}`;
}

/** Resolves `path` against `cwd`, folding `.` and `..`. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The names directly inside a directory, sorted. */
export function listDir(tree: FileTree, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const names = new Set<string>();
  for (const path of [...tree.files.keys(), ...tree.dirs]) {
    if (path !== dir && path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] ?? '');
  }
  names.delete('');
  return [...names].sort();
}
