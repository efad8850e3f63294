import { applyJsonPatch } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { applyStrategicMergePatch } from './strategic-merge-patch';

/** The patch media types this server accepts, in the order the real server lists them. */
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/strategic-merge-patch+json',
];

/** Applies a patch of the given media type; returns undefined for a type this server does not apply. */
export function applyPatch(type: string, original: unknown, patch: unknown): unknown {
  switch (type) {
    case 'application/json-patch+json':
      return applyJsonPatch(original, patch);
    case 'application/merge-patch+json':
      return applyMergePatch(original, patch);
    case 'application/strategic-merge-patch+json':
      return applyStrategicMergePatch(original, patch);
    default:
      return undefined;
  }
}

export { PatchError } from './json-patch';
