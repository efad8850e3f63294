import { goQuote } from './field-errors';
import type { RequestAttributes } from './request-info';

/**
 * The 403 kube-apiserver's authorization filter answers (responsewriters.Forbidden): forbiddenMessage's
 * wording, the authorizer's reason after a colon, wrapped by errors.NewForbidden for the request's
 * group/resource. The embedded cluster answers it, and the console says it when a re-check of a
 * subscription it serves from its own watch finds the user may no longer list or watch.
 */
export function forbiddenStatusFields(
  user: string,
  attrs: RequestAttributes,
  reason: string,
): { message: string; details: { name?: string; group?: string; kind?: string } } {
  const why = `${forbiddenMessage(user, attrs)}${reason ? `: ${reason}` : ''}`;
  const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource;
  let message = `forbidden: ${why}`;
  if (qualified && attrs.name) message = `${qualified} ${goQuote(attrs.name)} is forbidden: ${why}`;
  else if (qualified) message = `${qualified} is forbidden: ${why}`;
  // StatusDetails fields are omitempty.
  const details = {
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.apiGroup ? { group: attrs.apiGroup } : {}),
    ...(attrs.resource ? { kind: attrs.resource } : {}),
  };
  return { message, details };
}

function forbiddenMessage(user: string, attrs: RequestAttributes): string {
  const who = `User ${goQuote(user)}`;
  if (!attrs.isResourceRequest) return `${who} cannot ${attrs.verb} path ${goQuote(attrs.path)}`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace ${goQuote(attrs.namespace)}` : 'at the cluster scope';
  return `${who} cannot ${attrs.verb} resource ${goQuote(resource)} in API group ${goQuote(attrs.apiGroup)} ${scope}`;
}
