/**
 * authentication.k8s.io/v1 reviews: SelfSubjectReview (`kubectl auth whoami`) tells the caller who the
 * server takes them for; TokenReview authenticates a token on someone else's behalf.
 */
import type { CreateInput } from '../../kinds';
import { badRequest } from '../../status';
import { isPlainObject } from '../../types';
import type { UserInfo } from '../user-info';

/** authenticationv1.UserInfo: empty fields are omitted. */
function userInfoJson(user: UserInfo): Record<string, unknown> {
  return {
    username: user.name,
    ...(user.uid ? { uid: user.uid } : {}),
    ...(user.groups.length > 0 ? { groups: user.groups } : {}),
    ...(user.extra && Object.keys(user.extra).length > 0 ? { extra: user.extra } : {}),
  };
}

export function selfSubjectReview({ user, body }: CreateInput): object {
  return { ...body, metadata: { creationTimestamp: null }, status: { userInfo: userInfoJson(user) } };
}

export async function tokenReview({ ctx, body }: CreateInput): Promise<object> {
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const token = typeof spec.token === 'string' ? spec.token : '';
  if (!token) throw badRequest('token is required for TokenReview in authentication');
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? (spec.audiences as string[]) : undefined;
  const found = await ctx.auth.authenticator.authenticateToken(token, audiences);
  const status = found ? { authenticated: true, user: userInfoJson(found.user), audiences: found.audiences } : { user: {} };
  return { ...body, metadata: { creationTimestamp: null }, status };
}
