import type { TableBlock, TableRow } from './model.js';
import { foldSpaces } from './normalise.js';

/**
 * A header text that only gives a unit: `$ million`, `$'000`, `%`, `(in thousands)`, `US$m`, `€bn`.
 * Digits other than `000` mean a value or a year, not a unit.
 */
const UNIT_ONLY =
  /^\(?\s*(?:in\s+)?(?:(?:US|HK|A|C|S)?\$|€|£|¥|RMB|USD|EUR|GBP|CNY|HKD)?\s*(?:'?000s?|thousands?|millions?|billions?|m|mn|bn|k)?\s*(?:%|percent|per cent)?\s*\)?$/i;

/** True when `text` names a unit (and nothing else), e.g. `$ million` or `%`. */
export function isUnitText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && /[$€£¥%a-z]/i.test(trimmed) && UNIT_ONLY.test(trimmed);
}

/**
 * A unit named inside a caption or a sentence introducing a table: `(in millions, except
 * percentages)`, `in $ million`, `(€'000)`, `US$ thousands`.
 *
 * @example
 * unitInText('Expenses are summarized in the following table (in millions, except percentages):') // → 'millions'
 */
export function unitInText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const bracketed =
    /\(\s*((?:(?:US|HK)?\$|€|£|¥|RMB)\s*(?:'000|m|bn|thousands?|millions?|billions?)?)\s*\)/i.exec(text);
  if (bracketed?.[1]) return bracketed[1].trim();
  const scaleWord =
    /(?:^|[\s(])(?:in\s+)?((?:(?:US|HK)?\$|€|£|¥|RMB|USD|EUR|GBP)?\s*(?:thousands?|millions?|billions?))\b/i.exec(
      text,
    );
  return scaleWord?.[1]?.trim();
}

/** True when a cell holds a number (possibly negative in brackets, with a currency or a percent). */
export function isNumericCell(cell: string): boolean {
  return /^\(?[-−–]?\s*(?:[$€£¥]|US\$|RMB)?\s*\d[\d,]*(?:\.\d+)?\s*%?\)?\s*[a-z]{0,3}\)?$/i.test(cell.trim());
}

/** A year or a date standing as a column header: `2019`, `Fiscal 2018`, `June 30, 2019`. */
const HEADER_VALUE = /^(?:\D{0,20}\b)?(?:19|20)\d{2}(?:\s*\(\w+\))?$/;

/** A label-column cell that only says what unit the table is in: `($ in millions)`, `(in thousands of $)`. */
function isUnitNote(cell: string): boolean {
  return isUnitText(cell) || (/^\(.*\)$/.test(cell) && unitInText(cell) !== undefined);
}

/**
 * True when no value column of the header rows has a name yet: their cells are empty, units, or
 * bracketed notes such as a unit this reader does not know (`(₹ lakh)`).
 */
function namesNoColumn(header: readonly string[][]): boolean {
  return header.every((row) =>
    row.slice(1).every((cell) => cell === '' || isUnitNote(cell) || /^\([^()]*\)$/.test(cell)),
  );
}

/**
 * True when a row under the header continues it rather than starting the data: its value cells
 * hold only units, years or words, and it has no label, or a label that only gives the unit
 * (`($ in millions) | 2019 | 2018`), or the header above names no column at all (a first row of
 * only a unit, then `Particulars | Fees | Commission`). Annual reports' tables often have two or
 * three such header rows.
 */
function continuesHeader(row: string[], header: readonly string[][]): boolean {
  const cells = row.slice(1).filter((cell) => cell !== '');
  if (cells.length === 0) return false;
  if (!cells.every((cell) => isUnitText(cell) || !isNumericCell(cell) || HEADER_VALUE.test(cell)))
    return false;
  const label = row[0] ?? '';
  return label === '' || isUnitNote(label) || namesNoColumn(header) || namesColumnsUnder(row, header);
}

/**
 * True when a labelled row names every column the header above left unnamed, with words, periods
 * or units and no value: `Region | 2017 | 2018 | 2019` under a spanning `Years Ended December 31,`,
 * or `Contractual Obligations | Total | Less than 1 Year` under `Payments Due By Period`. Its label
 * then names the label column, and the row is no data.
 */
function namesColumnsUnder(row: readonly string[], header: readonly string[][]): boolean {
  const unnamed = row
    .slice(1)
    .map((_, i) => i + 1)
    .filter((c) => header.every((above) => (above[c] ?? '') === '' || isUnitText(above[c] ?? '')));
  return unnamed.length > 0 && unnamed.every((c) => (row[c] ?? '') !== '' && !isUnitText(row[c] ?? ''));
}

/**
 * A header cell followed by empty ones spans them when the header row below fills those columns
 * (`June 30,` over `2019 | 2018`): the empty cells take its text.
 */
function spreadSpanningHeaders(header: string[][]): void {
  header.forEach((row, r) => {
    const below = header.slice(r + 1);
    const filledBelow = (c: number) => below.some((lower) => (lower[c] ?? '') !== '');
    const periodBelow = (c: number) => below.some((lower) => HEADER_VALUE.test(lower[c] ?? ''));
    // One name alone over periods spans them all, wherever it stands: tables converted from PDF
    // or HTML centre it (`|  | Years Ended December 31, |  |` over `2019 | 2018 | 2017`).
    const cells = row.slice(1).filter((cell) => cell !== '');
    const spanning =
      cells.length > 0 && cells.every((cell) => cell === cells[0] && !isUnitText(cell))
        ? cells[0]
        : undefined;
    for (let c = 1; c < row.length; c++) {
      if (row[c] !== '' || !filledBelow(c)) continue;
      const left = row[c - 1] ?? '';
      if (spanning && periodBelow(c)) row[c] = spanning;
      else if (c > 1 && left !== '' && !isUnitText(left)) row[c] = left;
    }
  });
}

/** How a grid of cells is read: how many rows at its top are headers, and its caption. */
export interface GridOptions {
  headerRows?: number;
  caption?: string;
}

/**
 * Reads a grid of cells (first column: row labels) as a table: header rows joined into column
 * headers, unit-only header rows (`$ million`) taken as the columns' units, label-only rows kept as
 * the group of the rows below them, empty rows dropped.
 *
 * @example
 * tableFromGrid([['', '2019', '2018'], ['', '$ million', '$ million'], ['Americas', '196.9', '184.6']], { headerRows: 1 })
 * // → { kind: 'table', columns: ['2019', '2018'], units: ['$ million', '$ million'],
 * //     rows: [{ label: 'Americas', cells: ['196.9', '184.6'] }] }
 */
export function tableFromGrid(grid: string[][], options: GridOptions = {}): TableBlock | undefined {
  const width = Math.max(0, ...grid.map((row) => row.length));
  if (width < 2) return undefined;
  const rows = grid.map((row) => Array.from({ length: width }, (_, i) => foldSpaces(row[i] ?? '')));
  let headerCount = Math.min(options.headerRows ?? 1, rows.length);
  // Rows right under the header with no label and no value continue the header: units
  // (`$ million`), or the years under a spanning `June 30,`.
  while (headerCount < rows.length && continuesHeader(rows[headerCount] ?? [], rows.slice(0, headerCount)))
    headerCount++;
  const header = rows.slice(0, headerCount);
  spreadSpanningHeaders(header);
  // A unit written in the label column's header (`$ million | 2019 | 2018`) is every column's.
  const corner = header.map((row) => row[0] ?? '').find((cell) => isUnitNote(cell));
  const cornerUnit = corner && (isUnitText(corner) ? corner : unitInText(corner));
  const captionUnit = cornerUnit ?? unitInText(options.caption);
  const columns: string[] = [];
  const units: Array<string | undefined> = [];
  for (let c = 1; c < width; c++) {
    const names: string[] = [];
    const notes: string[] = [];
    let unit: string | undefined;
    for (const row of header) {
      const cell = row[c] ?? '';
      if (cell === '') continue;
      if (isUnitText(cell)) unit = cell;
      // A bracketed note over a named column (`(₹ lakh)` over `Total Amount`) names it only when nothing else does.
      else if (/^\([^()]*\)$/.test(cell) && !unitInText(cell)) notes.push(cell);
      else {
        const named = unitInText(cell);
        unit ??= named;
        // `2023 ($ million)`: the unit is the column's, the name is `2023`.
        const name = named ? cell.replace(/\s*\([^()]*\)\s*/, ' ').trim() || cell : cell;
        if (!names.includes(name)) names.push(name);
      }
    }
    columns.push(names.join(' ') || notes.join(' ') || `column ${c + 1}`);
    units.push(unit ?? captionUnit);
  }
  const labelHeader = header.map((row) => row[0] ?? '').find((cell) => cell !== '' && !isUnitNote(cell));
  const body: TableRow[] = [];
  let group: string | undefined;
  for (const row of rows.slice(headerCount)) {
    const [label = '', ...cells] = row;
    const hasValues = cells.some((cell) => cell !== '');
    if (!hasValues) {
      if (label) group = label;
      continue;
    }
    body.push({ label: label || 'Total', ...(group ? { group } : {}), cells });
  }
  if (body.length === 0) return undefined;
  const table: TableBlock = { kind: 'table', columns, units, rows: body };
  if (options.caption) table.caption = foldSpaces(options.caption);
  if (labelHeader) table.labelHeader = labelHeader;
  return table;
}
