import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EditPod } from '@/components/create/edit-pod';
import { ReadOnlyPage } from '@/components/shell/read-only-page';
import { getRuntime } from '@/lib/server/runtime';

type Params = Promise<{ namespace: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await params;
  return { title: `Edit ${decodeURIComponent(name)} · Pods` };
}

export default async function EditPodPage({ params }: { params: Params }) {
  const { namespace, name } = await params;
  if (getRuntime()?.auth?.readOnly) return <ReadOnlyPage what="Edit YAML" />;
  return (
    <Suspense>
      <EditPod namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
