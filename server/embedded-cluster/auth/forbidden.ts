import { goQuote } from '@/lib/k8s/field-errors';
import { ApiError } from '../status';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import type { UserInfo } from './user-info';

/**
 * The 403 the authorization filter answers (responsewriters.Forbidden): forbiddenMessage's wording, the
 * authorizer's reason after a colon, wrapped by errors.NewForbidden for the request's group/resource.
 */
export function forbiddenError(user: UserInfo, attrs: RequestAttributes, reason: string): ApiError {
  const why = `${forbiddenMessage(user, attrs)}${reason ? `: ${reason}` : ''}`;
  const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource;
  let message = `forbidden: ${why}`;
  if (qualified && attrs.name) message = `${qualified} ${goQuote(attrs.name)} is forbidden: ${why}`;
  else if (qualified) message = `${qualified} is forbidden: ${why}`;
  // StatusDetails fields are omitempty.
  return new ApiError(403, 'Forbidden', message, {
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.apiGroup ? { group: attrs.apiGroup } : {}),
    ...(attrs.resource ? { kind: attrs.resource } : {}),
  });
}

function forbiddenMessage(user: UserInfo, attrs: RequestAttributes): string {
  const who = `User ${goQuote(user.name)}`;
  if (!attrs.isResourceRequest) return `${who} cannot ${attrs.verb} path ${goQuote(attrs.path)}`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace ${goQuote(attrs.namespace)}` : 'at the cluster scope';
  return `${who} cannot ${attrs.verb} resource ${goQuote(resource)} in API group ${goQuote(attrs.apiGroup)} ${scope}`;
}
