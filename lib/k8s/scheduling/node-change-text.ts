/**
 * A what-if node change written as the arguments kubectl takes for it, so it can stand in a URL and be
 * read by a person: `gpu=true` / `gpu-` (label), `taint dedicated=gpu:NoSchedule` / `taint dedicated:NoSchedule-`,
 * `cordon`, `uncordon`.
 */

import type { NodeChange } from '@/lib/k8s/scheduling/what-if';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

const TAINT = /^([^=:\s]+)(?:=([^:\s]*))?:([A-Za-z]+)(-?)$/;
const LABEL_SET = /^([^=\s]+)=(\S*)$/;
const LABEL_REMOVE = /^([^=\s]+)-$/;

/** The text of a change, as `parseNodeChange` reads it. */
export function nodeChangeText(change: NodeChange): string {
  switch (change.kind) {
    case 'label':
      return change.value === null ? `${change.key}-` : `${change.key}=${change.value}`;
    case 'taint': {
      const { key, value, effect } = change.taint;
      return `taint ${key}${value ? `=${value}` : ''}:${effect}${change.remove ? '-' : ''}`;
    }
    case 'cordon':
      return change.unschedulable ? 'cordon' : 'uncordon';
  }
}

/** Reads a change; an error message names what is wrong. */
export function parseNodeChange(text: string): { ok: true; change: NodeChange } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === 'cordon' || trimmed === 'uncordon') return { ok: true, change: { kind: 'cordon', unschedulable: trimmed === 'cordon' } };
  if (trimmed.startsWith('taint ')) {
    const match = TAINT.exec(trimmed.slice('taint '.length).trim());
    if (!match) return { ok: false, message: 'a taint is key=value:Effect (or key:Effect- to remove it)' };
    const [, key, value, effect, remove] = match;
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) return { ok: false, message: `unsupported taint effect "${effect}": NoSchedule, PreferNoSchedule or NoExecute` };
    return { ok: true, change: { kind: 'taint', taint: { key, ...(value ? { value } : {}), effect }, ...(remove ? { remove: true } : {}) } };
  }
  const set = LABEL_SET.exec(trimmed);
  if (set) return { ok: true, change: { kind: 'label', key: set[1], value: set[2] } };
  const remove = LABEL_REMOVE.exec(trimmed);
  if (remove) return { ok: true, change: { kind: 'label', key: remove[1], value: null } };
  return { ok: false, message: 'a change is key=value or key- (label), taint key=value:Effect, cordon or uncordon' };
}
