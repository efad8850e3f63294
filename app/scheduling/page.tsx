import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SchedulingView } from '@/components/scheduling/scheduling-view';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Scheduling preview' };

export default function SchedulingPage() {
  return (
    <>
      <PageTitle>Scheduling preview</PageTitle>
      {/* The preview lives in the URL, which is read on the client. */}
      <Suspense>
        <SchedulingView />
      </Suspense>
    </>
  );
}
