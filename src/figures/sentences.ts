/**
 * Splitting a passage into sentences with their offsets, for the `sentence` of each figure.
 *
 * A tiny rule-based splitter rather than `Intl.Segmenter`, which breaks `Feb. 20` and `Co., Ltd.`
 * apart: a sentence ends at `.`, `!` or `?` (and any closing quotes or brackets) followed by
 * whitespace and a capital, a digit or an opening quote, unless the word before the point is a
 * known abbreviation; Chinese ends one at `。！？；`; it also ends at a line break, unless the line is hard-wrapped prose (see
 * `isLineBreakAnEnd`). Decimals (`1.2`) never end a sentence
 * because no whitespace follows their point.
 */

/** One sentence of a text, trimmed, with its offsets in that text. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

// Abbreviations that never end a sentence: titles and reference words that need what follows.
const ALWAYS_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'mt',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'rev',
  'hon',
  'gov',
  'sen',
  'rep',
  'pres',
  'fig',
  'figs',
  'vol',
  'pp',
  'art',
  'sec',
  'ch',
  'vs',
  'approx',
  'est',
  'dept',
  'e.g',
  'i.e',
  'cf',
  'ca',
]);

// Abbreviations that end a sentence only when a typical sentence opener follows (`…Co., Ltd. The
// company…`), or, for months and `No.`, when no number follows (`Feb. 20` never splits).
const SOMETIMES_ABBREVIATIONS = new Set([
  'inc',
  'ltd',
  'co',
  'corp',
  'llc',
  'plc',
  'bros',
  'jr',
  'sr',
  'etc',
  'u.s',
  'u.k',
  'e.u',
  'no',
  'nos',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const SENTENCE_OPENERS = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'in',
  'on',
  'at',
  'as',
  'for',
  'from',
  'with',
  'we',
  'our',
  'he',
  'she',
  'they',
  'their',
  'there',
  'a',
  'an',
  'according',
  'meanwhile',
  'however',
  'also',
  'after',
  'before',
  'during',
  'since',
  'founded',
  'established',
  'headquartered',
  'about',
  'media',
  'for',
  'by',
  'last',
  'next',
]);

// A candidate end: terminal punctuation, closing quotes/brackets, then whitespace.
const END_CANDIDATE = /[.!?]+["'”’)\]]*(?=\s)/g;
// Chinese ends a sentence at `。！？；` (and closing quotes or brackets), with or without a space.
const CHINESE_END = /[。！？；]+[”’」』）)]*/gu;

function isSentenceEnd(text: string, pointIndex: number, afterIndex: number): boolean {
  const rest = text.slice(afterIndex).replace(/^[ \t\u00a0]+/, '');
  if (rest.startsWith('\n') || rest === '') return true;
  const nextWord = /^["'“‘(]?([\p{L}\p{N}]+)/u.exec(rest)?.[1];
  if (nextWord === undefined) return false;
  // A lowercase continuation means the point was not a full stop (`U.S. accounted`).
  if (!/^[\p{Lu}\p{N}]/u.test(nextWord) && !/^["'“‘(]/u.test(rest)) return false;
  if (text[pointIndex] !== '.') return true;
  // The word before the point, read backwards (a regex anchored at the end would rescan the text).
  let from = pointIndex;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1] ?? '')) from--;
  const before = text.slice(from, pointIndex);
  const word = before.replace(/^\.+/, '').toLowerCase();
  if (ALWAYS_ABBREVIATIONS.has(word)) return false;
  // A single capital initial (`J. Smith`) is an abbreviation too.
  if (/^\p{Lu}$/u.test(before)) return false;
  if (SOMETIMES_ABBREVIATIONS.has(word)) {
    if (/^\p{N}/u.test(nextWord)) return false;
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return true;
}

// A line at least this long that ends without punctuation is taken as hard-wrapped prose.
const WRAPPED_LINE_LENGTH = 60;

/**
 * True when the line break at `index` ends a sentence: after a short line (`Media Contact:`,
 * `Tel: …`), a line ending in punctuation, or before a list item. A long line that stops mid-phrase
 * is hard-wrapped prose, and its break is a space (`Sales rose 5 percent\nto $3 million.`).
 */
function isLineBreakAnEnd(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const line = text.slice(lineStart, index).trim();
  const next = text.slice(index).replace(/^\s+/, '');
  if (line.length < WRAPPED_LINE_LENGTH || /[.:;!?"”’)\]]$/u.test(line)) return true;
  return /^(?:[-*•–]\s|\d+[.)]\s)/u.test(next);
}

/**
 * The sentences of `text`, in order, trimmed, with their offsets; line breaks end a sentence except
 * inside hard-wrapped prose.
 *
 * @example
 * splitSentences('GUANGDONG, Feb. 20, 2024 — GDP rose 1.2 percent. Exports fell.').map((s) => s.text)
 * // → ['GUANGDONG, Feb. 20, 2024 — GDP rose 1.2 percent.', 'Exports fell.']
 */
export function splitSentences(text: string): SentenceSpan[] {
  const cuts: number[] = [];
  for (const match of text.matchAll(END_CANDIDATE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (isSentenceEnd(text, start, end)) cuts.push(end);
  }
  for (const match of text.matchAll(CHINESE_END)) cuts.push((match.index ?? 0) + match[0].length);
  for (const match of text.matchAll(/\r?\n/g)) {
    if (isLineBreakAnEnd(text, match.index ?? 0)) cuts.push(match.index ?? 0);
  }
  cuts.sort((a, b) => a - b);

  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut < from) continue;
    const piece = text.slice(from, cut);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) spans.push({ start: from + lead, end: from + lead + trimmed.length, text: trimmed });
    from = cut;
  }
  return spans;
}
