import { stringify } from 'yaml';
import type { ResourceDescriptor } from './resources';
import { withTypeMeta } from './type-meta';

interface Editable {
  metadata?: { managedFields?: unknown; resourceVersion?: string } & Record<string, unknown>;
  status?: unknown;
}

/**
 * An object as the Edit page shows it: without `metadata.managedFields` (the server keeps them when a
 * replace leaves them out) and without `status` (a replace of the main resource ignores it), so the text
 * is the part a user edits, with the kind's apiVersion and kind. `resourceVersion` stays: it guards the replace against a concurrent change.
 */
export function editableText(descriptor: Pick<ResourceDescriptor, 'group' | 'version' | 'kind'>, object: Editable): string {
  const { status: _status, ...rest } = withTypeMeta(descriptor, object);
  const { managedFields: _managed, ...metadata } = object.metadata ?? {};
  return stringify({ ...rest, metadata }, { lineWidth: 0 });
}

/** The text with its `metadata.resourceVersion` set to another one (to save over a newer version on purpose). */
export function withResourceVersion(text: string, resourceVersion: string): string {
  return text.replace(/^(  resourceVersion:[ \t]*).*$/m, `$1${JSON.stringify(resourceVersion)}`);
}
