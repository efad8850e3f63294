import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NodesWorkspace } from '@/components/nodes/nodes-workspace';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Nodes' };

export default function NodesPage() {
  return (
    <>
      <PageTitle>Nodes</PageTitle>
      {/* The view lives in the URL, which is read on the client. */}
      <Suspense>
        <NodesWorkspace />
      </Suspense>
    </>
  );
}
