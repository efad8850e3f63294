import { OIDC_LOGIN_PATH } from '@/lib/contract/auth';

/**
 * oidc mode: one link to the identity provider (a plain link: it works before any script loads, and Enter
 * follows it). The console starts the flow there and, after the login, returns to `next`.
 */
export function OidcLogin({ next, providerName, error }: { next: string; providerName: string; error?: string }) {
  return (
    <div className="flex flex-col gap-3">
      <p id="login-help" className="text-sm text-slate-600 dark:text-slate-400">
        You log in at your team&apos;s identity provider and then act in the cluster as yourself, with your own permissions.
      </p>
      {error && (
        <p role="alert" className="whitespace-pre-wrap break-words rounded-md border border-rose-300 bg-rose-50 p-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          {error}
        </p>
      )}
      <a
        href={`${OIDC_LOGIN_PATH}?next=${encodeURIComponent(next)}`}
        aria-describedby="login-help"
        className="inline-flex items-center justify-center rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-2 focus:outline-offset-2 focus:outline-sky-600 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
      >
        {`Log in with ${providerName}`}
      </a>
    </div>
  );
}
