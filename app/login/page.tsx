import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeReturnPath } from '@/lib/contract/return-path';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  // Only token mode logs in here: without login there is nothing to do, and behind a proxy the proxy logs in.
  if (getRuntime()?.auth?.mode !== 'token') redirect(next);
  return (
    <div className="mx-auto mt-16 w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Log in to Pilothouse</h1>
      <LoginForm next={next} />
    </div>
  );
}
