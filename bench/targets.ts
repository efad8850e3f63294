/** One line of the report's targets table: what is measured, what issue 16 asks of it, what the run gave. */
export interface TargetRow {
  measure: string;
  target: string;
  measured: string;
  met: boolean;
}

// A `|` inside a cell would end it early in Markdown.
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The rows as a Markdown table `| measure | target | measured | met |`, met as yes/no. */
export function targetsTable(rows: readonly TargetRow[], heading = 'measure'): string {
  return [
    `| ${cell(heading)} | target | measured | met |`,
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${cell(row.measure)} | ${cell(row.target)} | ${cell(row.measured)} | ${row.met ? 'yes' : 'no'} |`),
  ].join('\n');
}
