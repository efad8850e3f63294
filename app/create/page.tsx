import type { Metadata } from 'next';
import { SectionPlaceholder } from '@/components/ui/section-placeholder';

export const metadata: Metadata = { title: 'Create' };

export default function CreatePage() {
  return <SectionPlaceholder title="Create" plan="It will create objects from a YAML or JSON manifest, with schema validation and field documentation." />;
}
