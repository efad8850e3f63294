'use client';

import Link from 'next/link';
import { useState } from 'react';
import { accessAttributes } from '@/lib/k8s/access-attributes';
import { pods } from '@/lib/k8s/resources';
import type { Pod } from '@/lib/k8s/types';
import { useDeniedReason } from '@/lib/client/access';
import { ChangeNotice } from '@/components/resources/change-notice';
import { ResourceDialogs, type ResourceDialog } from '@/components/resources/resource-dialogs';
import { useChangeNotice } from '@/components/resources/use-change-notice';
import { WritesOnly } from '@/components/shell/read-only';
import { Button } from '@/components/ui/button';

const link = 'text-sm text-sky-700 hover:underline dark:text-sky-300';

/**
 * The pod page's writes: labels, annotations, Edit YAML (a PUT) and delete, each disabled with the reason
 * when a SelfSubjectAccessReview says no (pending or failed reviews leave it enabled: the server decides).
 * None in a read-only console.
 */
export function PodActions({ context, pod, editHref }: { context?: string; pod: Pod; editHref: string }) {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const patchDenied = useDeniedReason(context, accessAttributes(pods, 'patch', namespace));
  const updateDenied = useDeniedReason(context, accessAttributes(pods, 'update', namespace));
  const deleteDenied = useDeniedReason(context, accessAttributes(pods, 'delete', namespace));
  // Only the kind is kept: the editors act on the pod as it is now (its resourceVersion guards the patch).
  const [open, setOpen] = useState<'labels' | 'annotations' | 'delete'>();
  const changes = useChangeNotice([]);
  const dialog: ResourceDialog | undefined =
    open === 'delete' ? { kind: 'delete', scope: { kind: 'objects', objects: [{ namespace, name }] } }
    : open ? { kind: open, objects: [{ name, namespace, object: pod }] }
    : undefined;

  return (
    <WritesOnly>
      <div role="group" aria-label="Pod actions" className="ml-auto flex flex-wrap items-center gap-2">
        <Button disabledReason={patchDenied} onClick={() => setOpen('labels')}>Edit labels…</Button>
        <Button disabledReason={patchDenied} onClick={() => setOpen('annotations')}>Edit annotations…</Button>
        {updateDenied ? (
          // A link cannot be disabled: without an href it goes nowhere, and it stays focusable so its reason is read out.
          <a role="link" tabIndex={0} aria-disabled="true" title={updateDenied} className={`${link} cursor-not-allowed opacity-60 hover:no-underline`}>
            Edit YAML
          </a>
        ) : (
          <Link href={editHref} className={link}>Edit YAML</Link>
        )}
        <Button variant="danger" disabledReason={deleteDenied} onClick={() => setOpen('delete')}>Delete…</Button>
      </div>
      <ResourceDialogs context={context} descriptor={pods} dialog={dialog} onClose={() => setOpen(undefined)} onDone={changes.announce} />
      <ChangeNotice notice={changes.notice} onDismiss={changes.dismiss} />
    </WritesOnly>
  );
}
