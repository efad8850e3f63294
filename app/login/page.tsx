import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { safeReturnPath } from '@/lib/contract/return-path';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <div className="mx-auto mt-16 w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h1 className="mb-4 text-xl font-semibold tracking-tight">Log in to Pilothouse</h1>
      <LoginForm next={safeReturnPath(Array.isArray(next) ? next[0] : next)} />
    </div>
  );
}
