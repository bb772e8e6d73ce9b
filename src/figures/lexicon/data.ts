/**
 * The figure extractor's word lists, one data file per language (`en.json`, `zh.json`), and the
 * helpers that turn a list into a regex source.
 */

import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };

/** English word lists (see `en.json`). */
export const EN = en;
/** Chinese word lists (see `zh.json`). */
export const ZH = zh;

/** The roles a figure can play, as the data files name them. */
export type RoleName = 'previous' | 'comparison' | 'change' | 'part' | 'target';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex alternation (no group) of the phrases, longest first, any run of spaces between words.
 *
 * @example
 * alternation(['up', 'up from']) // → 'up[ \\u00a0]+from|up'
 */
export function alternation(phrases: readonly string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '[ \\u00a0]+'))
    .join('|');
}

/**
 * The keys of a table as an alternation, longest first, for tables keyed by what the text writes.
 *
 * @example
 * keysOf({ 万: 4, 亿: 8 }) // → '万|亿'
 */
export function keysOf(table: Readonly<Record<string, unknown>>): string {
  return alternation(Object.keys(table));
}
