'use client';

import { useEffect, useMemo, useState } from 'react';

/** What a write did: kubectl's line per object, and the objects, to point at them in the list. */
export interface ChangeOutcome {
  lines: string[];
  objects: { namespace?: string; name: string }[];
}

export interface ChangeNotice extends ChangeOutcome {
  id: number;
}

/** How long the changed rows stay marked, and the notice in view (long enough to be read). */
const HIGHLIGHT_MS = 4000;
const NOTICE_MS = 12_000;

const NONE: ReadonlySet<string> = new Set();

let nextId = 0;
const objectKey = (o: { namespace?: string; name: string }) => `${o.namespace ?? ''}/${o.name}`;

/**
 * The last change's notice and which rows it touched: the rows are marked briefly, the notice stays a
 * little longer (or until dismissed). A new change replaces the previous one.
 */
export function useChangeNotice<R extends { uid: string; name: string; namespace?: string }>(rows: Iterable<R>) {
  const [notice, setNotice] = useState<ChangeNotice>();
  const [marking, setMarking] = useState(false);

  useEffect(() => {
    if (!notice) return;
    const unmark = setTimeout(() => setMarking(false), HIGHLIGHT_MS);
    const dismiss = setTimeout(() => setNotice((current) => (current?.id === notice.id ? undefined : current)), NOTICE_MS);
    return () => {
      clearTimeout(unmark);
      clearTimeout(dismiss);
    };
  }, [notice]);

  // Nothing marked (nearly always): no pass over the rows, which may be 50,000, on every render.
  const highlighted = useMemo<ReadonlySet<string>>(() => {
    if (!marking || !notice || notice.objects.length === 0) return NONE;
    const keys = new Set(notice.objects.map(objectKey));
    const marked = new Set<string>();
    for (const row of rows) if (keys.has(objectKey(row))) marked.add(row.uid);
    return marked;
  }, [marking, notice, rows]);

  return {
    notice,
    highlighted,
    announce: (outcome: ChangeOutcome) => {
      setNotice({ ...outcome, id: ++nextId });
      setMarking(true);
    },
    dismiss: () => setNotice(undefined),
  };
}
