interface LabelChipProps {
  name: string;
  value: string;
  /** In a label column the header names the key, so the chip shows just the value, as kubectl's `-L` does. */
  valueOnly?: boolean;
  onPick?: (name: string, value: string) => void;
}

/** One label as `key=value`, rendered as text; clicking it adds it to the selector. */
export function LabelChip({ name, value, valueOnly = false, onPick }: LabelChipProps) {
  const pair = `${name}=${value}`;
  const text = valueOnly ? value : pair;
  if (!onPick) return <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{text}</span>;
  return (
    <button
      type="button"
      title={`Filter by ${pair}`}
      aria-label={`Filter by label ${pair}`}
      onClick={() => onPick(name, value)}
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs hover:bg-sky-100 hover:text-sky-900 dark:bg-slate-800 dark:hover:bg-sky-900 dark:hover:text-sky-100"
    >
      {text}
    </button>
  );
}
