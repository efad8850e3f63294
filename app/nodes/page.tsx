import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/ui/section-placeholder';

export const metadata: Metadata = { title: 'Nodes' };

export default function NodesPage() {
  return <SectionPlaceholder title="Nodes" plan="It will show nodes with their labels and a scheduling preview: which nodes a pod would land on, and why not." />;
}
