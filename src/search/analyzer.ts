import { stemmer } from 'stemmer';
import { eng as englishStopWords } from 'stopword';
import { canonicalizeNumbers } from '../figures/numbers.js';

/**
 * Words that carry no meaning for retrieval. The English list from `stopword`, plus the question
 * words people type in a chat ("how many", "tell me") that it leaves in.
 */
const STOP_WORDS = new Set([
  ...englishStopWords,
  'tell',
  'show',
  'give',
  'know',
  'please',
  'does',
  'did',
  'do',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'much',
  'many',
  'which',
  'what',
  'whats',
  'when',
  'where',
  'who',
  'whom',
  'why',
  'how',
  'its',
  'it',
  's',
  'also',
  'can',
  'could',
  'would',
  'will',
  'shall',
  'should',
  'me',
  'us',
  'our',
  'about',
  // Fillers of chat questions that say nothing about the topic.
  'now',
  'currently',
  'current',
  'latest',
  'recent',
  'recently',
  'today',
  'get',
  'got',
  'big',
  'hey',
  'hi',
  'anyone',
  'someone',
  'exactly',
  'roughly',
  'approximately',
  'really',
  'actually',
  'like',
]);

/**
 * Irregular verb forms that stemming leaves apart from their base (`grew`, `grown` → `grow`), so
 * that "grew up" finds "have grown up" and "lent" finds "lend".
 */
const IRREGULAR_FORMS: Record<string, string> = {
  grew: 'grow',
  grown: 'grow',
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  lent: 'lend',
  spent: 'spend',
  sold: 'sell',
  bought: 'buy',
  built: 'build',
  held: 'hold',
  made: 'make',
  paid: 'pay',
  led: 'lead',
  won: 'win',
  began: 'begin',
  begun: 'begin',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  chose: 'choose',
  chosen: 'choose',
  broke: 'break',
  broken: 'break',
  wrote: 'write',
  written: 'write',
  drove: 'drive',
  driven: 'drive',
  kept: 'keep',
  became: 'become',
  came: 'come',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  stood: 'stand',
  brought: 'bring',
  thought: 'think',
  sought: 'seek',
  met: 'meet',
  sent: 'send',
  shrank: 'shrink',
  shrunk: 'shrink',
};

/** Currency symbols, read as the word they stand for, so `$4.82 billion` meets "4.82bn dollars". */
const CURRENCY_WORDS: [RegExp, string][] = [
  [/\$/g, ' dollar '],
  [/€/g, ' euro '],
  [/£/g, ' pound '],
];

/** A word of the text as the reader sees it, with the index terms it produces. */
export interface WordUnit {
  /** The word as written (after number canonicalisation), e.g. `high-tech`. */
  word: string;
  /** Index terms: the stemmed parts and, for a compound, the joined form (`high`, `tech`, `hightech`). */
  terms: string[];
}

// Words are runs of letters and digits, optionally joined by hyphens, ampersands or apostrophes
// (`high-tech`, `R&D`, `Guangdong’s`); everything else separates words.
const WORD = /[\p{L}\p{N}]+(?:[-‐‑–&'’][\p{L}\p{N}]+)*/gu;

/** Lowercases, drops possessives and stop words, and stems. Numbers pass through untouched. */
export function processTerm(term: string): string | null {
  const lower = term
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (lower.length === 0 || STOP_WORDS.has(lower)) return null;
  if (/^\p{N}/u.test(lower)) return lower;
  if (lower.length === 1) return null;
  return stemmer(IRREGULAR_FORMS[lower] ?? lower);
}

/**
 * Splits text into word units. Numbers are first rewritten to one canonical token each, so that
 * `71,000`, `71000` and `71 thousand` index and query alike; compounds yield their parts and
 * their joined form, so `high-tech`, `hightech` and `high tech` meet.
 *
 * @example
 * analyzeWords('75,000 high-tech enterprises').map((w) => w.terms)
 * // → [['75000'], ['high', 'tech', 'hightech'], ['enterpris']]
 */
export function analyzeWords(text: string): WordUnit[] {
  const units: WordUnit[] = [];
  let canonical = canonicalizeNumbers(text);
  for (const [symbol, word] of CURRENCY_WORDS) canonical = canonical.replace(symbol, word);
  for (const [raw] of canonical.matchAll(WORD)) {
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
    if (terms.length > 0) units.push({ word: raw, terms });
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
