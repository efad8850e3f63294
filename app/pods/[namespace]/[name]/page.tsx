import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PodDetailView } from '@/components/pod-detail/pod-detail-view';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Pods` };
}

export default async function PodDetailPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return (
    <Suspense>
      <PodDetailView namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
