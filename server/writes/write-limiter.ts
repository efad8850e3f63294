import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { BffError } from '@/lib/server/errors';

export interface WriteLimiter {
  /** Counts one write for `who`; past the limit throws a `TooManyRequests` BffError with `retryAfterSeconds`. */
  consume(who: string): Promise<void>;
}

/** A refused write: the seconds until the next one is allowed, for the Retry-After header. */
export class WriteRateLimited extends BffError {
  constructor(readonly retryAfterSeconds: number, perMinute: number) {
    super('TooManyRequests', `too many writes: at most ${perMinute} a minute (PILOTHOUSE_WRITE_RATE_LIMIT); try again in ${retryAfterSeconds} s`);
  }
}

/**
 * Limits writes per session identity (a token mode's token, a proxied user), so one browser tab or script cannot flood the API server through the console. In memory: each
 * replica counts its own.
 */
export function createWriteLimiter(perMinute: number): WriteLimiter {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async consume(who) {
      try {
        await limiter.consume(who);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw new WriteRateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), perMinute);
      }
    },
  };
}
