'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { login } from '@/lib/client/auth-session';

/**
 * Takes a bearer token and logs in. The console checks it with the cluster and keeps it only in the sealed
 * session cookie; on success the browser goes to `next`, the page the user first asked for.
 */
export function LoginForm({ next }: { next: string }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      window.location.assign(await login(token, next));
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-describedby="login-help">
      <label htmlFor="login-token" className="text-sm font-medium">
        Bearer token
      </label>
      <textarea
        id="login-token"
        name="token"
        required
        rows={5}
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(event) => setToken(event.target.value)}
        className="rounded-md border border-slate-300 bg-white p-2 font-mono text-xs text-slate-900 focus:outline-2 focus:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      />
      <p id="login-help" className="text-xs text-slate-600 dark:text-slate-400">
        A token the cluster accepts: a service account&apos;s (<code>kubectl create token NAME</code>) or an OpenID Connect ID token. You act
        with its permissions.
      </p>
      {error && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy || token.trim() === ''}>
        {busy ? 'Logging in…' : 'Log in'}
      </Button>
    </form>
  );
}
