/**
 * Figures of a Chinese sentence: amounts (`13万亿元`, `人民币5亿元`, `20亿美元`), counts with their
 * measure word (`7.5万家`, `1500多家`, measure word included in the text), percents (`5.2%`, `百分之五点二`, `1.5个百分点`), streaks
 * (`连续35年`), ranks (`第一`, `首位`, `75周年`), multiples (`3倍`, `翻一番`), dates (`2023年11月`,
 * `2月18日`) and years (`2023年`), with the same kinds, values and units as English figures.
 *
 * A label is the noun phrase the number measures: the words of its clause before the number with the
 * verbs, qualifiers and scope words (`全省`, `广东`) dropped from its ends (`广东地区生产总值突破13万亿元` →
 * `地区生产总值`), or for a count the noun after its measure word (`有7.5万家高新技术企业` →
 * `高新技术企业`). Words come from `Intl.Segmenter` (Node's ICU); word lists from `lexicon/zh.json`.
 */

import type { FigureKind } from '../types.js';
import type { LocatedFigure } from './extract.js';
import { balanceQuotes, shortenLabel } from './label-text.js';
import { alternation, keysOf, ZH } from './lexicon/data.js';
import { findNonFigures, type Span } from './matchers.js';
import { scanNumberPhrases } from './numbers.js';
import type { PeriodMention } from './periods.js';
import { withRoleAndPeriod } from './roles.js';
import { foldWidth } from './width.js';
import { chineseInteger } from './zh-numbers.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * True when a sentence is written in Chinese: at least two Han characters, and more of them than
 * Latin letters.
 *
 * @example
 * isChineseSentence('广东2023年GDP突破13万亿元。') // → true
 * isChineseSentence('Guangdong (广东) grew 5%.')   // → false
 */
export function isChineseSentence(sentence: string): boolean {
  const han = sentence.match(HAN)?.length ?? 0;
  if (han < 2) return false;
  return han > (sentence.match(LATIN)?.length ?? 0);
}

const DIGITS: Record<string, number> = ZH.digits;
const CURRENCY_AFTER: Record<string, string> = ZH.currenciesAfter;
const CURRENCY_BEFORE: Record<string, string> = ZH.currenciesBefore;
const MEASURES: Record<string, string> = ZH.measureWords;
const QUALIFIERS_BEFORE: Record<string, string> = ZH.qualifiersBefore;
const QUALIFIERS_AFTER: Record<string, string> = ZH.qualifiersAfter;
const STREAK_UNITS: Record<string, string> = ZH.streak.units;
const MULTIPLES: Record<string, number> = ZH.multiples;

const N = `(?:\\d+|[${Object.keys(DIGITS).join('')}十百千]+)`;
const CURRENCY_AFTER_RE = new RegExp(`^(?:${keysOf(CURRENCY_AFTER)})`, 'u');
const CURRENCY_BEFORE_RE = new RegExp(`(?:${keysOf(CURRENCY_BEFORE)})$`, 'u');
const MEASURE_RE = new RegExp(`^(?:${keysOf(MEASURES)})`, 'u');
const POINTS_RE = new RegExp(`^(?:${alternation(ZH.percentagePoints)})`, 'u');
const QUALIFIER_BEFORE_RE = new RegExp(`(?:${keysOf(QUALIFIERS_BEFORE)})$`, 'u');
const QUALIFIER_AFTER_RE = new RegExp(`^(?:${keysOf(QUALIFIERS_AFTER)})`, 'u');
// Compiled once: the finders run on every sentence.
const YEAR_RE = new RegExp(`(?<![\\p{N}])(\\d{4})(?:年(?!代)|${ZH.periods.seasons.join('|')})`, 'gu');
const STREAK_RE = new RegExp(`(?:${alternation(ZH.streak.prefix)})第?(${N})(${keysOf(STREAK_UNITS)})`, 'gu');
const ANNIVERSARY_RE = new RegExp(`(${N})(?:${alternation(ZH.ranks.anniversary)})`, 'gu');
const TIMES_RE = new RegExp(`(${N}(?:\\.\\d+)?)倍`, 'gu');
const MULTIPLE_WORDS_RE = new RegExp(keysOf(MULTIPLES), 'gu');
const ORDINAL_RE = new RegExp(
  `${ZH.ranks.ordinalPrefix}(${N})(?:${alternation(ZH.ranks.ordinalSuffixes)})?`,
  'gu',
);
const FIRST_PLACE_RE = new RegExp(alternation(ZH.ranks.firstPlace), 'gu');
const CLAUSE_BREAK = new RegExp(`[${ZH.clauseBreaks.replace(/[\]\\^-]/g, '\\$&')}]`, 'u');

/** A figure candidate of a Chinese sentence, before its label. */
interface ZhCandidate extends Span {
  kind: FigureKind;
  value: number;
  unit: string;
  qualifier?: string;
  qualifierStart: number;
  /** Where the words after the figure start (after a measure word or currency). */
  tail: number;
}

function numberOf(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : chineseInteger(text);
}

type Finder = (folded: string) => ZhCandidate[];

const at = (m: RegExpMatchArray): number => m.index ?? 0;
const candidate = (
  start: number,
  end: number,
  kind: FigureKind,
  value: number,
  unit: string,
): ZhCandidate => ({ start, end, kind, value, unit, qualifierStart: start, tail: end });

const FINDERS: Finder[] = [
  // Dates and years
  (s) =>
    [...s.matchAll(/(?<![\p{N}])(\d{4})年(1[0-2]|0?[1-9])月(?:(3[01]|[12]\d|0?[1-9])[日号])?/gu)].map((m) =>
      candidate(
        at(m),
        at(m) + m[0].length,
        'date',
        Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3] ?? 0),
        'date',
      ),
    ),
  (s) =>
    [...s.matchAll(/(?<![\p{N}年])(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])[日号]/gu)].map((m) =>
      candidate(at(m), at(m) + m[0].length, 'date', Number(m[1]) * 100 + Number(m[2]), 'date'),
    ),
  (s) =>
    [...s.matchAll(YEAR_RE)].map((m) => candidate(at(m), at(m) + m[0].length, 'year', Number(m[1]), 'year')),
  // Streaks: 连续35年, 连续第35年
  (s) =>
    [...s.matchAll(STREAK_RE)].flatMap((m) => {
      const value = numberOf(m[1] ?? '');
      return value
        ? [candidate(at(m), at(m) + m[0].length, 'streak', value, STREAK_UNITS[m[2] ?? ''] ?? 'years')]
        : [];
    }),
  // Anniversaries: 75周年
  (s) =>
    [...s.matchAll(ANNIVERSARY_RE)].flatMap((m) => {
      const value = numberOf(m[1] ?? '');
      return value ? [candidate(at(m), at(m) + m[0].length, 'rank', value, 'rank')] : [];
    }),
  // Multiples: 3倍, 翻一番
  (s) => [
    ...[...s.matchAll(TIMES_RE)].flatMap((m) => {
      const text = m[1] ?? '';
      const value = /^\d/.test(text) ? Number(text) : chineseInteger(text);
      return value ? [candidate(at(m), at(m) + m[0].length, 'multiple', value, 'times')] : [];
    }),
    ...[...s.matchAll(MULTIPLE_WORDS_RE)].map((m) =>
      candidate(at(m), at(m) + m[0].length, 'multiple', MULTIPLES[m[0]] ?? 2, 'times'),
    ),
  ],
  // Ranks: 第一, 第3位, 首位
  (s) => [
    ...[...s.matchAll(ORDINAL_RE)].flatMap((m) => {
      const value = numberOf(m[1] ?? '');
      return value ? [candidate(at(m), at(m) + m[0].length, 'rank', value, 'rank')] : [];
    }),
    ...[...s.matchAll(FIRST_PLACE_RE)].map((m) => candidate(at(m), at(m) + m[0].length, 'rank', 1, 'rank')),
  ],
];

/** Number phrases as amounts, counts and percents, with their currency, measure word and qualifier. */
function numberCandidates(sentence: string, folded: string): ZhCandidate[] {
  return scanNumberPhrases(sentence).map((phrase) => {
    let end = phrase.end;
    let kind: FigureKind = 'count';
    let unit = '';
    let qualifier = phrase.qualifier;
    let start = phrase.start;
    const after = () => folded.slice(end);
    if (phrase.percent) {
      kind = 'percent';
      unit = 'percent';
    } else if (POINTS_RE.test(after())) {
      kind = 'percent';
      unit = 'percentage points';
      end += POINTS_RE.exec(after())?.[0].length ?? 0;
    } else if (CURRENCY_AFTER_RE.test(after()) || phrase.currency) {
      const word = CURRENCY_AFTER_RE.exec(after())?.[0];
      kind = 'amount';
      unit = word ? (CURRENCY_AFTER[word] ?? 'yuan') : 'yuan';
      end += word?.length ?? 0;
      if (phrase.currency) unit = phrase.currency === '$' ? 'USD' : unit;
    }
    const before = CURRENCY_BEFORE_RE.exec(folded.slice(Math.max(0, start - 4), start));
    if (before && kind !== 'percent') {
      kind = 'amount';
      unit = CURRENCY_BEFORE[before[0]] ?? unit;
      start -= before[0].length;
    }
    let tail = end;
    if (kind === 'count') {
      const measure = MEASURE_RE.exec(after())?.[0];
      // The measure word stays on the text, as a unit does (`7.5万家`, `682万吨`).
      if (measure) {
        unit = MEASURES[measure] || measure;
        end += measure.length;
        tail = end;
      }
    }
    const trailing = QUALIFIER_AFTER_RE.exec(folded.slice(tail))?.[0];
    if (trailing && !qualifier) {
      qualifier = QUALIFIERS_AFTER[trailing];
      tail += trailing.length;
    }
    let qualifierStart = start;
    const written = QUALIFIER_BEFORE_RE.exec(folded.slice(Math.max(0, start - 4), start))?.[0];
    if (written) {
      qualifierStart = start - written.length;
      qualifier ??= QUALIFIERS_BEFORE[written] || undefined;
    }
    const out: ZhCandidate = { start, end, kind, value: phrase.value, unit, qualifierStart, tail };
    if (qualifier) out.qualifier = qualifier;
    return out;
  });
}

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const VERBS = new Set(ZH.label.verbs);
const LEADING = new Set(ZH.label.leading);
const RISE = new Set(ZH.label.riseVerbs);
const FALL = new Set(ZH.label.fallVerbs);

/** The words of `text`: Han words from the segmenter, punctuation and spaces dropped. */
function wordsOf(text: string): Array<{ segment: string; index: number }> {
  return [...SEGMENTER.segment(text)].filter((s) => /[\p{L}\p{N}]/u.test(s.segment));
}

const EDGE_WORDS = [...new Set([...ZH.label.verbs, ...ZH.label.leading])].filter((w) => w.length > 1);
const TRAILING_EDGE = new RegExp(`(?:${alternation(EDGE_WORDS)})$`, 'u');
const LEADING_EDGE = new RegExp(`^(?:${alternation(ZH.label.leading.filter((w) => w.length > 1))})`, 'u');
const RISE_AT_END = new RegExp(`(?:${alternation(ZH.label.riseVerbs)})$`, 'u');
const FALL_AT_END = new RegExp(`(?:${alternation(ZH.label.fallVerbs)})$`, 'u');

/** A noun phrase from a clause's text: verbs, qualifiers and scope words dropped from its ends. */
function nounPhrase(text: string): { text: string; rise: boolean; fall: boolean } {
  // Whole phrases first (`同比增长`, `全省`), whatever the segmenter makes of them, then word by word.
  let rise = false;
  let fall = false;
  let rest = text.trim();
  for (let edge = TRAILING_EDGE.exec(rest); edge; edge = TRAILING_EDGE.exec(rest)) {
    if (RISE_AT_END.test(edge[0])) rise = true;
    if (FALL_AT_END.test(edge[0])) fall = true;
    rest = rest.slice(0, rest.length - edge[0].length);
    if (!rest) break;
  }
  for (let edge = LEADING_EDGE.exec(rest); edge && rest; edge = LEADING_EDGE.exec(rest))
    rest = rest.slice(edge[0].length);
  const segments = wordsOf(rest);
  const words = segments.map((w) => w.segment);
  let a = 0;
  let b = words.length;
  for (;;) {
    const last = words[b - 1];
    if (b > a && last !== undefined && (VERBS.has(last) || LEADING.has(last) || /^[\d.,%]+$/.test(last))) {
      if (RISE.has(last)) rise = true;
      if (FALL.has(last)) fall = true;
      b--;
      continue;
    }
    break;
  }
  const possessive = words.slice(a, b).lastIndexOf(ZH.label.possessive);
  if (possessive >= 0 && possessive < b - a - 1) a += possessive + 1;
  while (
    a < b &&
    (LEADING.has(words[a] ?? '') || VERBS.has(words[a] ?? '') || /^[\d.,%]+$/.test(words[a] ?? ''))
  )
    a++;
  // The text between the first and last word kept, quotes and all (`专精特新“小巨人”企业`).
  const first = segments[a];
  const last = segments[b - 1];
  const kept = first && last && a < b ? rest.slice(first.index, last.index + last.segment.length) : '';
  return { text: balanceQuotes(kept), rise, fall };
}

/** How far (in characters) a clause is read around a figure, so long runs stay linear. */
const CLAUSE_WINDOW = 120;

function clauseBounds(sentence: string, start: number, end: number): { from: number; to: number } {
  const ends = (c: string | undefined) => c === undefined || CLAUSE_BREAK.test(c) || /[。！？!?]/u.test(c);
  let from = start;
  const floor = Math.max(0, start - CLAUSE_WINDOW);
  while (from > floor && !ends(sentence[from - 1])) from--;
  let to = end;
  const ceiling = Math.min(sentence.length, end + CLAUSE_WINDOW);
  while (to < ceiling && !ends(sentence[to])) to++;
  return { from, to };
}

/** `text` with the spans of other figures cut out. */
function without(sentence: string, from: number, to: number, others: readonly ZhCandidate[]): string {
  let out = '';
  let cursor = from;
  for (const o of others) {
    if (o.end <= from || o.start >= to) continue;
    out += sentence.slice(cursor, Math.max(cursor, o.qualifierStart));
    cursor = Math.max(cursor, o.tail);
  }
  return out + sentence.slice(Math.min(cursor, to), to);
}

/** The figures around `index` that reach into `from..to` (the list is sorted by start). */
function near(accepted: readonly ZhCandidate[], index: number, from: number, to: number): ZhCandidate[] {
  let a = index;
  while (a > 0 && (accepted[a - 1]?.tail ?? 0) > from) a--;
  let b = index;
  while (b + 1 < accepted.length && (accepted[b + 1]?.qualifierStart ?? to) < to) b++;
  return accepted.slice(a, b + 1);
}

function labelOf(
  sentence: string,
  accepted: readonly ZhCandidate[],
  index: number,
  previous?: string,
): string {
  const figure = accepted[index] as ZhCandidate;
  const { from, to } = clauseBounds(sentence, figure.qualifierStart, figure.end);
  const all = near(accepted, index, from, to);
  const others = all.filter((o) => o !== figure);
  if (figure.kind === 'date' || figure.kind === 'year') {
    const own = without(sentence, from, to, all).trim();
    // A clause that is only the date and its verb (`到了2002赛季，…`) names the event in the next one.
    if (own && nounPhrase(own).text) return own;
    const next = clauseBounds(sentence, to + 1, to + 1);
    return sentence.slice(to + 1, next.to).trim() || figure.kind;
  }
  if (figure.kind === 'count' && figure.tail > figure.end) {
    const after = nounPhrase(without(sentence, figure.tail, to, others));
    if (after.text) return after.text;
  }
  const before = nounPhrase(without(sentence, from, figure.qualifierStart, others));
  if (figure.kind === 'streak') {
    const rest = without(sentence, figure.tail, to, []).trim();
    // `…突破13万亿元，连续35年居全国首位`: a clause without a subject continues the one before.
    return `${before.text || previous || ''}${rest}` || figure.kind;
  }
  const subject = before.text || previous || '';
  if (figure.kind === 'percent' && subject) {
    if (before.rise) return `${subject}${ZH.label.riseVerbs[0]}`;
    if (before.fall) return `${subject}${ZH.label.fallVerbs[0]}`;
  }
  if (subject) return subject;
  const after = nounPhrase(without(sentence, figure.tail, to, others));
  return after.text || figure.kind;
}

/**
 * Every figure of a Chinese sentence, in order, with offsets relative to the sentence, the same
 * shape as English figures (`text` is as written, full-width digits included).
 *
 * @example
 * zhFiguresOfSentence('全省地区生产总值突破13万亿元。', [])[0]
 * // → { kind: 'amount', text: '13万亿元', value: 13000000000000, unit: 'yuan', qualifier: 'broken through', label: '地区生产总值', … }
 */
export function zhFiguresOfSentence(sentence: string, mentions: readonly PeriodMention[]): LocatedFigure[] {
  const folded = foldWidth(sentence);
  const taken = new Uint8Array(sentence.length);
  const take = (s: Span) => taken.fill(1, s.start, s.end);
  const free = (s: Span) => !taken.subarray(s.start, s.end).some((c) => c === 1);
  for (const span of findNonFigures(folded)) take(span);
  for (const m of mentions) if (m.notFigure) take(m);
  for (const word of ZH.ranks.notRanks) {
    for (let i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + 1))
      take({ start: i, end: i + word.length });
  }
  const accepted: ZhCandidate[] = [];
  const offer = (c: ZhCandidate) => {
    if (c.end <= c.start || !free(c)) return;
    take(c);
    accepted.push(c);
  };
  for (const finder of FINDERS) for (const c of finder(folded)) offer(c);
  for (const c of numberCandidates(sentence, folded)) offer(c);
  accepted.sort((a, b) => a.start - b.start);

  const located: LocatedFigure[] = [];
  let previous: string | undefined;
  for (const [index, figure] of accepted.entries()) {
    const label = shortenLabel(labelOf(sentence, accepted, index, previous));
    if (['amount', 'count', 'percent', 'multiple'].includes(figure.kind) && label !== figure.kind)
      previous = label;
    const out: LocatedFigure = {
      kind: figure.kind,
      text: sentence.slice(figure.start, figure.end),
      value: figure.value,
      unit: figure.unit,
      label,
      sentence,
      start: figure.start,
      end: figure.end,
    };
    if (figure.qualifier) out.qualifier = figure.qualifier;
    located.push(out);
  }
  return withRoleAndPeriod(
    located,
    accepted.map((f) => f.qualifierStart),
    mentions,
    true,
  );
}
