import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExplainView } from '@/components/explain/explain-view';

export const metadata: Metadata = { title: 'Explain' };

export default function ExplainPage() {
  return (
    <Suspense>
      <ExplainView />
    </Suspense>
  );
}
