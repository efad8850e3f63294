import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { AppHeader } from '@/components/shell/app-header';
import { NoLoginBanner } from '@/components/shell/no-login-banner';
import { ReadOnlyBanner, ReadOnlyProvider } from '@/components/shell/read-only';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { ThemeSwitch } from '@/components/shell/theme-switch';
import { themeBootScript } from '@/lib/client/theme';
import { nonceOf } from '@/lib/server/http/security-headers';
import { getRuntime } from '@/lib/server/runtime';
import { IDENTITY_REF_HEADER } from '@/lib/server/auth/identity';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pilothouse', template: '%s · Pilothouse' },
  description: 'A web console for Kubernetes',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The custom server puts this request's policy, with its script nonce, on the request; Next gives its own
  // scripts the same nonce, and the theme script needs it too. Reading it renders every page per request,
  // which a nonce requires anyway.
  const requestHeaders = await headers();
  const nonce = nonceOf(requestHeaders.get('content-security-policy'));
  // In a team mode only the login page renders without a session, and it gets no shell: the shell's
  // pickers and live channel would all be refused.
  const runtime = getRuntime();
  const mode = runtime?.auth?.mode ?? 'none';
  const ref = requestHeaders.get(IDENTITY_REF_HEADER);
  const identity = ref ? runtime?.identities?.get(ref) : undefined;
  const bare = mode !== 'none' && !identity;
  const account = identity && { mode, username: identity.username, groups: identity.groups, ...(identity.email ? { email: identity.email } : {}) };
  return (
    // The theme script sets the `dark` class before React hydrates; that difference is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen antialiased">
        <Providers>
          <ReadOnlyProvider readOnly={runtime?.auth?.readOnly === true}>
          {bare ? (
            <main className="flex min-h-screen flex-col p-6">
              <div className="flex justify-end">
                <ThemeSwitch />
              </div>
              {children}
            </main>
          ) : (
            <div className="flex min-h-screen flex-col">
              {runtime?.auth?.exposedWithoutLogin && <NoLoginBanner />}
              {runtime?.auth?.readOnly && <ReadOnlyBanner />}
              <AppHeader account={account} />
              <div className="flex flex-1">
                <aside className="w-52 shrink-0 border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
                  <SidebarNav />
                </aside>
                <main className="min-w-0 flex-1 p-6">{children}</main>
              </div>
            </div>
          )}
          </ReadOnlyProvider>
        </Providers>
      </body>
    </html>
  );
}
