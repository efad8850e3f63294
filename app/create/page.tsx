import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CreateWorkspace } from '@/components/create/create-workspace';
import { manifestTemplates } from '@/lib/server/manifests/templates';

export const metadata: Metadata = { title: 'Create' };

export default function CreatePage() {
  return (
    <Suspense>
      <CreateWorkspace templates={manifestTemplates()} />
    </Suspense>
  );
}
