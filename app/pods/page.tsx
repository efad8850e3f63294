import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PodsWorkspace } from '@/components/pods/pods-workspace';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Pods' };

export default function PodsPage() {
  return (
    <>
      <PageTitle>Pods</PageTitle>
      {/* The view lives in the URL, which is read on the client. */}
      <Suspense>
        <PodsWorkspace />
      </Suspense>
    </>
  );
}
