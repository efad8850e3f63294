import { failureStatus, type K8sStatus } from '@/lib/contract/status';

/**
 * The most one socket (one browser tab) may hold at once. A page needs a handful of each; the limits keep
 * one client from taking the upstream connections and the memory every other user's live views need.
 */
export const SOCKET_LIMITS = {
  /** `watch:subscribe` subscriptions; each distinct target can cost one upstream watch. */
  watchSubscriptions: 100,
  /** `log:subscribe` streams; each is one upstream request for as long as it follows. */
  logStreams: 16,
  /** `exec:open` sessions; each is one upstream exec stream (a shell) for as long as it runs. */
  execSessions: 8,
} as const;

const NOUNS: Record<keyof typeof SOCKET_LIMITS, string> = {
  watchSubscriptions: 'watch subscriptions',
  logStreams: 'log streams',
  execSessions: 'exec sessions',
};

/** The refusal of a subscription past a limit: 429, as the API server answers a client over its share. */
export function limitStatus(what: keyof typeof SOCKET_LIMITS): K8sStatus {
  const limit = SOCKET_LIMITS[what];
  const noun = NOUNS[what];
  return failureStatus({
    code: 429,
    reason: 'TooManyRequests',
    message: `this connection already has ${limit} ${noun} open, the most one connection may hold (SOCKET_LIMITS.${what}); unsubscribe from one first`,
  });
}
