import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/ui/section-placeholder';

export const metadata: Metadata = { title: 'Namespaces' };

export default function NamespacesPage() {
  return <SectionPlaceholder title="Namespaces" plan="It will list namespaces, create them, and delete them with a preview of what goes with them." />;
}
