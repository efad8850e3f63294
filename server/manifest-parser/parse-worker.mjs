// The worker's entry: worker threads do not inherit the parent's TypeScript loader (`--import tsx`) on
// Node 20, so it is registered here before the parser (TypeScript) is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
