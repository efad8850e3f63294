/** A table kubectl printed: its header names and one record per row, keyed by header. */
export interface PrintedTable {
  headers: string[];
  rows: Record<string, string>[];
}

/**
 * Reads a table that kubectl printed through its tabwriter. Columns are cut at the header's column
 * starts rather than at runs of spaces, because cells may be empty (`-L` prints "" for a missing label,
 * as cli-runtime's appendLabelCells does) and a split on whitespace would shift every later cell.
 * Blank lines separate the tables of `kubectl get all`; this reads only the first.
 */
export function parseTable(stdout: string): PrintedTable {
  return parseTables(stdout)[0] ?? { headers: [], rows: [] };
}

/** Every blank-line-separated table in kubectl's output (`get all` prints one per resource). */
export function parseTables(stdout: string): PrintedTable[] {
  return stdout
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(parseBlock);
}

function parseBlock(lines: string[]): PrintedTable {
  const [header = '', ...body] = lines;
  // A header cell starts at a non-space that follows two or more spaces (or the line start); header
  // names themselves hold at most single spaces ("NOMINATED NODE").
  const starts: number[] = [];
  const headers: string[] = [];
  const pattern = /(?:^|(?<=\s{2}))(\S+(?: \S+)*)/g;
  for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
    starts.push(match.index);
    headers.push(match[1] ?? '');
  }
  const rows = body.map((line) => {
    const row: Record<string, string> = {};
    headers.forEach((name, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : undefined;
      row[name] = line.slice(starts[i], end).trim();
    });
    return row;
  });
  return { headers, rows };
}

/** The NAME cell of every row, in printed order. */
export function names(table: PrintedTable): string[] {
  return table.rows.map((row) => row.NAME ?? '');
}
