import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NodeDetailView } from '@/components/nodes/node-detail-view';

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Nodes` };
}

export default async function NodeDetailPage({ params }: { params: Params }) {
  const { name } = await params;
  return (
    <Suspense>
      <NodeDetailView name={decodeURIComponent(name)} />
    </Suspense>
  );
}
