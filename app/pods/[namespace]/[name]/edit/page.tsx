import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EditPod } from '@/components/create/edit-pod';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `Edit ${decodeURIComponent(name)} · Pods` };
}

export default async function EditPodPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  return (
    <Suspense>
      <EditPod namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
