'use client';

import { useSearchParams } from 'next/navigation';
import { pods } from '@/lib/k8s/resources';
import { EditWorkspace } from './edit-workspace';

/** Edit YAML of one pod, with a way back to its page in the same context. */
export function EditPod({ namespace, name }: { namespace: string; name: string }) {
  const context = useSearchParams().get('context');
  const back = `/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}${context ? `?context=${encodeURIComponent(context)}` : ''}`;
  return <EditWorkspace descriptor={pods} namespace={namespace} name={name} backHref={back} />;
}
