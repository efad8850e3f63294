import { expect, type Locator } from '@playwright/test';

/** The cell of `row` under the header that starts with `column` (case-insensitive) in `table`. */
export async function cellUnder(table: Locator, row: Locator, column: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text.trim().toLowerCase().startsWith(column.toLowerCase()));
  expect(index, `column ${column} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}
