/**
 * What kubectl prints after a change, so the console confirms one in the words a kubectl user knows:
 * `pod/kubia-manual labeled`, `pod/kubia-manual annotated`, `pod "kubia-gpu" deleted`.
 */
import type { MetadataEdits, MetadataMap } from '@/lib/k8s/metadata-change';

/** A kind as kubectl names it in messages: the singular resource, then the group for a non-core one (`deployment.apps`). */
export interface OutcomeKind {
  singular: string;
  group: string;
}

const typeName = (kind: OutcomeKind) => (kind.group ? `${kind.singular}.${kind.group}` : kind.singular);

/** The map after the edits, as the server will hold it. */
function edited(current: Record<string, string>, edits: MetadataEdits): Record<string, string> {
  const next = { ...current, ...edits.set };
  for (const key of edits.remove) delete next[key];
  return next;
}

const sameMap = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/**
 * `kubectl label` / `kubectl annotate`'s line for one object. kubectl annotate always says `annotated`.
 * kubectl label says `not labeled` when nothing changed, and `unlabeled` when, without --overwrite, the
 * object's JSON got shorter (its `updateDataChangeMsg` compares lengths, so adding one key while removing
 * a longer one still reads `unlabeled`); otherwise `labeled`.
 */
export function metadataOutcome(options: { kind: OutcomeKind; name: string; map: MetadataMap; current?: Record<string, string>; edits: MetadataEdits }): string {
  const { kind, name, map, edits } = options;
  const subject = `${typeName(kind)}/${name}`;
  if (map === 'annotations') return `${subject} annotated`;
  const before = options.current ?? {};
  const after = edited(before, edits);
  if (sameMap(before, after)) return `${subject} not labeled`;
  if (!edits.overwrite && JSON.stringify(after).length < JSON.stringify(before).length) return `${subject} unlabeled`;
  return `${subject} labeled`;
}

/** `kubectl delete`'s line for one object. */
export function deleteOutcome(kind: OutcomeKind, name: string): string {
  return `${typeName(kind)} "${name}" deleted`;
}
