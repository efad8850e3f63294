import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NamespacesWorkspace } from '@/components/namespaces/namespaces-workspace';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Namespaces' };

export default function NamespacesPage() {
  return (
    <>
      <PageTitle>Namespaces</PageTitle>
      {/* The view lives in the URL, which is read on the client. */}
      <Suspense>
        <NamespacesWorkspace />
      </Suspense>
    </>
  );
}
