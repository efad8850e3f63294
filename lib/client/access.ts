import { queryOptions, useQuery } from '@tanstack/react-query';
import { deniedReason, selfSubjectAccessReview, type AccessAttributes } from '@/lib/k8s/access-attributes';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

const REVIEWS_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
/** RBAC changes rarely while a page is open; a bound or removed role shows within half a minute. */
const ANSWER_FRESH_MS = 30_000;

interface ReviewAnswer {
  status?: { allowed?: boolean; denied?: boolean; reason?: string };
}

function canIQuery(context: string, attrs: AccessAttributes) {
  return queryOptions({
    queryKey: [...queryKeys.cluster(context), 'can-i', attrs.verb, attrs.group, attrs.resource, attrs.subresource ?? '', attrs.namespace ?? '', attrs.name ?? ''] as const,
    queryFn: ({ signal }) => apiFetch<ReviewAnswer>(k8sUrl(context, REVIEWS_PATH), { method: 'POST', body: selfSubjectAccessReview(attrs), signal }),
    staleTime: ANSWER_FRESH_MS,
    // A hint: a failed review leaves the action enabled, and the server's Forbidden still speaks when it comes.
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * Whether the cluster lets the signed-in user (or the context's credentials) make this request, as
 * `kubectl auth can-i` asks it: true or false once answered, undefined while pending or when the review failed.
 */
export function useCanI(context: string | undefined, attrs: AccessAttributes): boolean | undefined {
  const query = useQuery({ ...canIQuery(context ?? '', attrs), enabled: Boolean(context) });
  const allowed = query.data?.status?.allowed;
  return typeof allowed === 'boolean' ? allowed : undefined;
}

/** Why an action is disabled ("You may not patch pods in default (RBAC)"), or undefined when it may be tried. */
export function useDeniedReason(context: string | undefined, attrs: AccessAttributes): string | undefined {
  return useCanI(context, attrs) === false ? deniedReason(attrs) : undefined;
}
