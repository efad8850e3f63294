/** One line of a diff: kept, only in theirs (`-`), or only in yours (`+`). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/**
 * A line diff of two texts by longest common subsequence, as `diff -u` shows it without hunks: enough to
 * see what someone else changed against what the user typed. Quadratic in lines, which manifests bear.
 */
export function lineDiff(theirs: string, yours: string): DiffLine[] {
  const a = theirs.split('\n');
  const b = yours.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ op: '+', text: b[j++] });
    else out.push({ op: '-', text: a[i++] });
  }
  return out;
}
