import { z } from 'zod';
import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import { contextNameSchema } from '@/lib/contract/contexts';
import { LIST_VIEWS } from '@/lib/contract/row-view';
import type { K8sStatus } from '@/lib/contract/status';
import { resourcePath } from '@/lib/k8s/resource-path';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * What a live list shows: one resource of one cluster, in one namespace or all of them, narrowed by
 * selectors. The BFF keeps one upstream watch per context, resource and namespace; selectors are applied
 * by the BFF, so any number of them share that watch.
 */
export const watchTargetSchema = z.object({
  context: contextNameSchema,
  /** API group; '' (the default) is the core group. */
  group: z.string().max(253).regex(DNS_SUBDOMAIN, 'group must be a DNS subdomain').or(z.literal('')).default(''),
  version: z.string().max(63).regex(DNS_LABEL, 'version must be a DNS label'),
  /** Plural resource name, e.g. `pods`. */
  resource: z.string().max(63).regex(DNS_LABEL, 'resource must be a lowercase plural name'),
  /** A namespace, or absent for all namespaces (and for cluster-scoped resources). */
  namespace: z.string().max(63).regex(DNS_LABEL, 'namespace must be a DNS label').optional(),
  labelSelector: z.string().max(4096).optional(),
  fieldSelector: z.string().max(4096).optional(),
  /**
   * `rows`: the kind's list rows instead of objects (lib/contract/row-view.ts), in the snapshot and in every
   * event; selectors still match the objects, before the BFF projects. Absent: objects.
   */
  view: z.enum(LIST_VIEWS).optional(),
});
export type WatchTarget = z.input<typeof watchTargetSchema>;
export type ParsedWatchTarget = z.output<typeof watchTargetSchema>;

/**
 * The API path that lists a target: `/api/v1/namespaces/{ns}/pods`, `/apis/apps/v1/deployments`, ... A shared
 * watch lists the path alone and applies the selectors itself; a one-off list (`withSelectors`) sends them.
 */
export function targetListPath(target: WatchTarget, options: { withSelectors?: boolean } = {}): string {
  const { group = '', version, resource, namespace, labelSelector, fieldSelector } = target;
  const query = options.withSelectors ? { labelSelector: labelSelector || undefined, fieldSelector: fieldSelector || undefined } : undefined;
  return resourcePath({ group, version, resource, namespace, query });
}

/** A subscription's id is chosen by the client, unique on its socket. */
export const subscriptionIdSchema = z.string().min(1).max(64);

export const watchSubscribeSchema = z.object({ id: subscriptionIdSchema, target: watchTargetSchema });
export type WatchSubscribe = z.input<typeof watchSubscribeSchema>;

/**
 * Everything that matches, current at `resourceVersion`; replaces whatever the client held. Its items (and
 * the events' objects) are the objects, or, for a `rows` view, their rows. While the BFF still pages its
 * initial upstream list (500 objects a page, as client-go), the snapshot is `partial`: what the pages so far
 * hold. The next pages then come as `watch:events` of ADDED objects, and a `watch:status` `live` says the
 * list is whole.
 */
export interface WatchSnapshot<T extends ListItem = ListItem> {
  id: string;
  items: T[];
  resourceVersion: string;
  partial?: true;
}

/** Changes since the snapshot, in the order the API server sent them. */
export interface WatchEventBatch<T extends ListItem = ListItem> {
  id: string;
  events: WatchEvent<T>[];
  resourceVersion: string;
}

/**
 * The health of a subscription: `live` after a whole snapshot (or once a partial one has all its pages);
 * `reconnecting` while the BFF retries the upstream
 * watch (a fresh snapshot follows when it is back); `error` when it gave up, with the server's Status.
 */
export interface WatchStatus {
  id: string;
  state: 'live' | 'reconnecting' | 'error';
  status?: K8sStatus;
  /** When `reconnecting`: how long until the next attempt. */
  retryInMs?: number;
}

/** The ack of `watch:subscribe`: accepted (a snapshot follows) or refused with a Status. */
export type WatchSubscribeAck = { ok: true } | { ok: false; status: K8sStatus };
