/**
 * A sentence as a list of tokens in which each figure (with its qualifier) is one opaque token, so the
 * label heuristics can walk left and right of a figure word by word without re-reading numbers.
 */

import {
  ADVERBS,
  AUXILIARIES,
  CONJUNCTIONS,
  DETERMINERS,
  LY_NOUNS,
  PARTICLES,
  PREPOSITIONS,
  PRONOUNS,
  VERBS,
} from './lexicon.js';

/** One token of a sentence. */
export interface Token {
  type: 'word' | 'punct' | 'quote' | 'figure';
  /** The token as written. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** For a figure token: the index of the figure in the sentence's figure list. */
  figure?: number;
}

/** A figure's place in its sentence: from its qualifier (if any) to its end. */
export interface FigureSlot {
  start: number;
  end: number;
}

// Words, with inner hyphens, points and apostrophes (`high-tech`, `U.S`, `province’s`); any other
// non-space character is a token of its own.
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}_&'’]|[.\-‐‑](?=[\p{L}\p{N}]))*|\S/gu;
const QUOTES = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);

/** Punctuation that always ends a clause. Commas are decided case by case (see `clauseStart`). */
export const HARD_BOUNDARIES = new Set([
  ';',
  ':',
  '.',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  '—',
  '–',
  '/',
  '-',
  '…',
]);

function tokenizeGap(sentence: string, from: number, to: number, out: Token[]): void {
  const gap = sentence.slice(from, to);
  for (const match of gap.matchAll(TOKEN)) {
    const text = match[0];
    const start = from + (match.index ?? 0);
    const type = /^[\p{L}\p{N}]/u.test(text) ? 'word' : QUOTES.has(text) ? 'quote' : 'punct';
    out.push({ type, text, lower: text.toLowerCase(), start, end: start + text.length });
  }
}

/**
 * Tokenizes `sentence`, making each slot (a figure with its qualifier) a single `figure` token.
 * Slots must be sorted and must not overlap.
 *
 * @example
 * tokenize('GDP rose 5 percent.', [{ start: 9, end: 18 }]).map((t) => t.type)
 * // → ['word', 'word', 'figure', 'punct']
 */
export function tokenize(sentence: string, slots: readonly FigureSlot[]): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  slots.forEach((slot, index) => {
    tokenizeGap(sentence, cursor, slot.start, tokens);
    const text = sentence.slice(slot.start, slot.end);
    tokens.push({
      type: 'figure',
      text,
      lower: text.toLowerCase(),
      start: slot.start,
      end: slot.end,
      figure: index,
    });
    cursor = slot.end;
  });
  tokenizeGap(sentence, cursor, sentence.length, tokens);
  return tokens;
}

/**
 * A word token for `text` standing alone, to test a word outside a sentence.
 *
 * @example
 * isVerb(wordToken('rose')) // → true
 */
export function wordToken(text: string): Token {
  return { type: 'word', text, lower: text.toLowerCase(), start: 0, end: text.length };
}

/**
 * True for words that cannot end a noun phrase: determiners, prepositions, conjunctions, pronouns.
 *
 * @example
 * isFunctionWord(wordToken('of'))  // → true
 * isFunctionWord(wordToken('GDP')) // → false
 */
export function isFunctionWord(token: Token): boolean {
  const w = token.lower;
  return DETERMINERS.has(w) || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w) || PRONOUNS.has(w);
}

/**
 * True for a verb or auxiliary: by list, by a lowercase `-ed` ending, or by an `-ing` ending when
 * nothing nominal precedes it (`, raising …`, `is growing`), since after a word it is usually a noun
 * (`electrical engineering`, `financing aids`).
 *
 * @example
 * isVerb(wordToken('rose'))                             // → true
 * isVerb(wordToken('received'))                         // → true
 * isVerb(wordToken('engineering'), wordToken('electrical')) // → false
 */
export function isVerb(token: Token, previous?: Token): boolean {
  if (token.type !== 'word') return false;
  const w = token.lower;
  if (AUXILIARIES.has(w) || VERBS.has(w)) return true;
  const lowercase = token.text[0] === w[0];
  if (!lowercase || w.length < 5 || w.includes('-')) return false;
  if (w.endsWith('ed')) return true;
  if (!w.endsWith('ing')) return false;
  return previous?.type !== 'word' || AUXILIARIES.has(previous.lower);
}

/**
 * True for an adverb or quantifier that may sit inside a verb group (`all`, `now`, `sharply`).
 *
 * @example
 * isAdverb(wordToken('sharply')) // → true
 * isAdverb(wordToken('supply'))  // → false
 */
export function isAdverb(token: Token): boolean {
  if (token.type !== 'word') return false;
  const w = token.lower;
  if (ADVERBS.has(w)) return true;
  return token.text[0] === w[0] && w.length > 4 && w.endsWith('ly') && !LY_NOUNS.has(w);
}

/**
 * True for a word between a verb and its figure (`rose to`, `grew by`, `up`, `worth`, `equal to`).
 *
 * @example
 * isParticle(wordToken('to'))    // → true
 * isParticle(wordToken('worth')) // → true
 */
export function isParticle(token: Token): boolean {
  return token.type === 'word' && (PARTICLES.has(token.lower) || BETWEEN_VERB_AND_FIGURE.has(token.lower));
}

// `up 5 percent`, `worth 1.1 billion yuan`, `equal to 4.3 percent`, `held steady at 29th`.
const BETWEEN_VERB_AND_FIGURE = new Set([
  'up',
  'down',
  'worth',
  'equal',
  'equivalent',
  'steady',
  'flat',
  'unchanged',
  'stable',
]);

/**
 * True for a possessive (`province’s`, `Guangdong's`).
 *
 * @example
 * isPossessive(wordToken('province’s')) // → true
 */
export function isPossessive(token: Token): boolean {
  return token.type === 'word' && /['’]s$/.test(token.text);
}
