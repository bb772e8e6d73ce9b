import { parse } from 'csv-parse/sync';
import type { LoadedContent } from '../../document/model.js';
import { tableFromGrid } from '../../document/table.js';

/**
 * Reads a CSV file as a document holding one table: its first row the column headers, its first
 * column the row labels. The delimiter may be a comma, a semicolon or a tab.
 *
 * @throws {Error} with csv-parse's message (naming the line) when the file is not CSV.
 */
export function loadCsv(text: string): LoadedContent {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const grid = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const table = tableFromGrid(grid, { headerRows: 1 });
  return { blocks: table ? [table] : [], meta: {} };
}
