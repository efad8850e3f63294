import { pino, type DestinationStream, type Logger } from 'pino';

/** `PILOTHOUSE_LOG_LEVEL`: pino's levels, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * What an error says in a log line: its type, message, code, stack and cause, and nothing else. pino's
 * standard serializer copies every enumerable property, and client-node's errors carry the request they
 * failed on, headers (Authorization) included.
 */
export function errorFields(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
    ...(error.cause !== undefined && depth < 3 ? { cause: errorFields(error.cause, depth + 1) } : {}),
  };
}

/**
 * The server's own log: one JSON object per line on stdout (`level`, `time`, `msg`, and `reqId` on a
 * request's lines). Written synchronously, like the audit lines beside it, so the two never interleave
 * mid-line and a line is not lost when the process exits.
 */
export function createServerLog(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    { level: options.level, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: errorFields } },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The one logger of this process; its level is set from the configuration at start. */
export const serverLog = createServerLog({ level: 'info' });

type ConsoleLike = Pick<Console, 'log' | 'info' | 'warn' | 'error'>;

/**
 * `logger` with a Console's methods, for the parts of the server that take a `log` option: strings become
 * the message, an Error the `err` field. Anything else is written as `String(value)`, so no object is
 * dumped with whatever credentials it holds.
 */
export function asConsole(logger: Logger): ConsoleLike {
  const at = (level: 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const msg = args.filter((arg) => arg !== err).map((arg) => String(arg).replace(/:$/, '')).join(' ');
    if (err) logger[level]({ err }, msg);
    else logger[level](msg);
  };
  return { log: at('info'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** `serverLog` as a Console, the default `log` of the server's parts. */
export const serverConsole = asConsole(serverLog);
