// Characters a POSIX shell passes through untouched; anything else gets single quotes.
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one argument for a POSIX shell, only when it needs it (`env=prod` stays bare, `!env` does not). */
export function shellQuote(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Joins arguments into a command line a user can paste. */
export function shellJoin(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}
