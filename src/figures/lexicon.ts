/**
 * Small English word lists for the figure heuristics: qualifiers, verbs, function words, currencies,
 * measurement units. No tagger: press-release English is regular enough for lists plus a few
 * suffix rules (`-ed` after a figure's subject is a verb, `-ly` is an adverb). The lists live in
 * `lexicon/en.json`; this module gives them their types.
 */

import { EN } from './lexicon/data.js';

/**
 * Qualifiers that may stand right before a number, longest first so `more than` wins over `over`.
 * Normalised to lowercase with single spaces when stored on a figure.
 */
export const QUALIFIERS: readonly string[] = EN.qualifiers;

/** Auxiliaries and copulas. */
export const AUXILIARIES: ReadonlySet<string> = new Set(EN.words.AUXILIARIES);

/**
 * Verbs that are never (or almost never) nouns, so a backward scan from a figure can skip them to
 * reach the subject. Ambiguous forms (`exports`, `sales`, `increase`, `total`) are left out on purpose:
 * they are usually the subject itself.
 */
export const VERBS: ReadonlySet<string> = new Set(EN.words.VERBS);

/** Verbs of rising and falling, to label a percent as `<subject> growth` or `<subject> decline`. */
export const RISE_VERBS: ReadonlySet<string> = new Set(EN.words.RISE_VERBS);
export const FALL_VERBS: ReadonlySet<string> = new Set(EN.words.FALL_VERBS);

/** Words between a verb and its figure: `grew by`, `rose to`, `stood at`. */
export const PARTICLES: ReadonlySet<string> = new Set(EN.words.PARTICLES);

/** Adverbs and quantifiers that sit between a subject and its verb (`all rank`, `now employs`). */
export const ADVERBS: ReadonlySet<string> = new Set(EN.words.ADVERBS);

export const PREPOSITIONS: ReadonlySet<string> = new Set(EN.words.PREPOSITIONS);
/** Prepositions that join two nouns into one rate's name (`earnings per share`, `revenue per passenger`). */
export const RATE_JOINERS: ReadonlySet<string> = new Set(EN.words.RATE_JOINERS);

export const DETERMINERS: ReadonlySet<string> = new Set(EN.words.DETERMINERS);

export const CONJUNCTIONS: ReadonlySet<string> = new Set(EN.words.CONJUNCTIONS);

export const PRONOUNS: ReadonlySet<string> = new Set(EN.words.PRONOUNS);

/** Words that open a new clause after a comma: `, and …`, `, which …`, `, up …`, `, ranking …`. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(EN.words.CLAUSE_OPENERS);

/** Relative words and auxiliaries that end a noun phrase read to the right of a figure. */
export const RIGHT_PHRASE_STOPS: ReadonlySet<string> = new Set(EN.words.RIGHT_PHRASE_STOPS);

/** Sentence-initial words that open an introductory phrase ended by a comma (`In 2023, …`). */
export const INTRO_WORDS: ReadonlySet<string> = new Set(EN.words.INTRO_WORDS);

/** Nouns whose `-ly` ending is not an adverb's. */
export const LY_NOUNS: ReadonlySet<string> = new Set(EN.words.LY_NOUNS);

/**
 * Units of measure: a number followed by one of these measures something named elsewhere (`cargo
 * throughput reached 1.36 billion tonnes`), so the label is looked for before the figure.
 */
export const MEASURE_UNITS: ReadonlySet<string> = new Set(EN.words.MEASURE_UNITS);

/** Plural nouns after which a four-digit number is a count, not a year (`2000 employees`). */
export const COUNT_NOUNS: ReadonlySet<string> = new Set(EN.words.COUNT_NOUNS);

/** Currency words and codes written after a number, and the unit they stand for. */
export const CURRENCY_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:US|U\.S\.)\s+dollars?$/i, 'USD'],
  [/^(?:Hong Kong|HK)\s+dollars?$/i, 'HKD'],
  [/^Singapore\s+dollars?$/i, 'SGD'],
  [/^(?:New Taiwan|NT)\s+dollars?$/i, 'TWD'],
  [/^Australian\s+dollars?$/i, 'AUD'],
  [/^Canadian\s+dollars?$/i, 'CAD'],
  [/^(?:dollars?|USD)$/i, 'USD'],
  [/^(?:yuan|renminbi|RMB|CNY)$/i, 'yuan'],
  [/^(?:euros?|EUR)$/i, 'EUR'],
  [/^(?:pounds?(?:\s+sterling)?|sterling|GBP)$/i, 'GBP'],
  [/^(?:yen|JPY)$/i, 'JPY'],
  [/^HKD$/i, 'HKD'],
];

/** Regex source for a currency word written after a number (matched case-insensitively). */
export const CURRENCY_WORD_SOURCE =
  '(?:(?:US|U\\.S\\.|Hong Kong|HK|Singapore|Australian|Canadian|New Taiwan|NT)[ \\u00a0]+)?(?:dollars?|yuan|renminbi|RMB|CNY|euros?|EUR|USD|HKD|GBP|pounds[ \\u00a0]+sterling|sterling|yen|JPY)';

/**
 * The unit for a currency prefix as written before a number (`$`, `US$`, `RMB`, `€`).
 *
 * @example
 * currencyOfPrefix('US$') // → 'USD'
 * currencyOfPrefix('RMB') // → 'yuan'
 * currencyOfPrefix('€')   // → 'EUR'
 */
export function currencyOfPrefix(prefix: string): string {
  const compact = prefix.replace(/\s+/g, '').toUpperCase();
  const table: Record<string, string> = {
    $: 'USD',
    US$: 'USD',
    USD: 'USD',
    HK$: 'HKD',
    HKD: 'HKD',
    NZ$: 'NZD',
    NT$: 'TWD',
    A$: 'AUD',
    AUD: 'AUD',
    C$: 'CAD',
    CAD: 'CAD',
    S$: 'SGD',
    SGD: 'SGD',
    R$: 'BRL',
    '€': 'EUR',
    EUR: 'EUR',
    '£': 'GBP',
    GBP: 'GBP',
    // `¥` is both yuan and yen; factdesk's documents are mostly Chinese, so yuan unless `yen` follows.
    '¥': 'yuan',
    '￥': 'yuan',
    RMB: 'yuan',
    CNY: 'yuan',
    JPY: 'JPY',
    '₹': 'INR',
    INR: 'INR',
    '₩': 'KRW',
    KRW: 'KRW',
    CHF: 'CHF',
  };
  return table[compact] ?? compact;
}

/**
 * The unit for a currency word written after a number (`yuan`, `US dollars`, `euros`).
 *
 * @example
 * currencyOfWord('yuan')       // → 'yuan'
 * currencyOfWord('US dollars') // → 'USD'
 */
export function currencyOfWord(word: string): string {
  const compact = word.trim().replace(/\s+/g, ' ');
  for (const [pattern, unit] of CURRENCY_WORDS) if (pattern.test(compact)) return unit;
  return compact.toLowerCase();
}
