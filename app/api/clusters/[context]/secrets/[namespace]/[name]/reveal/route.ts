// POST /api/clusters/{context}/secrets/{namespace}/{name}/reveal - the value of one key of a Secret, asked for by the user
import type { NextRequest } from 'next/server';
import { secretRevealSchema } from '@/lib/contract/secrets';
import { resolveContext } from '@/lib/server/contexts/resolve-context';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/server/http/route-support';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';
import { readSecretValue } from '@/lib/server/secrets/read-secret-value';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ context: string; namespace: string; name: string }> };

// A POST, so that only the console's own pages can ask (the write checks) and nothing caches or prefetches it.
export async function POST(request: NextRequest, { params }: Params): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { context, namespace, name } = await params;
    const { key } = await readJsonBody(request, secretRevealSchema);
    const value = await readSecretValue(await resolveContext(context, request), { namespace, name, key });
    return jsonResponse(value, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
