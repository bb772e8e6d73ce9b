/**
 * Figures from table cells: each numeric cell of a row is a figure labelled by its row and column
 * (`Americas, 2019`), with the unit and scale its column header or the table's caption gives
 * (`$ million` → USD, ×1,000,000; `%` → percent).
 */

import type { TableBlock, TableRow } from '../document/model.js';
import type { Figure, Passage } from '../types.js';
import { currencyOfPrefix } from './lexicon.js';
import { scanNumberPhrases } from './numbers.js';
import { periodsOrYearsOf } from './periods.js';

/** What a unit text such as `$ million`, `$'000`, `%` or `RMB bn` means for a value. */
export interface UnitMeaning {
  /** `USD`, `yuan`, `percent`, or `` for a plain count. */
  unit: string;
  kind: 'amount' | 'percent' | 'count';
  /** Power of ten the written value is multiplied by (`million` → 6). */
  exponent: number;
}

const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/'?000s?\b|thousands?\b|\bk\b/i, 3],
  [/millions?\b|\bmn?\b/i, 6],
  [/billions?\b|\bbn\b/i, 9],
];

/**
 * Reads a unit text.
 *
 * @example
 * unitMeaning('$ million') // → { unit: 'USD', kind: 'amount', exponent: 6 }
 * unitMeaning('%')         // → { unit: 'percent', kind: 'percent', exponent: 0 }
 */
export function unitMeaning(text: string | undefined): UnitMeaning {
  if (!text) return { unit: '', kind: 'count', exponent: 0 };
  if (/%|percent|per cent/i.test(text)) return { unit: 'percent', kind: 'percent', exponent: 0 };
  const exponent = SCALES.find(([pattern]) => pattern.test(text))?.[1] ?? 0;
  const currency = /(?:US|HK|NZ|A|C|S)?\$|€|£|¥|RMB|USD|EUR|GBP|CNY|HKD/i.exec(text)?.[0];
  if (currency) return { unit: currencyOfPrefix(currency), kind: 'amount', exponent };
  return { unit: '', kind: 'count', exponent };
}

/** A number times a power of ten, without binary noise (`196.9e6` → 196900000, not 196900000.00000003). */
function scaled(value: number, exponent: number): number {
  return exponent === 0 ? value : Number((value * 10 ** exponent).toPrecision(15));
}

/**
 * The value of one cell, or `undefined` when it holds no number: `(3.4)` and `−3.4` are negative,
 * `12.5%` is a percent, `$1,234` an amount; a dash or text is no figure.
 */
export function cellValue(
  cell: string,
): { value: number; percent: boolean; currency?: string; text: string } | undefined {
  const trimmed = cell.trim();
  const negative = /^\(.*\)$/.test(trimmed) || /^[-−–]\s*[\d$€£¥]/.test(trimmed);
  const inner = trimmed.replace(/^\((.*)\)$/, '$1').replace(/^[-−–]\s*/, '');
  const [phrase] = scanNumberPhrases(inner);
  if (phrase?.start !== 0) return undefined;
  const rest = inner.slice(phrase.end).trim();
  if (rest !== '' && !/^[a-z]{0,3}$/i.test(rest)) return undefined;
  return {
    value: negative ? -phrase.value : phrase.value,
    percent: phrase.percent,
    ...(phrase.currency ? { currency: phrase.currency } : {}),
    text: trimmed,
  };
}

/**
 * The figures of one table row's passage: one per numeric cell, in column order, with ids
 * `passageId~n`.
 *
 * @example
 * tableRowFigures(passage, table, { label: 'Americas', cells: ['196.9', '184.6'] })[0]
 * // → { id: 'doc#p4.r1~0', kind: 'amount', text: '196.9', value: 196900000, unit: 'USD',
 * //     label: 'Americas, 2019', sentence: passage.text, … }
 */
export function tableRowFigures(passage: Passage, table: TableBlock, row: TableRow): Figure[] {
  const figures: Figure[] = [];
  row.cells.forEach((cell, i) => {
    const read = cellValue(cell);
    if (!read) return;
    const meaning = unitMeaning(table.units[i]);
    let { unit, kind } = meaning;
    if (read.percent) ({ unit, kind } = { unit: 'percent', kind: 'percent' });
    else if (read.currency) ({ unit, kind } = { unit: currencyOfPrefix(read.currency), kind: 'amount' });
    const column = table.columns[i] ?? `column ${i + 2}`;
    // A column headed by a period (`2019`, `Q3 2024`, `FY2023`) dates its cells.
    const [period] = periodsOrYearsOf(column);
    figures.push({
      id: `${passage.id}~${figures.length}`,
      kind,
      text: read.text,
      value: kind === 'percent' ? read.value : scaled(read.value, meaning.exponent),
      unit,
      label: `${row.label}, ${column}`,
      sentence: passage.text,
      passageId: passage.id,
      docId: passage.docId,
      ...(period ? { period } : {}),
    });
  });
  return figures;
}
