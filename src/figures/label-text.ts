/**
 * Turning a span of tokens into a short label: strip what does not name the thing (leading
 * determiners and possessives, trailing prepositions) and shorten to at most 60 characters.
 */

import { CONJUNCTIONS, DETERMINERS, PREPOSITIONS } from './lexicon.js';
import { isFunctionWord, isPossessive, type Token } from './tokens.js';

/** The longest label, in characters. */
export const MAX_LABEL_LENGTH = 60;

// `total`, `new` and `record` are adverb-like inside a verb group but part of a name at its start
// (`total investment`), so only these few are dropped from the front of a label.
const LEADING_NOISE = new Set([
  ...DETERMINERS,
  ...CONJUNCTIONS,
  ...PREPOSITIONS,
  'there',
  'also',
  'then',
  'now',
  'still',
  'only',
  'just',
]);

/**
 * The text of `tokens[from..to]` (inclusive) as written in `sentence`, after dropping leading
 * determiners, conjunctions, prepositions and possessives (`the province’s regional GDP` → `regional
 * GDP`; kept with `keepLeading`, for a phrase appended to another) and trailing function words and
 * punctuation. Returns '' when nothing is left.
 *
 * @example
 * // tokens of 'the province’s regional GDP'
 * phraseText(sentence, tokens, 0, 3) // → 'regional GDP'
 */
export function phraseText(
  sentence: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  options: { keepLeading?: boolean } = {},
): string {
  let a = from;
  let b = to;
  const at = (i: number): Token | undefined => tokens[i];
  const skipLeading = () => {
    while (a <= b) {
      const t = at(a);
      if (!t) break;
      if (t.type === 'punct') a++;
      else if (t.type === 'word' && LEADING_NOISE.has(t.lower)) a++;
      else break;
    }
  };
  if (!options.keepLeading) skipLeading();
  // A possessive among the first words names the owner, not the thing: drop through it, unless a
  // preposition comes first (`anniversary of the People’s Republic`).
  for (let i = a; !options.keepLeading && i <= Math.min(b, a + 3); i++) {
    const t = at(i);
    if (!t || (t.type === 'word' && PREPOSITIONS.has(t.lower))) break;
    if (isPossessive(t) && i < b) {
      a = i + 1;
      skipLeading();
      break;
    }
  }
  while (b >= a) {
    const t = at(b);
    if (!t) break;
    if (t.type === 'punct' || (t.type === 'word' && isFunctionWord(t))) b--;
    else break;
  }
  const first = at(a);
  const last = at(b);
  if (!first || !last || a > b) return '';
  return balanceQuotes(sentence.slice(first.start, last.end));
}

/**
 * Drops an unmatched opening or closing quote at either end, so a cut label does not open a quote it
 * never closes.
 *
 * @example
 * balanceQuotes('“Guangdong Province Conference') // → 'Guangdong Province Conference'
 * balanceQuotes('SNEs of “small giants”')         // → 'SNEs of “small giants”'
 */
export function balanceQuotes(text: string): string {
  let out = text;
  const pairs: Array<[string, string]> = [
    ['“', '”'],
    ['‘', '’'],
  ];
  for (const [open, close] of pairs) {
    const opens = out.split(open).length - 1;
    const closes = out.split(close).length - 1;
    if (opens > closes && out.startsWith(open)) out = out.slice(1);
    if (closes > opens && out.endsWith(close)) out = out.slice(0, -1);
  }
  if ((out.split('"').length - 1) % 2 === 1) out = out.replace(/^"|"$/, '');
  return out.trim();
}

const STOP_AT_EDGES = new Set([...PREPOSITIONS, ...DETERMINERS, ...CONJUNCTIONS]);

function trimEdgeWords(words: string[]): string[] {
  const out = [...words];
  while (out.length > 0 && STOP_AT_EDGES.has((out[0] ?? '').toLowerCase())) out.shift();
  while (out.length > 0 && STOP_AT_EDGES.has((out[out.length - 1] ?? '').toLowerCase().replace(/[,;:]$/, '')))
    out.pop();
  return out;
}

function truncate(text: string, max: number): string {
  const words = text.split(' ');
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > max - 1) break;
    out = next;
  }
  if (!out) return `${text.slice(0, max - 1)}…`;
  return `${trimEdgeWords(out.replace(/[,;:]$/, '').split(' ')).join(' ')}…`;
}

/**
 * Shortens a label to at most `max` characters, in steps that keep the meaning: drop inner articles;
 * cut at the first comma; keep the head (up to the first preposition) and the end (`reigning champion
 * … capacity of regional innovation`); as a last resort, cut at a word boundary with `…`.
 *
 * @example
 * shortenLabel('growth rate of loans to manufacturing enterprises, high-tech enterprises and others in the province')
 * // → 'growth rate of loans to manufacturing enterprises…'
 */
export function shortenLabel(label: string, max = MAX_LABEL_LENGTH): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // A cut can leave half a quotation (`… Development Conference”`): drop the stray mark.
  return balanceQuotes(shortenSteps(clean, max));
}

function shortenSteps(clean: string, max: number): string {
  const withoutArticles = clean.replace(/ (?:the|a|an) /gi, ' ');
  if (withoutArticles.length <= max) return withoutArticles;
  const comma = withoutArticles.indexOf(',');
  if (comma >= 15 && comma <= max - 1) return `${withoutArticles.slice(0, comma).trimEnd()}…`;

  const words = withoutArticles.split(' ');
  const firstPreposition = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()));
  const head = words.slice(0, firstPreposition > 0 ? firstPreposition : 1).join(' ');
  if (head.length <= max / 2) {
    const budget = max - head.length - 3;
    const tail: string[] = [];
    for (let i = words.length - 1; i >= (firstPreposition > 0 ? firstPreposition : 1); i--) {
      const candidate = [words[i] ?? '', ...tail].join(' ');
      if (candidate.length > budget) break;
      tail.unshift(words[i] ?? '');
    }
    const trimmedTail = trimEdgeWords(tail);
    if (trimmedTail.length > 0) return `${head} … ${trimmedTail.join(' ')}`;
  }
  return truncate(withoutArticles, max);
}
