/**
 * Pattern matchers that find figure candidates of one kind each in a sentence: dates, streaks, ranks,
 * multiples, and the spans that are never figures (phone numbers, e-mail addresses, URLs, codes).
 * Amounts, percents, counts and years come from {@link scanNumberPhrases} in `extract.ts`.
 *
 * Each matcher returns candidates with offsets into the text it was given; `extract.ts` runs them in
 * priority order and drops any candidate that overlaps one already taken.
 */

import type { FigureKind } from '../types.js';
import { alternation, EN } from './lexicon/data.js';
import { NUMBER_WORD_SOURCE, ORDINAL_WORD_SOURCE, parseNumberWord, parseOrdinal } from './number-words.js';

/** A span of text taken by a matcher. */
export interface Span {
  start: number;
  end: number;
}

/** How the label of a rank should be looked for (see `labels.ts`). */
export type RankStyle = 'verb' | 'ordinal' | 'place' | 'superlative' | 'number' | 'top';

/** A figure found by a matcher, before its qualifier and label are worked out. */
export interface Candidate extends Span {
  kind: FigureKind;
  value: number;
  unit: string;
  /** A qualifier the pattern itself carries (`top` of `top 20`). */
  qualifier?: string;
  /** For ranks: the pattern that found it. For rank superlatives: also the superlative word. */
  rankStyle?: RankStyle;
  superlative?: string;
  /** For a range: the high end. */
  high?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// Capitalised month names and their abbreviations, with or without a point. Case-sensitive on
// purpose: `may` the verb and `march` the noun are not months.
const MONTH =
  '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![\\p{L}])';
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?<year>\\d{4})(?![\\p{L}\\p{N}])';
const SP = '[ \\u00a0]+';
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

function dateCandidate(
  match: RegExpMatchArray,
  year: number,
  month: number,
  day: number,
): Candidate | undefined {
  if (month < 1 || month > 12 || day < 0 || day > 31) return undefined;
  if (year !== 0 && (year < 1000 || year > 2999)) return undefined;
  const start = match.index ?? 0;
  return {
    start,
    end: start + match[0].length,
    kind: 'date',
    value: year * 10000 + month * 100 + day,
    unit: 'date',
  };
}

/**
 * Dates, most specific first: `February 18, 2024`, `Feb. 20, 2024`, `18 February 2024`,
 * `2024-02-18` → YYYYMMDD; `November 2023` → YYYYMM00; `March 5` (no year) → MMDD with year 0.
 *
 * @example
 * findDates('On February 18, 2024, in November 2023').map((c) => c.value) // → [20240218, 20231100]
 */
const DATE_PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => Candidate | undefined]> = (
  [
    [
      `${NOT_AFTER_WORD}${MONTH}${SP}${DAY}(?:[-–]\\d{1,2})?,?${SP}${YEAR}`,
      (m) =>
        dateCandidate(m, Number(m.groups?.year), monthNumber(m.groups?.month ?? ''), Number(m.groups?.day)),
    ],
    [
      `${NOT_AFTER_WORD}${DAY}${SP}(?:of${SP})?${MONTH},?${SP}${YEAR}`,
      (m) =>
        dateCandidate(m, Number(m.groups?.year), monthNumber(m.groups?.month ?? ''), Number(m.groups?.day)),
    ],
    [
      `(?<![\\p{L}\\p{N}.,/-])(?<year>\\d{4})(?<sep>[-/])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})(?![\\p{L}\\p{N}]|[.,/-]\\d)`,
      (m) => dateCandidate(m, Number(m.groups?.year), Number(m.groups?.month), Number(m.groups?.day)),
    ],
    [
      `${NOT_AFTER_WORD}${MONTH},?${SP}${YEAR}`,
      (m) => dateCandidate(m, Number(m.groups?.year), monthNumber(m.groups?.month ?? ''), 0),
    ],
    [
      `${NOT_AFTER_WORD}${MONTH}${SP}${DAY}(?![\\p{L}\\p{N}]|[.,]\\d)`,
      (m) => dateCandidate(m, 0, monthNumber(m.groups?.month ?? ''), Number(m.groups?.day)),
    ],
    [
      `${NOT_AFTER_WORD}${DAY}${SP}(?:of${SP})?${MONTH}`,
      (m) => dateCandidate(m, 0, monthNumber(m.groups?.month ?? ''), Number(m.groups?.day)),
    ],
  ] as Array<[string, (m: RegExpMatchArray) => Candidate | undefined]>
).map(([source, make]) => [new RegExp(source, 'gu'), make]);

/**
 * Dates, most specific first: `February 18, 2024`, `Feb. 20, 2024`, `18 February 2024`,
 * `2024-02-18` → YYYYMMDD; `November 2023` → YYYYMM00; `March 5` (no year) → MMDD with year 0.
 *
 * @example
 * findDates('On February 18, 2024, in November 2023').map((c) => c.value) // → [20240218, 20231100]
 */
export function findDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d/.test(text)) return found;
  for (const [pattern, make] of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const candidate = make(match);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

const COUNT_SOURCE = `(?<n>\\d+(?:st|nd|rd|th)|\\d+|${ORDINAL_WORD_SOURCE}|${NUMBER_WORD_SOURCE})`;
const STREAK_UNIT =
  '(?<unit>years?|months?|quarters?|weeks?|days?|times|terms?|seasons?|sessions?|editions?|rounds?|periods?|games?|matches)';

function streakValue(n: string): number | undefined {
  if (/^\d+$/.test(n)) return Number(n);
  return parseOrdinal(n) ?? parseNumberWord(n);
}

function plural(unit: string): string {
  const lower = unit.toLowerCase();
  if (lower.endsWith('s')) return lower;
  return `${lower}s`;
}

const STREAK_PATTERNS = [
  `${NOT_AFTER_WORD}${COUNT_SOURCE}${SP}(?:consecutive|straight|successive|continuous|running)${SP}${STREAK_UNIT}(?![\\p{L}])`,
  `${NOT_AFTER_WORD}${COUNT_SOURCE}${SP}${STREAK_UNIT}${SP}(?:in${SP}a${SP}row|running)(?![\\p{L}])`,
].map((source) => new RegExp(source, 'giu'));

/**
 * Streaks: `35 consecutive years`, `two consecutive years`, `the 12th consecutive year`,
 * `5 years in a row`, `the fourth year in a row`. The text starts at the number (no `for`, no `the`).
 *
 * @example
 * findStreaks('ranking first for 35 consecutive years')[0] // → { value: 35, unit: 'years', … }
 */
export function findStreaks(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of STREAK_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = streakValue(match.groups?.n ?? '');
      if (value === undefined || value === 0) continue;
      const start = match.index ?? 0;
      found.push({
        start,
        end: start + match[0].length,
        kind: 'streak',
        value,
        unit: plural(match.groups?.unit ?? 'years'),
      });
    }
  }
  return found;
}

const SUPERLATIVES =
  'largest|biggest|highest|lowest|fastest|busiest|best|strongest|richest|smallest|most|leading|greatest|top|oldest|youngest';

const ORDINAL_OR_DIGITS = `${ORDINAL_WORD_SOURCE}|\\d+(?:st|nd|rd|th)|No\\.[ \\u00a0]?\\d+|number${SP}one`;
const RANK_PATTERNS = (
  [
    [
      `(?<![\\p{L}])(?:rank(?:s|ed|ing)?|plac(?:e|es|ed|ing)|came|comes|coming|finish(?:ed|es|ing)?)${SP}(?:(?:as|the|at)${SP})?(?<n>${ORDINAL_OR_DIGITS}|\\d+(?![.,]\\d))(?![\\p{L}\\p{N}])`,
      'giu',
      'verb',
    ],
    [`${NOT_AFTER_WORD}No\\.[ \\u00a0]?(?<n>\\d+)(?![\\p{L}\\p{N}]|[.,]\\d)`, 'gu', 'number'],
    [`(?<![\\p{L}])(?<n>${ORDINAL_WORD_SOURCE})${SP}(?:place|position|spot)(?![\\p{L}])`, 'giu', 'place'],
    [
      `(?<![\\p{L}])(?<n>${ORDINAL_WORD_SOURCE})[- \\u00a0](?<sup>${SUPERLATIVES})(?![\\p{L}])`,
      'giu',
      'superlative',
    ],
    [
      `(?<![\\p{L}\\p{N}_.,])(?<n>\\d{1,3}(?:,\\d{3})+|\\d+)(?:st|nd|rd|th)(?![\\p{L}\\p{N}])`,
      'giu',
      'ordinal',
    ],
    [`(?<![\\p{L}])top${SP}(?<n>\\d+|${NUMBER_WORD_SOURCE})(?![\\p{L}\\p{N}_-]|[.,]\\d)`, 'giu', 'top'],
  ] as Array<[string, string, RankStyle]>
).map(([source, flags, style]) => [new RegExp(source, `${flags}d`), style] as const);

/**
 * Ranks: `rank first`, `ranking first`, `ranked 3rd`, `No. 1`, `fourth place`, `the second-largest`,
 * `top 20`, and digit ordinals (`75th`). The text is the ordinal itself (`first`, `75th`, `No. 1`),
 * or the whole compound for superlatives (`third-highest`).
 *
 * @example
 * findRanks('all rank first in the country')[0] // → { text 'first', value: 1, unit: 'rank', … }
 */
export function findRanks(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const [pattern, style] of RANK_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const n = match.groups?.n ?? '';
      const span = match.indices?.groups?.n;
      if (!span) continue;
      const numberText = n.replace(/^No\.[ \u00a0]?/, '').replace(/^number\s+one$/i, '1');
      const value = /^\d+$/.test(numberText)
        ? Number(numberText)
        : (parseOrdinal(numberText) ?? parseNumberWord(numberText));
      if (value === undefined || value === 0) continue;
      const candidate: Candidate = {
        start: span[0],
        end: span[1],
        kind: 'rank',
        value,
        unit: 'rank',
        rankStyle: style,
      };
      // Digit ordinals keep their suffix (`75th`), `No. 1` its `No.`, superlatives the whole compound.
      if (style === 'ordinal') candidate.end = (match.index ?? 0) + match[0].length;
      if (style === 'number') candidate.start = match.index ?? 0;
      if (style === 'superlative') {
        candidate.end = (match.index ?? 0) + match[0].length;
        candidate.superlative = match.groups?.sup?.toLowerCase();
      }
      if (style === 'top') candidate.qualifier = 'top';
      found.push(candidate);
    }
  }
  return found;
}

// After `N times`, these words make it a multiple (`three times the average`) rather than a
// frequency (`used 5,860 times by ships`).
const COMPARISON_AFTER_TIMES =
  /^[ \u00a0]+(?:the|that|those|as|higher|larger|more|bigger|greater|faster|lower|smaller|over|than|its|their|what|his|her|our|this|last|a)(?![\p{L}])/iu;

const MULTIPLE_WORDS: Record<string, number> = { twice: 2, thrice: 3, doubl: 2, tripl: 3, quadrupl: 4 };
const MULTIPLE_NUMBER = `(?<![\\p{L}\\p{N}_]|\\p{N}[.,])(?<n>\\d+(?:\\.\\d+)?|${NUMBER_WORD_SOURCE})`;
const N_TIMES = new RegExp(`${MULTIPLE_NUMBER}[ \\u00a0-]+times(?![\\p{L}])`, 'giu');
const N_FOLD = new RegExp(`${MULTIPLE_NUMBER}[ \\u00a0-]?fold(?![\\p{L}])`, 'giu');
const N_X = /(?<![\p{L}\p{N}_]|\p{N}[.,])(?<n>\d+(?:\.\d+)?)[x×](?![\p{L}\p{N}])/giu;

/**
 * Multiples: `twice`, `thrice`, `doubled`, `double the`, `three times the`, `2.5 times higher`,
 * `threefold`, `2x`.
 *
 * @example
 * findMultiples('more than twice the average')[0] // → { text 'twice', value: 2, unit: 'times', … }
 */
export function findMultiples(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, end: number, value: number | undefined) => {
    if (value !== undefined && value > 0) found.push({ start, end, kind: 'multiple', value, unit: 'times' });
  };

  for (const m of text.matchAll(/(?<![\p{L}])(?<w>twice|thrice)(?![\p{L}])/giu)) {
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, MULTIPLE_WORDS[(m.groups?.w ?? '').toLowerCase()]);
  }
  for (const m of text.matchAll(/(?<![\p{L}])(?<w>doubl|tripl|quadrupl)(?:ed|ing)(?![\p{L}])/giu)) {
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, MULTIPLE_WORDS[(m.groups?.w ?? '').toLowerCase()]);
  }
  for (const m of text.matchAll(/(?<![\p{L}])(?<w>doubl|tripl|quadrupl)e(?![\p{L}-])/giu)) {
    const end = (m.index ?? 0) + m[0].length;
    if (COMPARISON_AFTER_TIMES.test(text.slice(end))) {
      add(m.index ?? 0, end, MULTIPLE_WORDS[(m.groups?.w ?? '').toLowerCase()]);
    }
  }
  for (const m of text.matchAll(N_TIMES)) {
    const end = (m.index ?? 0) + m[0].length;
    if (!COMPARISON_AFTER_TIMES.test(text.slice(end))) continue;
    const n = m.groups?.n ?? '';
    add(m.index ?? 0, end, /^\d/.test(n) ? Number(n) : parseNumberWord(n));
  }
  for (const m of text.matchAll(N_FOLD)) {
    const n = m.groups?.n ?? '';
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, /^\d/.test(n) ? Number(n) : parseNumberWord(n));
  }
  for (const m of text.matchAll(N_X)) {
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, Number(m.groups?.n));
  }
  return found;
}

// Capitalised nouns that name things by number (`Phase 2`, `Table 3`): case-sensitive, since `order 5` or
// `case 3` in lower case may count.
const ID_WORDS = alternation(EN.identifiers.capitalisedNouns);

// Spans that hold digits but no figure. Order does not matter: they are all taken before any figure.
const NOT_FIGURES = (
  [
    // URLs and bare domains (`example.org/a/2023-results`).
    ['(?:https?:\\/\\/|www\\.)[^\\s<>"“”]+', 'giu'],
    [
      '(?<![\\p{L}\\p{N}@.])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:com|org|net|cn|gov|edu|io|uk|de|fr|jp|info|biz|hk|tw|sg|au|ca|in)(?:\\/[^\\s]*)?(?![\\p{L}\\p{N}])',
      'giu',
    ],
    // E-mail addresses.
    ['(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}', 'giu'],
    // Phone numbers: after a label (`Tel: …`), international (`+86 …`, `0086-…`), or grouped (`555-123-4567`).
    [
      '(?<![\\p{L}])(?:Tel|Telephone|Phone|Ph|Fax|Mobile|Mob|Cell|WhatsApp|WeChat|Hotline)\\.?[ \\u00a0]*(?:No\\.?)?[ \\u00a0]*[:：]?[ \\u00a0]*\\+?[\\d(][\\d \\u00a0().+\\/-]*\\d',
      'giu',
    ],
    ['(?<![\\p{L}\\p{N}.,])(?:\\+|00)\\d[\\d \\u00a0().-]{6,}\\d', 'giu'],
    ['(?<![\\p{L}\\p{N}.,])\\(?\\d{2,5}\\)?[-.]\\d{3,4}[-.]\\d{3,5}(?![\\p{L}\\p{N}])', 'giu'],
    ['\\(\\d{2,5}\\)[ \\u00a0]?\\d{3,4}[-. \\u00a0]?\\d{4}(?![\\p{L}\\p{N}])', 'giu'],
    // Clock times (`4:30 p.m.`, `9am`).
    [
      '(?<![\\p{L}\\p{N}])\\d{1,2}:\\d{2}(?::\\d{2})?(?:[ \\u00a0]?(?:a\\.m\\.|p\\.m\\.|am|pm)(?![\\p{L}]))?',
      'giu',
    ],
    ['(?<![\\p{L}\\p{N}.,])\\d{1,2}[ \\u00a0]?(?:a\\.m\\.|p\\.m\\.|am|pm)(?![\\p{L}])', 'giu'],
    // Stock tickers (`NASDAQ: ABCD`, `SSE: 600519`).
    [
      '(?<![\\p{L}])(?:NYSE|NASDAQ|Nasdaq|SSE|SZSE|HKEX|SEHK|HKSE|TSX|LSE|ASX|KRX|TSE|SGX|OTCQX|OTC|Euronext|XETRA|BSE|NSE)(?:[ \\u00a0]+[A-Z][\\p{L}]*)?[ \\u00a0]*[:：][ \\u00a0]*[\\p{L}\\p{N}.]+',
      'gu',
    ],
    // Numbers that name things rather than count them (`Phase 2`, `Booth #12`, `COVID-19`), footnotes.
    [`(?:#[ \\u00a0]?|(?<![\\p{L}])(?:${ID_WORDS})[ \\u00a0]?#?)\\d[\\p{L}\\p{N}-]*`, 'gu'],
    ['(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{Lu}\\p{N}]*-\\d+(?:\\.\\d+)?(?![\\p{L}\\p{N}])', 'gu'],
    ['\\[\\d+\\]', 'gu'],
    // Names with a number, any case (`district 42`, `Route 66`, `Building No. 7`, `shirt number 10`),
    // unless a percent follows (`the region 12% higher`).
    [
      `(?<![\\p{L}])(?:${alternation(EN.identifiers.nouns)})[ \\u00a0]+(?:No\\.?[ \\u00a0]?|#[ \\u00a0]?|number[ \\u00a0]+)?\\d[\\p{L}\\p{N}-]*(?![\\d.,]*[ \\u00a0]?(?:%|percent|per[ \\u00a0]cent))`,
      'giu',
    ],
    [
      `(?<![\\p{L}])(?:${alternation(EN.identifiers.before)})[ \\u00a0]+(?:the[ \\u00a0]+)?(?:number[ \\u00a0]+|No\\.[ \\u00a0]?|#)?\\d+(?![\\p{N}])`,
      'giu',
    ],
    [
      `(?<![\\p{L}])(?:No\\.|number)[ \\u00a0]?\\d+[ \\u00a0]+(?:${alternation(EN.identifiers.after)})(?![\\p{L}])`,
      'giu',
    ],
    // `No. 5` names a thing unless it ranks (`the No. 1 brand`, `ranked No. 2`).
    [
      `(?<!(?<![\\p{L}])(?:${alternation(EN.identifiers.rankBefore)})[ \\u00a0]+)(?<![\\p{L}\\p{N}])No\\.[ \\u00a0]?\\d+(?![\\p{N}]|[.,]\\d)`,
      'giu',
    ],
    // Codes after their name (`ISBN 978-3-16-148410-0`, `postcode 510623`, `PO Box 123`).
    [
      `(?<![\\p{L}])(?:${alternation(EN.identifiers.codeWords)})[ \\u00a0]*(?:No\\.?|#)?[ \\u00a0]*[:：]?[ \\u00a0]*[\\dX][\\dX \\u00a0-]*[\\dX]`,
      'giu',
    ],
    // Bare ISBNs, UK postcodes, US state and ZIP code, Chinese postcodes, landlines and mobiles.
    ['(?<![\\p{N}-])97[89][- ]\\d{1,5}[- ]\\d{1,7}[- ]\\d{1,7}[- ][\\dX](?![\\p{N}-])', 'gu'],
    ['(?<![\\p{L}\\p{N}])[A-Z]{1,2}\\d[A-Z\\d]?[ \\u00a0]\\d[A-Z]{2}(?![\\p{L}\\p{N}])', 'gu'],
    [
      `(?<![\\p{L}\\p{N}])(?:${EN.identifiers.usStates.join('|')})[ \\u00a0]\\d{5}(?:-\\d{4})?(?![\\p{L}\\p{N}])`,
      'gu',
    ],
    ['(?:邮编|邮政编码)[:：]?[ \\u00a0]*\\d{6}', 'gu'],
    // Lines and routes named by a number (`17号线`, `城巴11线`, `41R线`, `3路`).
    ['(?<![\\p{N}.,])\\d+[A-Za-z]{0,2}(?:号线|线|路)', 'gu'],
    ['(?<![\\p{N}])0\\d{2,3}-\\d{7,8}(?![\\p{N}])', 'gu'],
    ['(?<![\\p{N}])1[3-9]\\d{9}(?![\\p{N}])', 'gu'],
  ] as Array<[string, string]>
).map(([source, flags]) => new RegExp(source, flags));

/**
 * Spans that contain digits but are never figures: URLs, e-mail addresses, phone numbers, clock
 * times, stock tickers, numbered names (`Phase 2`, `COVID-19`) and footnote marks.
 *
 * @example
 * findNonFigures('Tel: 0086-15099961640') // → [{ start: 0, end: 21 }]
 */
export function findNonFigures(text: string): Span[] {
  const spans: Span[] = [];
  // Every non-figure matters only for the digits it hides; most sentences have none.
  if (!/\d/.test(text)) return spans;
  for (const pattern of NOT_FIGURES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (match[0].length > 0) spans.push({ start, end: start + match[0].length });
    }
  }
  return spans;
}
