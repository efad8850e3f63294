import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { OidcLogin } from '@/components/auth/oidc-login';
import { LOGIN_ERROR_COOKIE } from '@/lib/contract/auth';
import { safeReturnPath } from '@/lib/contract/return-path';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Log in' };

/** The reason the last oidc login failed, set by the console's callback for a minute. */
async function loginError(): Promise<string | undefined> {
  const value = (await cookies()).get(LOGIN_ERROR_COOKIE)?.value;
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  const auth = getRuntime()?.auth;
  // Only token and oidc mode log in here: without login there is nothing to do, and behind a proxy the proxy logs in.
  if (auth?.mode !== 'token' && auth?.mode !== 'oidc') redirect(next);
  return (
    <div className="mx-auto mt-16 w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Log in to Pilothouse</h1>
      {auth.mode === 'oidc' ? <OidcLogin next={next} providerName={auth.providerName ?? 'your identity provider'} error={await loginError()} /> : <LoginForm next={next} />}
    </div>
  );
}
