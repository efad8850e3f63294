// GET /api/contexts - the cluster contexts the console can reach (never their credentials)
import type { ContextList } from '@/lib/contract/contexts';
import { requestIdentity } from '@/lib/server/auth/request-identity';
import { getContextRegistry } from '@/lib/server/contexts/resolve-context';
import { errorResponse, jsonResponse } from '@/lib/server/http/route-support';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    requestIdentity(request); // in a team mode, only for a session
    const registry = getContextRegistry();
    const body: ContextList = { contexts: registry.list(), defaultContext: registry.defaultContext() };
    return jsonResponse(body);
  } catch (error) {
    return errorResponse(error);
  }
}
