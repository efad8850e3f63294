'use client';

import { useState } from 'react';
import { shownText, typeDraft, type Draft } from '@/lib/client/url-view-state';

/**
 * A text box over a URL value. The box shows what was typed while the URL still holds the value it was
 * typed against, and follows the URL otherwise; valid new text is passed to `onValue` in its URL form.
 */
export function useDraft(options: { value: string; onValue: (value: string) => void; isValid?: (text: string) => boolean; normalize?: (text: string) => string }) {
  const { value, onValue, isValid, normalize } = options;
  const [draft, setDraft] = useState<Draft>();
  const text = shownText(draft, value);
  const type = (typed: string) => {
    const result = typeDraft({ text: typed, value, valid: isValid ? isValid(typed) : true, normalize });
    setDraft(result.draft);
    if (result.send !== undefined) onValue(result.send);
  };
  return [text, type] as const;
}
