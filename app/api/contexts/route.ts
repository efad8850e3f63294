// GET /api/contexts - the cluster contexts the console can reach (never their credentials)
import type { ContextList } from '@/lib/contract/contexts';
import { getContextRegistry } from '@/lib/server/contexts/resolve-context';
import { errorResponse, jsonResponse } from '@/lib/server/http/route-support';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const registry = getContextRegistry();
    const body: ContextList = { contexts: registry.list(), defaultContext: registry.defaultContext() };
    return jsonResponse(body);
  } catch (error) {
    return errorResponse(error);
  }
}
