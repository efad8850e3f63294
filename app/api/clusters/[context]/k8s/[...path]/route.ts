// GET|HEAD|POST|PUT|PATCH|DELETE /api/clusters/{context}/k8s/{path...} - forward one request to the cluster's API server
import type { NextRequest } from 'next/server';
import { resolveContext } from '@/lib/server/contexts/resolve-context';
import { errorResponse, readRequestBody } from '@/lib/server/http/route-support';
import { checkProxyTarget, forwardToCluster } from '@/lib/server/proxy/forward';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';
import { redactForwarded, secretsAccept, targetsSecrets } from '@/lib/server/secrets/redact-forwarded';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ context: string; path: string[] }> };

async function proxy(request: NextRequest, { params }: Params): Promise<Response> {
  try {
    const { context, path: segments } = await params;
    const trailingSlash = request.nextUrl.pathname.endsWith('/');
    const { path, application } = checkProxyTarget(segments, request.nextUrl.searchParams, { trailingSlash });
    assertSameOrigin(request, { guardReads: application });
    const resolved = await resolveContext(context, request);
    const body = await readRequestBody(request);
    // Secrets pass without their values (lib/server/secrets); one value is read through its reveal route.
    const secrets = targetsSecrets(segments);
    const headers = secrets ? { get: (name: string) => (name === 'accept' ? secretsAccept(request.headers.get('accept')) : request.headers.get(name)) } : request.headers;
    const forwarded = await forwardToCluster({
      context: resolved,
      method: request.method,
      path,
      application,
      query: request.nextUrl.searchParams,
      headers,
      body,
      signal: request.signal,
    });
    const answer = secrets ? await redactForwarded(forwarded) : forwarded;
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  } catch (error) {
    return errorResponse(error);
  }
}

export { proxy as GET, proxy as HEAD, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
