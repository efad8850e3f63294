// GET|HEAD|POST|PUT|PATCH|DELETE /api/clusters/{context}/k8s/{path...} - forward one request to the cluster's API server
import type { NextRequest } from 'next/server';
import { resolveContext } from '@/lib/server/contexts/resolve-context';
import { errorResponse, readRequestBody } from '@/lib/server/http/route-support';
import { checkProxyTarget, forwardToCluster } from '@/lib/server/proxy/forward';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ context: string; path: string[] }> };

async function proxy(request: NextRequest, { params }: Params): Promise<Response> {
  try {
    const { context, path: segments } = await params;
    const trailingSlash = request.nextUrl.pathname.endsWith('/');
    const { path, application } = checkProxyTarget(segments, request.nextUrl.searchParams, { trailingSlash });
    assertSameOrigin(request, { guardReads: application });
    const resolved = await resolveContext(context);
    const body = await readRequestBody(request);
    const answer = await forwardToCluster({
      context: resolved,
      method: request.method,
      path,
      application,
      query: request.nextUrl.searchParams,
      headers: request.headers,
      body,
      signal: request.signal,
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  } catch (error) {
    return errorResponse(error);
  }
}

export { proxy as GET, proxy as HEAD, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
