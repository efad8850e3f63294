import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layering of ../shared/STYLE.md, "an arrow reads may import". Each zone lists what its files may NOT
// import, so a wrong arrow fails `npm test` instead of waiting for a review.
const layers = [
  { target: './lib/k8s', from: ['./app', './components', './server', './lib/server', './lib/client', './lib/contract'], message: 'lib/k8s is pure and depends on nothing above it.' },
  { target: './lib/contract', from: ['./app', './components', './server', './lib/server', './lib/client'], message: 'lib/contract may import only lib/k8s.' },
  { target: './lib/client', from: ['./app', './server', './lib/server'], message: 'Browser code must not reach server-only code.' },
  { target: './components', from: ['./app', './server', './lib/server'], message: 'Components run in the browser: no server-only code.' },
  { target: './app', from: ['./server'], message: 'app/ reaches the custom server only through lib/server (and the embedded cluster only over HTTP).' },
  { target: './lib/server', from: ['./server', './app', './components', './lib/client'], message: 'lib/server must not depend on the entry point or the UI.' },
  { target: './server', from: ['./app', './components', './lib/client'], message: 'The Node server does not import UI code.' },
];

// The embedded cluster is a separate program reached over HTTP: outside its folder only its entry point
// (starting it: server/index.ts, the benches, server tests) and its `testing/` helpers may be imported.
const outsideEmbeddedCluster = ['./app/**', './components/**', './lib/**', './e2e/**', './bench/**', './scripts/**', './server/*', './server/!(embedded-cluster)/**'];
const embeddedClusterFence = {
  target: outsideEmbeddedCluster,
  from: './server/embedded-cluster',
  except: ['./index.ts', './testing'],
  message: 'Reach the embedded cluster through its entry point (server/embedded-cluster/index.ts) or over HTTP, not its internals.',
};

const nodeBuiltins = { group: ['node:*'], message: 'Not in isomorphic or browser code.' };

const config = [
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'server/embedded-cluster/openapi/generated/**'] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      'import/no-restricted-paths': ['error', { zones: [...layers, embeddedClusterFence] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Generates the embedded cluster's OpenAPI documents from its curated markers: the one tool that must
    // read them.
    files: ['scripts/generate-openapi.ts'],
    rules: { 'import/no-restricted-paths': ['error', { zones: layers }] },
  },
  {
    files: ['lib/k8s/**', 'lib/contract/**'],
    // Tests run under Node only; the code they test stays isomorphic.
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['react', 'react-dom', 'next', 'next/*', 'socket.io', 'socket.io-client'], message: 'lib/k8s and lib/contract are framework-free.' },
          { group: ['@kubernetes/client-node'], allowTypeImports: true, message: 'Type imports only: lib/k8s is isomorphic.' },
        ],
      }],
    },
  },
  {
    files: ['components/**', 'lib/client/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['@kubernetes/client-node', 'server-only'], allowTypeImports: true, message: 'Cluster access stays on the server.' },
        ],
      }],
    },
  },
];

export default config;
