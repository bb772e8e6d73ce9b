/**
 * Walking a sentence around a figure: where its clause starts and ends, and the sentence as the label
 * rules see it (tokens, figures, where each figure's token is).
 */

import { AUXILIARIES, CLAUSE_OPENERS, INTRO_WORDS, VERBS } from './lexicon.js';
import type { Candidate } from './matchers.js';
import { HARD_BOUNDARIES, type Token } from './tokens.js';

/** A figure of a sentence with its qualifier resolved; `label` is filled in text order. */
export interface SentenceFigure extends Candidate {
  /** Where the qualifier starts, or `start` when there is none. */
  qualifierStart: number;
  label?: string;
}

/** Everything the label rules read about one sentence. */
export interface LabelContext {
  sentence: string;
  tokens: Token[];
  figures: SentenceFigure[];
  /** The token index of each figure. */
  tokenOf: number[];
}

/** The label, and for counts the counted noun that becomes the unit. */
export interface Description {
  label: string;
  unit?: string;
}

/**
 * How far (in tokens) the rules look from a figure. Labels never need more, and the bound keeps a
 * sentence with thousands of numbers linear instead of quadratic.
 */
export const WINDOW = 64;

/**
 * Token `i` when it is a word, else `undefined`.
 *
 * @example
 * word(tokenize('GDP rose.', []), 0)?.text // → 'GDP'
 * word(tokenize('GDP rose.', []), 2)       // → undefined (the point)
 */
export function word(tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i];
  return t && t.type === 'word' ? t : undefined;
}

/**
 * Index of the first token at or after `i` that is not a quote mark.
 *
 * @example
 * nextNonQuote(tokenize('“small giants”', []), 0) // → 1
 */
export function nextNonQuote(tokens: readonly Token[], i: number): number {
  let k = i;
  while (tokens[k]?.type === 'quote') k++;
  return k;
}

/**
 * The first token of the clause that token `i` stands in. Hard punctuation ends a clause; a comma
 * does when a clause opener follows (`, and`, `, which`, `, up`, `, ranking`) but not in a list
 * (`loans to manufacturing enterprises, high-tech enterprises and …`); with `everyComma`, every comma
 * does. A sentence that opens with an introductory phrase (`In 2023, …`) starts its first clause
 * after that phrase's comma. Looks back at most {@link WINDOW} tokens.
 *
 * @example
 * // 'GDP surged, and exports rose 5%': for the token of `5%`, the clause starts at `and`
 * clauseStart(ctx, ctx.tokenOf[0]) // → 3
 */
export function clauseStart(ctx: LabelContext, i: number, everyComma = false): number {
  const { tokens } = ctx;
  const floor = Math.max(0, i - WINDOW);
  for (let j = i - 1; j >= floor; j--) {
    const t = tokens[j];
    if (t?.type !== 'punct') continue;
    // A parenthesis closed before the figure is an aside inside the clause: step over it.
    if (t.text === ')') {
      let open = j - 1;
      while (open >= floor && tokens[open]?.text !== '(') open--;
      if (open >= floor) {
        j = open;
        continue;
      }
    }
    if (isHardBoundary(ctx, t)) return j + 1;
    if (t.text === ',') {
      if (everyComma) return j + 1;
      const k = nextNonQuote(tokens, j + 1);
      const next = tokens[k];
      if (!next) continue;
      if (next.type === 'figure') return j + 1;
      if (next.type === 'word' && (CLAUSE_OPENERS.has(next.lower) || /^[a-z]{2,}ing$/.test(next.text)))
        return j + 1;
      // `, of which …`, `, of whom …`
      if (next.lower === 'of' && ['which', 'whom'].includes(tokens[k + 1]?.lower ?? '')) return j + 1;
    }
  }
  if (floor > 0) return floor;
  const first = word(tokens, 0);
  if (first && INTRO_WORDS.has(first.lower)) {
    for (let j = 1; j < i; j++) if (tokens[j]?.text === ',') return j + 1;
  }
  return 0;
}

/**
 * The last token of the clause that token `i` stands in: every comma and hard punctuation ends it,
 * a parenthesis is stepped over. Looks ahead at most {@link WINDOW} tokens.
 *
 * @example
 * // 'It rose 5% in 2023, a record.': for the token of `5%`, the clause ends at `2023`
 * clauseEnd(ctx, ctx.tokenOf[0]) // → 4
 */
export function clauseEnd(ctx: LabelContext, i: number): number {
  const { tokens } = ctx;
  const ceiling = Math.min(tokens.length - 1, i + WINDOW);
  for (let j = i + 1; j <= ceiling; j++) {
    const t = tokens[j];
    if (t?.text === '(') {
      let close = j + 1;
      while (close <= ceiling && tokens[close]?.text !== ')') close++;
      if (close <= ceiling) {
        j = close;
        continue;
      }
    }
    if (t && t.type === 'punct' && (isHardBoundary(ctx, t) || t.text === ',')) return j - 1;
  }
  return ceiling;
}

/** Hard punctuation; a hyphen only as a spaced dash (`medium- and long-term` is not a boundary). */
function isHardBoundary(ctx: LabelContext, t: Token): boolean {
  if (t.text === '-') return ctx.sentence[t.start - 1] === ' ' && ctx.sentence[t.end] === ' ';
  return HARD_BOUNDARIES.has(t.text);
}

/**
 * True for a verb or auxiliary that is in the word lists, without guessing from `-ed` or `-ing`:
 * used where a false verb would cut a noun phrase (`X is high and Y has been …`).
 *
 * @example
 * isListedVerb({ type: 'word', text: 'has', lower: 'has', start: 0, end: 3 })           // → true
 * isListedVerb({ type: 'word', text: 'registered', lower: 'registered', start: 0, end: 10 }) // → false
 */
export function isListedVerb(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && (AUXILIARIES.has(t.lower) || VERBS.has(t.lower));
}

/**
 * The text of tokens `from..to` (inclusive) exactly as the sentence writes it, or '' for an empty range.
 *
 * @example
 * // tokens of 'the “small giants” of Guangdong'
 * rawText(ctx, 1, 4) // → '“small giants”'
 */
export function rawText(ctx: LabelContext, from: number, to: number): string {
  const a = ctx.tokens[from];
  const b = ctx.tokens[to];
  return a && b && from <= to ? ctx.sentence.slice(a.start, b.end) : '';
}

/**
 * Joins the non-empty parts of a label with single spaces.
 *
 * @example
 * joinLabel('regional GDP', '', undefined, 'in the country') // → 'regional GDP in the country'
 */
export function joinLabel(...parts: Array<string | undefined>): string {
  return parts.filter((p) => p?.trim()).join(' ');
}
