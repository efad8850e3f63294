import { EmptyState } from '@/components/ui/empty-state';

/** What a write page (Create, Edit YAML) shows in a read-only console instead of its editor. */
export function ReadOnlyPage({ what }: { what: string }) {
  return (
    <EmptyState title={`${what} is off`}>
      This console is read-only (<code>PILOTHOUSE_READ_ONLY=true</code>): it sends no change to any cluster.
    </EmptyState>
  );
}
