import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CreateWorkspace } from '@/components/create/create-workspace';
import { ReadOnlyPage } from '@/components/shell/read-only-page';
import { manifestTemplates } from '@/lib/server/manifests/templates';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Create' };

export default function CreatePage() {
  if (getRuntime()?.auth?.readOnly) return <ReadOnlyPage what="Create" />;
  return (
    <Suspense>
      <CreateWorkspace templates={manifestTemplates()} />
    </Suspense>
  );
}
