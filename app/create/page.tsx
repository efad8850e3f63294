import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Create' };

export default function CreatePage() {
  return (
    <>
      <PageTitle>Create</PageTitle>
      <EmptyState title="No cluster connected yet">
        Pilothouse will list what your cluster holds here once cluster access is set up.
      </EmptyState>
    </>
  );
}
