import pino from 'pino';

/**
 * The console's one structured logger: a JSON object a line on stdout, at `PILOTHOUSE_LOG_LEVEL` (default
 * `info`). Credentials never belong in a log line; the redaction below is the backstop, not the rule.
 */
export const log = pino({
  level: process.env.PILOTHOUSE_LOG_LEVEL ?? 'info',
  base: { service: 'pilothouse' },
  redact: {
    paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie', 'cookie', '*.cookie'],
    censor: '[redacted]',
  },
});

export type Logger = typeof log;
