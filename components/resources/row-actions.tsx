import { Button } from '@/components/ui/button';

/** A row's Labels, Annotations and Delete buttons, named after the object for screen readers. */
export function RowActions({ name, onLabels, onAnnotations, onDelete }: { name: string; onLabels: () => void; onAnnotations: () => void; onDelete: () => void }) {
  return (
    <div className="flex justify-end gap-0.5 text-xs [&>button]:px-2 [&>button]:py-1 [&>button]:text-xs">
      <Button variant="ghost" aria-label={`Edit labels of ${name}`} onClick={onLabels}>Labels</Button>
      <Button variant="ghost" aria-label={`Edit annotations of ${name}`} onClick={onAnnotations}>Annotations</Button>
      <Button variant="ghost" aria-label={`Delete ${name}`} onClick={onDelete}>Delete</Button>
    </div>
  );
}
