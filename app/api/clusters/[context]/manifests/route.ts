// POST /api/clusters/{context}/manifests - create the objects of a YAML or JSON manifest, all or nothing, like `kubectl create -f`
import { createManifestsRequestSchema } from '@/lib/contract/manifests';
import { resolveContext } from '@/lib/server/contexts/resolve-context';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/server/http/route-support';
import { auditWrittenObjects } from '@/lib/server/http/write-audit';
import { createManifests } from '@/lib/server/manifests/create-manifests';
import { assertSameOrigin } from '@/lib/server/proxy/origin-check';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ context: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const { context } = await params;
    const body = await readJsonBody(request, createManifestsRequestSchema);
    const resolved = await resolveContext(context, request);
    const created = await createManifests({ context: resolved, ...body });
    // Each object the API server was asked to create gets its own audit line (a dry run creates nothing).
    const written = created.results.filter((result) => !created.dryRun && (result.outcome === 'created' || (result.outcome === 'failed' && result.status)));
    auditWrittenObjects(
      request,
      written.map(({ apiVersion, kind, namespace, name, outcome, status }) => ({ apiVersion, kind, namespace, name, code: outcome === 'created' ? 201 : (status?.code ?? 500) })),
    );
    return jsonResponse(created);
  } catch (error) {
    return errorResponse(error);
  }
}
