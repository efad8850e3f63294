import type { WatchTarget } from '@/lib/contract/watch';
import type { ResourceDescriptor } from '@/lib/k8s/resources';

type Kind = Pick<ResourceDescriptor, 'group' | 'resource'>;

/**
 * The hierarchy every query key of the console sits in, so a mutation can invalidate one cluster, or one
 * resource of one cluster, by prefix. Only the query-options factories of `lib/client/` call these.
 */
export const queryKeys = {
  contexts: () => ['contexts'] as const,
  cluster: (context: string) => ['k8s', context] as const,
  resource: (context: string, kind: Kind) => ['k8s', context, kind.group ?? '', kind.resource] as const,
  discovery: (context: string) => ['k8s', context, 'discovery'] as const,
};

/** The key of a live list: one per target, so every component of a page that watches it shares the entry. */
export function watchedKey(target: WatchTarget) {
  return [
    ...queryKeys.resource(target.context, { group: target.group ?? '', resource: target.resource }),
    'watch',
    target.version,
    target.namespace ?? '',
    target.labelSelector ?? '',
    target.fieldSelector ?? '',
    target.view ?? 'objects',
  ] as const;
}
