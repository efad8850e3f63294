// The Dockerfile's build stage runs this after `NEXT_OUTPUT=standalone next build`. It turns Next's
// `<distDir>/standalone` (the pages and the node_modules files Next's own server loads, traced) into the
// directory the image ships: the custom server bundled into plain JavaScript (no tsx, no TypeScript sources),
// the node_modules files that bundle loads (traced the way Next traces its own), and the static files.
// Usage: node scripts/image/assemble.mjs [<out>]   (it moves the result there; default: it stays in
// <distDir>/standalone)
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeFileTrace } from '@vercel/nft';
import { build } from 'esbuild';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const out = join(distDir, 'standalone');
const bundleDir = join(distDir, 'server-bundle');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

if (!existsSync(join(out, 'package.json'))) throw new Error(`${out} has no standalone build: run NEXT_OUTPUT=standalone next build first`);

// Next's minimal server; ours (server/index.ts) serves Next and socket.io on one port instead.
rmSync(join(out, 'server.js'), { force: true });

// Our code in one file per entry, dependencies left as imports. The manifest parser's worker is found next
// to the server's file (`new URL('./parse-worker.mjs', import.meta.url)`), so it is an entry of its own.
rmSync(bundleDir, { recursive: true, force: true });
await build({
  entryPoints: { index: 'server/index.ts', 'parse-worker': 'server/manifest-parser/parse-worker.ts' },
  outdir: bundleDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  tsconfig: 'tsconfig.json',
  // `npm start` sets it; the image runs node directly.
  define: { 'process.env.npm_package_version': JSON.stringify(version) },
  logLevel: 'warning',
});
// Read next to the code that reads it (server/embedded-cluster/openapi/schemas.ts).
cpSync('server/embedded-cluster/openapi/generated', join(bundleDir, 'generated'), { recursive: true });

// Every file the bundle can load from node_modules, followed through require and import as Next does.
// Next itself is left out: its standalone output already holds what `next()` needs in production, and
// following it from here would add its compilers and dev server (100 MB).
const NEXTS_OWN = ['node_modules/next/', 'node_modules/react/', 'node_modules/react-dom/', 'node_modules/@next/'];
const { fileList, warnings } = await nodeFileTrace([join(bundleDir, 'index.mjs'), join(bundleDir, 'parse-worker.mjs')], {
  base: process.cwd(),
  ignore: (path) => NEXTS_OWN.some((prefix) => path.startsWith(prefix)),
});
// Optional dependencies that ws and node-fetch try and do without.
for (const warning of warnings) if (!/"(bufferutil|utf-8-validate|encoding)"/.test(warning.message)) console.warn(`trace: ${warning.message}`);
let copied = 0;
for (const file of fileList) {
  if (!file.startsWith('node_modules/')) continue;
  mkdirSync(join(out, dirname(file)), { recursive: true });
  cpSync(file, join(out, file), { dereference: false, recursive: true });
  copied += 1;
}

cpSync(bundleDir, join(out, 'server'), { recursive: true });
// The browser's files, which Next's standalone output leaves to a CDN or to us.
cpSync(join(distDir, 'static'), join(out, distDir, 'static'), { recursive: true });
if (existsSync('public')) cpSync('public', join(out, 'public'), { recursive: true });
// The image's entry point. next() would load next.config.mjs again, through parts of Next that are not
// traced (its webpack); Next's own standalone server hands it the configuration as the build resolved it
// instead, in __NEXT_PRIVATE_STANDALONE_CONFIG, and so does this file before it starts the custom server.
const { config } = JSON.parse(readFileSync(join(distDir, 'required-server-files.json'), 'utf8'));
writeFileSync(
  join(out, 'server', 'standalone.mjs'),
  `// Written by scripts/image/assemble.mjs: Next's configuration as the build resolved it, then the console.\n` +
    `process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = ${JSON.stringify(JSON.stringify(config))};\n` +
    `await import('./index.mjs');\n`,
);
const target = process.argv[2] ?? out;
if (target !== out) renameSync(out, target);
console.log(`assembled ${target}: the server bundle, ${copied} traced node_modules files, the static files`);
