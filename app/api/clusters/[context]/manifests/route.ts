// POST /api/clusters/{context}/manifests - create the objects of a YAML or JSON manifest, all or nothing, like `kubectl create -f`
import { createManifestsRequestSchema } from '@/lib/contract/manifests';
import { resolveContext } from '@/lib/server/contexts/resolve-context';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/server/http/route-support';
import { createManifests } from '@/lib/server/manifests/create-manifests';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ context: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { context } = await params;
    const body = await readJsonBody(request, createManifestsRequestSchema);
    const resolved = await resolveContext(context, request);
    return jsonResponse(await createManifests({ context: resolved, ...body }));
  } catch (error) {
    return errorResponse(error);
  }
}
