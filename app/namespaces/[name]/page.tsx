import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NamespaceDetailView } from '@/components/namespaces/namespace-detail-view';

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Namespaces` };
}

export default async function NamespaceDetailPage({ params }: { params: Params }) {
  const { name } = await params;
  return (
    <Suspense>
      <NamespaceDetailView name={decodeURIComponent(name)} />
    </Suspense>
  );
}
