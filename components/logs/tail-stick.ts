/** Within this many pixels of the bottom counts as "at the tail". */
export const STICK_THRESHOLD = 8;

export interface ScrollSample {
  /** Whether the view follows the tail now. */
  stick: boolean;
  /** `scrollTop` when this scroll event fires. */
  top: number;
  /** `scrollTop` the view last saw or set itself. */
  lastTop: number;
  /** Pixels between the bottom of the view and the bottom of the content. */
  fromBottom: number;
}

/**
 * Whether the view follows the tail after a scroll event. Reaching the bottom always follows; only a move up
 * stops following. A scroll event fires a frame after the scroll it reports, and by then new lines or a notice
 * above the view may have moved the bottom away from a scroll the view made itself: that is not the reader
 * leaving the tail.
 */
export function stickAfterScroll({ stick, top, lastTop, fromBottom }: ScrollSample): boolean {
  if (fromBottom <= STICK_THRESHOLD) return true;
  if (top < lastTop) return false;
  return stick;
}
