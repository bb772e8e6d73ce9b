import { stemmer } from 'stemmer';
import { canonicalizeNumbers } from '../figures/numbers.js';
import { type Language, LEXICONS } from '../lexicon/lexicon.js';

/** Currency symbols, read as the word they stand for, so `$4.82 billion` meets "4.82bn dollars". */
const CURRENCY_WORDS: [RegExp, string][] = [
  [/\$/g, ' dollar '],
  [/€/g, ' euro '],
  [/£/g, ' pound '],
  [/¥/g, ' yuan '],
];

/** A word of the text as the reader sees it, with the index terms it produces. */
export interface WordUnit {
  /** The word as written (after number canonicalisation), e.g. `high-tech`. */
  word: string;
  /** Index terms: the stemmed parts and, for a compound, the joined form (`high`, `tech`, `hightech`). */
  terms: string[];
  /** True for a capitalised word that does not open the text: a name (`Apple`, `France`). */
  name?: boolean;
  /** Chinese: the terms that are character pairs across a cut of the segmenter (see chineseUnits), not the word itself. */
  pairs?: string[];
}

// Words are runs of letters and digits, optionally joined by hyphens, ampersands or apostrophes
// (`high-tech`, `R&D`, `Guangdong’s`); everything else separates words. Han characters are
// letters too: a run holding them is split further by script (see analyzeWords).
const WORD = /[\p{L}\p{N}]+(?:[-‐‑–&'’][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;
const SCRIPT_RUNS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

// Chinese has no spaces between words: Node's ICU word segmenter finds them. One instance serves
// every call (it holds no state between calls).
const chineseWords = new Intl.Segmenter('zh', { granularity: 'word' });

// `U.S.`, `U.K.`, `U.S.A.`: capitals with dots, read as the initialism they spell (`US`).
const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,}/gu;

const english = LEXICONS.en;
const chinese = LEXICONS.zh;

/** Lowercases, drops possessives and stop words, and stems an English word. Numbers pass through untouched. */
export function processTerm(term: string): string | null {
  const lower = term
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (lower.length === 0 || english.stopWords.has(lower)) return null;
  if (/^\p{N}/u.test(lower)) return lower;
  if (lower.length === 1) return null;
  return stemmer(english.irregular[lower] ?? lower);
}

/**
 * A word in capitals that names something rather than the stop word it spells in lower case: `US`
 * or `IT` in text that is not all capitals, the letter of `Customer A`, `Class B` or `Series A`
 * after a capitalised word. These tell apart the passages a question is about (the `U.S.` facility,
 * not the `U.K.` one; Customer A, not Customer B), and a stop word list would drop them.
 */
function identifierUnit(raw: string, previous: string | undefined, shouting: boolean): WordUnit | undefined {
  if (shouting) return undefined;
  const lower = raw.toLowerCase();
  if (/^\p{Lu}{2,}$/u.test(raw) && english.stopWords.has(lower)) return { word: raw, terms: [lower] };
  if (/^\p{Lu}$/u.test(raw) && previous !== undefined && /^\p{Lu}\p{Ll}/u.test(previous))
    return { word: raw, terms: [lower], name: true };
  return undefined;
}

function latinUnit(raw: string): WordUnit | undefined {
  const parts = raw.split(/[-‐‑–&]/);
  const terms: string[] = [];
  for (const part of parts) {
    const term = processTerm(part);
    if (term && !terms.includes(term)) terms.push(term);
  }
  if (parts.length > 1) {
    const joined = processTerm(parts.join(''));
    if (joined && !terms.includes(joined)) terms.push(joined);
  }
  return terms.length > 0 ? { word: raw, terms } : undefined;
}

function chineseUnits(run: string, units: WordUnit[]): void {
  const kept: { word: string; chars: string[]; start: number; end: number }[] = [];
  for (const { segment, index, isWordLike } of chineseWords.segment(run)) {
    // A single character that is a stop word on its own ("的", "是") is dropped; other single
    // characters (a surname, "省") still tell something.
    if (!isWordLike || chinese.stopWords.has(segment)) continue;
    kept.push({ word: segment, chars: [...segment], start: index, end: index + segment.length });
  }
  // The segmenter cuts words it does not know into single characters, and not always alike
  // (崇陵墓道 as 崇|陵墓|道, 崇陵 alone as 崇|陵). So a single character also carries the pairs it
  // makes with its kept neighbours, and a word the pair it makes with a single-character
  // neighbour: 墓道 in a question then meets 墓道 in a passage however either was cut.
  kept.forEach((segment, k) => {
    const terms = [segment.word];
    const single = segment.chars.length === 1;
    const before = kept[k - 1];
    const after = kept[k + 1];
    if (before?.end === segment.start && (single || before.chars.length === 1))
      terms.push(`${before.chars.at(-1)}${segment.chars[0]}`);
    if (after?.start === segment.end && (single || after.chars.length === 1))
      terms.push(`${segment.chars.at(-1)}${after.chars[0]}`);
    units.push(
      terms.length > 1 ? { word: segment.word, terms, pairs: terms.slice(1) } : { word: segment.word, terms },
    );
  });
}

/**
 * Splits text into word units. Numbers are first rewritten to one canonical token each, so that
 * `71,000`, `71000` and `71 thousand` index and query alike; English compounds yield their parts
 * and their joined form, so `high-tech`, `hightech` and `high tech` meet; Chinese text is split
 * into words by the ICU segmenter, and Latin words and digits inside it are read as English.
 *
 * @example
 * analyzeWords('75,000 high-tech enterprises').map((w) => w.terms)
 * // → [['75000'], ['high', 'tech', 'hightech'], ['enterpris']]
 * analyzeWords('广东2023年GDP').map((w) => w.terms)
 * // → [['广东'], ['2023'], ['年'], ['gdp']]
 */
export function analyzeWords(text: string): WordUnit[] {
  const units: WordUnit[] = [];
  // Chinese numerals stay words for search (see canonicalizeNumbers); digits with Chinese scales
  // (`13万亿`) still meet `13 trillion`.
  let canonical = canonicalizeNumbers(text.normalize('NFKC'), { hanNumerals: false });
  for (const [symbol, word] of CURRENCY_WORDS) canonical = canonical.replace(symbol, word);
  canonical = canonical.replace(DOTTED_INITIALS, (initials) => `${initials.replaceAll('.', '')} `);
  // Text with no lower-case letter (a headline in capitals) has no names to tell by their case.
  const shouting = !/\p{Ll}/u.test(canonical);
  let previous: string | undefined;
  for (const match of canonical.matchAll(WORD)) {
    const [raw] = match;
    if (!HAN.test(raw)) {
      const unit = identifierUnit(raw, previous, shouting) ?? latinUnit(raw);
      if (unit && (match.index ?? 0) > 0 && /^\p{Lu}/u.test(raw) && !/^\p{Lu}+$/u.test(raw)) unit.name = true;
      if (unit) units.push(unit);
      previous = raw;
      continue;
    }
    previous = undefined;
    for (const [run] of raw.matchAll(SCRIPT_RUNS)) {
      if (HAN.test(run)) chineseUnits(run, units);
      else
        for (const [word] of run.matchAll(WORD)) {
          const unit = latinUnit(word);
          if (unit) units.push(unit);
        }
    }
  }
  return units;
}

/**
 * The tokenizer given to MiniSearch: the terms of {@link analyzeWords}, already processed, so the
 * MiniSearch `processTerm` option is the identity.
 */
export function tokenize(text: string): string[] {
  return analyzeWords(text).flatMap((unit) => unit.terms);
}

/** The language a text is mostly written in, from its script: Chinese when Han characters outnumber Latin letters. */
export function languageOf(text: string): Language {
  let han = 0;
  let latin = 0;
  for (const char of text) {
    if (HAN.test(char)) han++;
    else if (/\p{Script=Latin}/u.test(char)) latin++;
  }
  return han > latin / 3 ? 'zh' : 'en';
}
