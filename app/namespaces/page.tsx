import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageTitle } from '@/components/ui/page-title';

export const metadata: Metadata = { title: 'Namespaces' };

export default function NamespacesPage() {
  return (
    <>
      <PageTitle>Namespaces</PageTitle>
      <EmptyState title="No cluster connected yet">
        Pilothouse will list what your cluster holds here once cluster access is set up.
      </EmptyState>
    </>
  );
}
