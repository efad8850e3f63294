import { shellJoin } from './shell-quote';

/**
 * The kubectl command equivalent to an action in the console. One renderer for every page, so the
 * commands users copy are consistent and always say exactly what the console did.
 */

/** Where a command applies: one namespace, or every namespace (`--all-namespaces`). */
export type NamespaceScope = { namespace: string } | { allNamespaces: true };

export interface GetPods {
  verb: 'get';
  resource: string;
  names?: string[];
  scope?: NamespaceScope;
  labelSelector?: string;
  fieldSelector?: string;
  labelColumns?: string[];
  showLabels?: boolean;
  output?: 'wide' | 'yaml' | 'json';
}

export interface Describe {
  verb: 'describe';
  resource: string;
  name: string;
  scope?: NamespaceScope;
}

export interface Logs {
  verb: 'logs';
  pod: string;
  namespace?: string;
  container?: string;
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
  previous?: boolean;
}

/** `label` and `annotate`: set values (`key=value`) and remove keys (`key-`). */
export interface SetMetadata {
  verb: 'label' | 'annotate';
  resource: string;
  names?: string[];
  namespace?: string;
  labelSelector?: string;
  all?: boolean;
  set?: Record<string, string>;
  remove?: string[];
  overwrite?: boolean;
  resourceVersion?: string;
}

export interface Delete {
  verb: 'delete';
  resource: string;
  names?: string[];
  scope?: NamespaceScope;
  labelSelector?: string;
  all?: boolean;
  gracePeriodSeconds?: number;
  force?: boolean;
  dryRun?: boolean;
}

export interface Create {
  verb: 'create';
  /** `create -f FILE` for a manifest, or `create namespace NAME`. */
  file?: string;
  namespaceName?: string;
  namespace?: string;
  dryRun?: boolean;
}

export interface PortForward {
  verb: 'port-forward';
  pod: string;
  namespace?: string;
  localPort: number;
  /** A number, or a placeholder such as `PORT` while none is chosen. */
  podPort: number | string;
}

/** `exec`: `-it` for an interactive terminal, `-c` for the container, then the command after `--`. */
export interface Exec {
  verb: 'exec';
  pod: string;
  namespace?: string;
  container?: string;
  interactive?: boolean;
  command: string[];
}

export interface Explain {
  verb: 'explain';
  path: string;
}

/** `kubectl cordon` / `uncordon` of nodes. */
export interface Cordon {
  verb: 'cordon' | 'uncordon';
  names: string[];
}

/** `kubectl taint nodes N key=value:Effect` (add) or `key:Effect-` (remove). */
export interface TaintNodes {
  verb: 'taint';
  names: string[];
  taint: { key: string; value?: string; effect: string };
  remove?: boolean;
  overwrite?: boolean;
}

export type KubectlAction = GetPods | Describe | Logs | SetMetadata | Delete | Create | PortForward | Exec | Explain | Cordon | TaintNodes;

function scopeArgs(scope: NamespaceScope | undefined): string[] {
  if (!scope) return [];
  return 'allNamespaces' in scope ? ['--all-namespaces'] : ['-n', scope.namespace];
}

function namespaceArgs(namespace: string | undefined): string[] {
  return namespace ? ['-n', namespace] : [];
}

function targetArgs(action: { resource: string; names?: string[]; labelSelector?: string; all?: boolean }): string[] {
  const args = [action.resource, ...(action.names ?? [])];
  if (action.labelSelector) args.push('-l', action.labelSelector);
  if (action.all) args.push('--all');
  return args;
}

function argsOf(action: KubectlAction): string[] {
  switch (action.verb) {
    case 'get': {
      const args = ['get', action.resource, ...(action.names ?? []), ...scopeArgs(action.scope)];
      if (action.labelSelector) args.push('-l', action.labelSelector);
      if (action.fieldSelector) args.push('--field-selector', action.fieldSelector);
      if (action.labelColumns?.length) args.push('-L', action.labelColumns.join(','));
      if (action.showLabels) args.push('--show-labels');
      if (action.output) args.push('-o', action.output);
      return args;
    }
    case 'describe':
      return ['describe', action.resource, action.name, ...scopeArgs(action.scope)];
    case 'logs': {
      const args = ['logs', action.pod, ...namespaceArgs(action.namespace)];
      if (action.container) args.push('-c', action.container);
      if (action.follow) args.push('-f');
      if (action.tailLines !== undefined) args.push(`--tail=${action.tailLines}`);
      if (action.sinceSeconds !== undefined) args.push(`--since=${action.sinceSeconds}s`);
      if (action.timestamps) args.push('--timestamps');
      if (action.previous) args.push('--previous');
      return args;
    }
    case 'label':
    case 'annotate': {
      const args = [action.verb, ...targetArgs(action), ...namespaceArgs(action.namespace)];
      for (const [key, value] of Object.entries(action.set ?? {})) args.push(`${key}=${value}`);
      for (const key of action.remove ?? []) args.push(`${key}-`);
      if (action.overwrite) args.push('--overwrite');
      if (action.resourceVersion) args.push(`--resource-version=${action.resourceVersion}`);
      return args;
    }
    case 'delete': {
      const args = ['delete', ...targetArgs(action), ...scopeArgs(action.scope)];
      if (action.force) args.push('--force');
      if (action.gracePeriodSeconds !== undefined) args.push(`--grace-period=${action.gracePeriodSeconds}`);
      if (action.dryRun) args.push('--dry-run=server');
      return args;
    }
    case 'create': {
      const args = action.namespaceName ? ['create', 'namespace', action.namespaceName] : ['create', '-f', action.file ?? '-'];
      args.push(...namespaceArgs(action.namespace));
      if (action.dryRun) args.push('--dry-run=server');
      return args;
    }
    case 'port-forward':
      return ['port-forward', action.pod, ...namespaceArgs(action.namespace), `${action.localPort}:${action.podPort}`];
    case 'exec':
      return ['exec', ...(action.interactive ? ['-it'] : []), action.pod, ...namespaceArgs(action.namespace), ...(action.container ? ['-c', action.container] : []), '--', ...action.command];
    case 'explain':
      return ['explain', action.path];
    case 'cordon':
    case 'uncordon':
      return [action.verb, ...action.names];
    case 'taint': {
      const { key, value, effect } = action.taint;
      const args = ['taint', 'nodes', ...action.names, action.remove ? `${key}:${effect}-` : `${key}${value ? `=${value}` : ''}:${effect}`];
      if (action.overwrite) args.push('--overwrite');
      return args;
    }
  }
}

/** Renders the command line, quoted for a POSIX shell. */
export function kubectlCommand(action: KubectlAction): string {
  return `kubectl ${shellJoin(argsOf(action))}`;
}
