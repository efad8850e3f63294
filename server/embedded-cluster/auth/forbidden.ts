import { forbiddenStatusFields } from '@/lib/k8s/forbidden-status';
import type { RequestAttributes } from '@/lib/k8s/request-info';
import { ApiError } from '../status';
import type { UserInfo } from './user-info';

/** The 403 the authorization filter answers (responsewriters.Forbidden), as lib/k8s/forbidden-status words it. */
export function forbiddenError(user: UserInfo, attrs: RequestAttributes, reason: string): ApiError {
  const { message, details } = forbiddenStatusFields(user.name, attrs, reason);
  return new ApiError(403, 'Forbidden', message, details);
}
