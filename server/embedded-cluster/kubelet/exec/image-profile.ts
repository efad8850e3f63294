/**
 * What an image brings to `kubectl exec`: which shells it has, the command its PID 1 runs, the
 * environment its Dockerfile sets, and the files it adds. Known by repository path, as the apps are.
 * Images without a shell (CoreDNS is built FROM scratch) answer `sh` with `executable file not found`.
 */

/** An image as exec sees it. */
export interface ImageProfile {
  /** Shells on the image's PATH: `sh` is dash or busybox, `bash` only on Debian-based images. */
  shells: Array<'sh' | 'bash'>;
  /** Whether the image has the small set of tools (ls, cat, ps, curl, ...); images FROM scratch do not. */
  tools: boolean;
  /** PID 1's command line, as `ps` shows it. */
  command: string;
  /** `ENV` lines of the image. */
  env: Record<string, string>;
  /** The image's working directory. */
  workdir: string;
  /** Files the image adds (path -> content). */
  files: Record<string, string>;
  /** `/etc/os-release` PRETTY_NAME. */
  os: string;
}

const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// luksa/kubia's app.js, as the book's Dockerfile copies it into the image.
const KUBIA_APP = `const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
`;

const PROFILES: Record<string, ImageProfile> = {
  'luksa/kubia': {
    shells: ['sh', 'bash'],
    tools: true,
    command: 'node app.js',
    env: { PATH: DEBIAN_PATH, NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1', YARN_VERSION: '0.24.4' },
    workdir: '/',
    // The book's Dockerfile adds app.js at the root; /app/app.js is where people look first.
    files: { '/app.js': KUBIA_APP, '/app/app.js': KUBIA_APP },
    os: 'Debian GNU/Linux 8 (jessie)',
  },
  'library/nginx': {
    shells: ['sh', 'bash'],
    tools: true,
    command: 'nginx: master process nginx -g daemon off;',
    env: { PATH: DEBIAN_PATH, NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', PKG_RELEASE: '1~bookworm' },
    workdir: '/',
    files: { '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    server_name  localhost;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n' },
    os: 'Debian GNU/Linux 12 (bookworm)',
  },
  'google-samples/kubernetes-bootcamp': {
    shells: ['sh', 'bash'],
    tools: true,
    command: '/bin/sh -c node server.js',
    env: { PATH: DEBIAN_PATH, NODE_VERSION: '6.3.1' },
    workdir: '/',
    files: {},
    os: 'Debian GNU/Linux 8 (jessie)',
  },
  'coredns/coredns': {
    shells: [],
    tools: false,
    command: '/coredns -conf /etc/coredns/Corefile',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    workdir: '/',
    files: {},
    os: '',
  },
};

/** Busybox-style default: `sh` and the tools, nothing else. */
const DEFAULT_PROFILE: ImageProfile = {
  shells: ['sh'],
  tools: true,
  command: '',
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workdir: '/',
  files: {},
  os: 'BusyBox',
};

/** The exec profile of an image repository (`docker.io/luksa/kubia`), whatever the registry. */
export function imageProfile(repository: string): ImageProfile {
  const path = repository.replace(/^[^/]+\.[^/]+\//, '').replace(/^docker\.io\//, '');
  return PROFILES[path] ?? DEFAULT_PROFILE;
}
