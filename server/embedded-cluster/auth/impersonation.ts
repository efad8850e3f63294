/**
 * The impersonation filter (k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): `Impersonate-User`,
 * `-Group`, `-Uid` and `Impersonate-Extra-<key>` headers switch the request's user, each one allowed only
 * by the `impersonate` verb on users, groups, serviceaccounts, uids or userextras.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../status';
import type { Decision } from './authorizer';
import { forbiddenError } from './forbidden';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import {
  ALL_AUTHENTICATED,
  ALL_UNAUTHENTICATED,
  ANONYMOUS,
  serviceAccountGroups,
  serviceAccountUsername,
  splitServiceAccountUsername,
  type UserInfo,
} from './user-info';

const EXTRA_PREFIX = 'impersonate-extra-';

/** Returns the user the request acts as: `requestor` itself without impersonation headers. */
export function impersonate(options: {
  req: IncomingMessage;
  requestor: UserInfo;
  authorize: (user: UserInfo, attrs: RequestAttributes) => Decision;
}): UserInfo {
  const { req, requestor, authorize } = options;
  const headers = req.headersDistinct;
  const requestedUser = headers['impersonate-user']?.[0] ?? '';
  const groupsRequested = headers['impersonate-group'] ?? [];
  const uid = headers['impersonate-uid']?.[0] ?? '';
  const extraHeaders = Object.keys(headers).filter((h) => h.startsWith(EXTRA_PREFIX));
  if (!requestedUser) {
    if (groupsRequested.length > 0 || uid || extraHeaders.length > 0) {
      throw new ApiError(500, 'InternalError', 'Internal error occurred: requested impersonation of groups, uid or extras without impersonating a user');
    }
    return requestor;
  }
  const check = (attrs: Partial<RequestAttributes> & { resource: string; name: string }) => {
    const full: RequestAttributes = { isResourceRequest: true, path: '', verb: 'impersonate', apiGroup: '', apiVersion: '', namespace: '', subresource: '', ...attrs };
    const decision = authorize(requestor, full);
    if (!decision.allowed) throw forbiddenError(requestor, full, decision.reason);
  };

  let groups: string[] = [];
  const serviceAccount = splitServiceAccountUsername(requestedUser);
  if (serviceAccount) {
    check({ resource: 'serviceaccounts', namespace: serviceAccount.namespace, name: serviceAccount.name });
    // A service account's groups are known; they are its groups unless groups are given.
    if (groupsRequested.length === 0) groups = serviceAccountGroups(serviceAccount.namespace);
  } else {
    check({ resource: 'users', name: requestedUser });
  }
  for (const group of groupsRequested) {
    check({ resource: 'groups', name: group });
    groups.push(group);
  }
  if (uid) check({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
  const extra: Record<string, string[]> = {};
  for (const header of extraHeaders) {
    const key = decodeURIComponent(header.slice(EXTRA_PREFIX.length)).toLowerCase();
    for (const value of headers[header] ?? []) {
      check({ apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: value });
      (extra[key] ??= []).push(value);
    }
  }
  const name = serviceAccount ? serviceAccountUsername(serviceAccount.namespace, serviceAccount.name) : requestedUser;
  // Everyone but the anonymous user is authenticated, unless a group says unauthenticated.
  if (name !== ANONYMOUS) {
    if (!groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_AUTHENTICATED);
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) {
    groups.push(ALL_UNAUTHENTICATED);
  }
  return { name, groups, ...(uid ? { uid } : {}), ...(extraHeaders.length > 0 ? { extra } : {}) };
}
