import Link from 'next/link';
import { Suspense } from 'react';
import { ContextPicker } from './context-picker';
import { HeaderPickers } from './header-pickers';
import { LiveStatus } from './live-status';
import { NamespacePicker } from './namespace-picker';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';
import type { WhoAmI } from '@/lib/contract/auth';

/** `account`: the signed-in user in a team mode (none without login). */
export function AppHeader({ account }: { account?: WhoAmI } = {}) {
  return (
    <header className="flex h-14 items-center gap-6 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
      <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 fill-none stroke-sky-600 stroke-2 dark:stroke-sky-400">
          <circle cx="12" cy="12" r="8" />
          <path d="M12 2v4M12 18v4M2 12h4M18 12h4M12 12l3-3" strokeLinecap="round" />
        </svg>
        Pilothouse
      </Link>
      {/* A long namespace or context name would widen the header past a 1024 px window; the selects cap it. */}
      <div className="flex min-w-0 items-center gap-4 [&_select]:max-w-64">
        {/* The pickers read the URL; until it is known they render as empty, disabled selects. */}
        <Suspense fallback={<><ContextPicker contexts={[]} /><NamespacePicker namespaces={[]} /></>}>
          <HeaderPickers />
        </Suspense>
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-4">
        <LiveStatus />
        <ThemeSwitch />
        {account && <UserMenu account={account} />}
      </div>
    </header>
  );
}
