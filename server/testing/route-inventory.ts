import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One HTTP route of the console: a page or a route handler under app/, with sample values for its parameters. */
export interface InventoryRoute {
  kind: 'page' | 'api';
  /** A request path with the parameters filled in, e.g. `/api/clusters/relayed/k8s/api/v1/pods`. */
  path: string;
  methods: string[];
  /** The file it comes from, for the failure message. */
  file: string;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * Every page and route handler under `app/`, found on disk rather than listed by hand, so a route added
 * later is covered by the tests that use this without anyone remembering to add it.
 */
export function appRoutes(options: { appDir?: string; params: Record<string, string> }): InventoryRoute[] {
  const appDir = options.appDir ?? 'app';
  return walk(appDir).flatMap((file): InventoryRoute[] => {
    const name = file.split(sep).at(-1);
    if (name !== 'page.tsx' && name !== 'route.ts') return [];
    const segments = relative(appDir, file).split(sep).slice(0, -1)
      // Route groups, `(name)`, are not part of the URL.
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => {
        const param = /^\[(?:\.\.\.)?(.+)\]$/.exec(segment)?.[1];
        if (!param) return segment;
        const value = options.params[param];
        if (value === undefined) throw new Error(`no sample value for the parameter [${param}] of ${file}`);
        return value;
      });
    const path = `/${segments.join('/')}`;
    if (name === 'page.tsx') return [{ kind: 'page', path, methods: ['GET'], file }];
    const source = readFileSync(file, 'utf8');
    const exported = METHODS.filter((method) => new RegExp(`export (async )?function ${method}\\b|export \\{[^}]*\\bas ${method}\\b`).test(source));
    if (exported.length === 0) throw new Error(`${file} exports no HTTP method the inventory knows`);
    return [{ kind: 'api', path, methods: exported, file }];
  });
}
