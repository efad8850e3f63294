import Link from 'next/link';
import { EmptyState } from './empty-state';
import { PageTitle } from './page-title';

/** A section whose page is not built yet: says so plainly instead of showing made-up data. */
export function SectionPlaceholder({ title, plan }: { title: string; plan: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <EmptyState title={`${title} is not built yet`}>
        <p>{plan}</p>
        <p className="mt-2">
          Meanwhile, the <Link href="/pods" className="text-sky-700 hover:underline dark:text-sky-300">Pods</Link> workspace is live.
        </p>
      </EmptyState>
    </>
  );
}
