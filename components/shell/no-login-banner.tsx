/** Shown on every page when `PILOTHOUSE_AUTH=none` serves the console, without login, on an address others reach. */
export function NoLoginBanner() {
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <strong className="font-semibold">No login:</strong> this console is reachable from other machines and everyone who reaches it acts with
      its own cluster credentials (<code>PILOTHOUSE_AUTH=none</code>). Set <code>PILOTHOUSE_AUTH=token</code> or <code>proxy</code> to make each
      user act as themselves.
    </div>
  );
}
