'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useReadOnly } from './read-only';

const SECTIONS = [
  { href: '/pods', label: 'Pods', icon: 'M4 7l8-4 8 4-8 4-8-4zm0 5l8 4 8-4M4 17l8 4 8-4' },
  { href: '/namespaces', label: 'Namespaces', icon: 'M3 5h7v6H3zM14 5h7v6h-7zM3 15h7v4H3zM14 15h7v4h-7z' },
  { href: '/nodes', label: 'Nodes', icon: 'M4 4h16v6H4zM4 14h16v6H4zM7 7h.01M7 17h.01' },
  { href: '/scheduling', label: 'Scheduling', icon: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 9a3 3 0 100 6 3 3 0 000-6z' },
  { href: '/create', label: 'Create', icon: 'M12 5v14M5 12h14', write: true },
] as const;

export function SidebarNav() {
  const pathname = usePathname();
  const readOnly = useReadOnly();
  return (
    <nav aria-label="Sections" className="flex flex-col gap-1 p-3">
      {SECTIONS.filter((section) => !(readOnly && 'write' in section)).map(({ href, label, icon }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-200/70 aria-[current=page]:bg-sky-100 aria-[current=page]:font-medium aria-[current=page]:text-sky-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-200"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 fill-none stroke-current stroke-2">
              <path d={icon} strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
