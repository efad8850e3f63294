'use client';

import { useEffect, useState } from 'react';
import type { WhoAmI } from '@/lib/contract/auth';
import { loginIfSessionEnded, logout } from '@/lib/client/auth-session';
import { getSocket } from '@/lib/client/socket';

/**
 * Who is using the console (team modes), as the cluster knows them, and logout. A `<details>` disclosure:
 * keyboard and screen readers get its open/closed state for free. Behind an authenticating proxy the
 * proxy's own session is the one to end, so there is no logout here.
 */
export function UserMenu({ account }: { account: WhoAmI }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const socket = getSocket();
    // `io server disconnect`: the server closed it (logout elsewhere, expiry); a refused handshake is a connect_error.
    const onDisconnect = (reason: string) => reason === 'io server disconnect' && void loginIfSessionEnded();
    const onError = () => void loginIfSessionEnded();
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onError);
    return () => {
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onError);
    };
  }, []);
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await logout();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  const groups = account.groups.filter((group) => group !== 'system:authenticated');
  return (
    <details className="relative" onKeyDown={(event) => event.key === 'Escape' && event.currentTarget.removeAttribute('open')}>
      <summary
        aria-label={`Account: ${account.username}`}
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-sky-100 text-xs font-semibold uppercase text-sky-800 dark:bg-sky-900 dark:text-sky-100">
          {account.username.replace(/^system:serviceaccount:[^:]*:/, '').slice(0, 1)}
        </span>
        {/* Narrow windows: a long name (a service account's) must leave the pickers their room; the menu shows it whole. */}
        <span className="max-w-28 truncate xl:max-w-48">{account.username}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <dl className="space-y-2">
          <div>
            <dt className="text-xs text-slate-500 dark:text-slate-400">Signed in as</dt>
            <dd className="break-all font-medium">{account.username}</dd>
          </div>
          {account.email && (
            <div>
              <dt className="text-xs text-slate-500 dark:text-slate-400">Email</dt>
              <dd className="break-all">{account.email}</dd>
            </div>
          )}
          <div>
            <dt className="text-xs text-slate-500 dark:text-slate-400">Groups</dt>
            <dd className="break-all">{groups.length > 0 ? groups.join(', ') : 'none'}</dd>
          </div>
        </dl>
        {account.mode !== 'proxy' ? (
          <button
            type="button"
            onClick={end}
            disabled={busy}
            className="mt-3 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {busy ? 'Logging out…' : 'Log out'}
          </button>
        ) : (
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Signed in through the authenticating proxy.</p>
        )}
        {error && (
          <p role="alert" className="mt-2 text-xs text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
