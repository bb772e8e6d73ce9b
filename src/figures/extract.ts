/**
 * Extracting every figure of a passage: amounts, counts, percents, streaks, ranks, multiples, dates
 * and years, each with its value, unit, qualifier, label and sentence.
 *
 * Per sentence: spans that are never figures (phone numbers, e-mails, URLs, codes) are taken first,
 * then the matchers in priority order (dates, streaks, multiples, ranks, then number phrases); a
 * candidate that overlaps a span already taken is dropped, so figures never overlap and the year
 * of `February 18, 2024` or the `35` of `35 consecutive years` is not emitted twice.
 */

import type { Figure, FigureKind, Passage } from '../types.js';
import type { LabelContext, SentenceFigure } from './clauses.js';
import { describeFigure } from './labels.js';
import {
  COUNT_NOUNS,
  CURRENCY_WORD_SOURCE,
  currencyOfPrefix,
  currencyOfWord,
  MEASURE_UNITS,
  QUALIFIERS,
} from './lexicon.js';
import {
  type Candidate,
  findDates,
  findMultiples,
  findNonFigures,
  findRanks,
  findStreaks,
  type Span,
} from './matchers.js';
import { type NumberPhrase, scanNumberPhrases } from './numbers.js';
import { findPeriods } from './periods.js';
import { withRoleAndPeriod } from './roles.js';
import { splitSentences } from './sentences.js';
import { isFunctionWord, isVerb, tokenize, wordToken } from './tokens.js';
import { isChineseSentence, zhFiguresOfSentence } from './zh-extract.js';

/** A figure with its offsets in the text it was found in (`text === source.slice(start, end)`). */
export interface LocatedFigure extends Omit<Figure, 'id' | 'passageId' | 'docId'> {
  start: number;
  end: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUALIFIER_BEFORE = new RegExp(
  `(?<![\\p{L}])(${QUALIFIERS.map((q) => escapeRegExp(q).replace(/ /g, '[ \\u00a0]+')).join('|')})[ \\u00a0]+$`,
  'iu',
);
// Qualifiers strong enough to make a four-digit number a count rather than a year (`about 2000`).
const COUNT_QUALIFIERS = new Set([
  'more than',
  'fewer than',
  'less than',
  'nearly',
  'almost',
  'approximately',
  'about',
  'around',
  'roughly',
  'some',
  'at least',
  'up to',
  'as many as',
]);
const CURRENCY_AFTER = new RegExp(`^[ \\u00a0]+(${CURRENCY_WORD_SOURCE})(?![\\p{L}])`, 'iu');
const POINTS_AFTER = /^[ \u00a0]+(percentage[ \u00a0]+points?|basis[ \u00a0]+points?|bps)(?![\p{L}])/iu;
const NEXT_WORD = /^[ \u00a0]+([\p{L}][\p{L}-]*)/u;
const UNIT_AFTER = /^[ \u00a0]+([\p{L}]+)(?![\p{L}\p{N}-])/u;

/** Which characters of a sentence are taken, so an overlap test costs the span's length only. */
class Taken {
  private readonly chars: Uint8Array;
  constructor(length: number, spans: readonly Span[]) {
    this.chars = new Uint8Array(length);
    for (const span of spans) this.take(span);
  }
  overlaps(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) if (this.chars[i]) return true;
    return false;
  }
  take(span: Span): void {
    this.chars.fill(1, span.start, span.end);
  }
}

/** The qualifier right before offset `start`, lowercased, with where it starts. */
function qualifierBefore(
  sentence: string,
  start: number,
  floor: number,
): { text: string; start: number } | undefined {
  const match = QUALIFIER_BEFORE.exec(sentence.slice(floor, start));
  if (!match?.[1]) return undefined;
  return { text: match[1].toLowerCase().replace(/\s+/g, ' '), start: floor + (match.index ?? 0) };
}

/** Reads a number phrase as an amount, percent, count or year; `undefined` when it is none. */
function classifyNumber(sentence: string, phrase: NumberPhrase): Candidate | undefined {
  if (phrase.leadingZero) return undefined;
  const after = sentence.slice(phrase.end);
  const base: Pick<Candidate, 'start' | 'end' | 'value' | 'high' | 'qualifier'> = {
    start: phrase.start,
    end: phrase.end,
    value: phrase.value,
    ...(phrase.high !== undefined ? { high: phrase.high } : {}),
    ...(phrase.between ? { qualifier: 'between' } : {}),
  };
  if (phrase.percent) return { ...base, kind: 'percent', unit: 'percent' };
  const currencyWord = CURRENCY_AFTER.exec(after);
  if (phrase.currency || currencyWord) {
    const unit = currencyWord?.[1]
      ? currencyOfWord(currencyWord[1])
      : currencyOfPrefix(phrase.currency ?? '');
    return { ...base, end: phrase.end + (currencyWord?.[0].length ?? 0), kind: 'amount', unit };
  }
  const points = POINTS_AFTER.exec(after);
  if (points?.[1]) {
    const unit = points[1].toLowerCase().replace(/\s+/g, ' ').replace(/^bps$/, 'basis points');
    return {
      ...base,
      end: phrase.end + points[0].length,
      kind: 'percent',
      unit: unit.endsWith('s') ? unit : `${unit}s`,
    };
  }
  const next = NEXT_WORD.exec(after)?.[1];
  if (phrase.spelt) {
    // A spelt number counts only when a noun follows (`two scientists`); a lone `one` is a pronoun.
    if (phrase.value === 1 && !phrase.scaled) return undefined;
    if (!next) return undefined;
    // The number stands before the word, so an `-ing` word here is a noun (`two manufacturing bases`).
    const token = wordToken(next);
    if (isFunctionWord(token) || isVerb(token, wordToken(phrase.text))) return undefined;
    return { ...base, kind: 'count', unit: '' };
  }
  const yearLike = !phrase.formatted && !phrase.scaled && /^\d{4}$/.test(phrase.text);
  if (yearLike && phrase.value >= 1800 && phrase.value <= 2199) {
    const qualifier = qualifierBefore(sentence, phrase.start, 0)?.text;
    const countNoun = next !== undefined && COUNT_NOUNS.has(next.toLowerCase());
    if (!countNoun && !(qualifier && COUNT_QUALIFIERS.has(qualifier)))
      return { ...base, kind: 'year', unit: 'year' };
  }
  return { ...base, kind: 'count', unit: '' };
}

const NO_QUALIFIER_KINDS = new Set<FigureKind>(['date', 'year', 'rank']);

/** Every figure of one sentence, in order, with offsets relative to the sentence. */
function figuresOfSentence(sentence: string): LocatedFigure[] {
  const mentions = findPeriods(sentence);
  if (isChineseSentence(sentence)) return zhFiguresOfSentence(sentence, mentions);
  const periodSpans = mentions.filter((m) => m.notFigure);
  const taken = new Taken(sentence.length, [...findNonFigures(sentence), ...periodSpans]);
  const accepted: Candidate[] = [];
  const offer = (candidate: Candidate | undefined) => {
    if (!candidate || candidate.end <= candidate.start) return;
    if (taken.overlaps(candidate)) return;
    taken.take(candidate);
    accepted.push(candidate);
  };
  for (const candidate of findDates(sentence)) offer(candidate);
  for (const candidate of findStreaks(sentence)) offer(candidate);
  for (const candidate of findMultiples(sentence)) offer(candidate);
  for (const candidate of findRanks(sentence)) offer(candidate);
  for (const phrase of scanNumberPhrases(sentence)) {
    if (taken.overlaps(phrase)) continue;
    offer(classifyNumber(sentence, phrase));
  }
  accepted.sort((a, b) => a.start - b.start);

  // Qualifiers: the words right before a figure, never reaching back into the previous figure.
  const figures: SentenceFigure[] = [];
  let floor = 0;
  for (const candidate of accepted) {
    let qualifierStart = candidate.start;
    let qualifier = candidate.qualifier;
    if (candidate.qualifier === 'top' || candidate.qualifier === 'between') {
      const written = new RegExp(`${candidate.qualifier}[ \\u00a0]+$`, 'iu').exec(
        sentence.slice(floor, candidate.start),
      );
      if (written) qualifierStart = floor + (written.index ?? 0);
    } else if (!NO_QUALIFIER_KINDS.has(candidate.kind)) {
      const found = qualifierBefore(sentence, candidate.start, floor);
      if (found) {
        qualifier = found.text;
        qualifierStart = found.start;
      }
    }
    figures.push({ ...candidate, qualifierStart, ...(qualifier ? { qualifier } : {}) });
    floor = candidate.end;
  }

  const tokens = tokenize(
    sentence,
    figures.map((f) => ({ start: f.qualifierStart, end: f.end })),
  );
  const tokenOf: number[] = [];
  tokens.forEach((t, k) => {
    if (t.type === 'figure' && t.figure !== undefined) tokenOf[t.figure] = k;
  });
  const ctx: LabelContext = { sentence, tokens, figures, tokenOf };
  const described = figures.map((figure, index) => {
    const { label, unit } = describeFigure(ctx, index);
    figure.label = label;
    const located: LocatedFigure = {
      kind: figure.kind,
      text: sentence.slice(figure.start, figure.end),
      value: figure.value,
      unit: figure.kind === 'count' ? (unit ?? figure.unit) : figure.unit,
      label,
      sentence,
      start: figure.start,
      end: figure.end,
    };
    if (figure.qualifier) located.qualifier = figure.qualifier;
    if (figure.high !== undefined) located.high = figure.high;
    // A unit of measure right after a count stays on its text, as a currency word does on an
    // amount's: `24.6 million TEU`, `682 million tonnes`, `2.33 years`.
    const measure = located.kind === 'count' ? UNIT_AFTER.exec(sentence.slice(figure.end)) : null;
    if (
      measure?.[1] &&
      measure[1].toLowerCase() === located.unit.toLowerCase() &&
      MEASURE_UNITS.has(located.unit.toLowerCase())
    ) {
      located.end = figure.end + measure[0].length;
      located.text = sentence.slice(located.start, located.end);
    }
    return located;
  });
  return withRoleAndPeriod(
    described,
    figures.map((f) => f.qualifierStart),
    mentions,
    false,
  );
}

/**
 * Every figure in `text`, in text order, with offsets into `text`. Figures never overlap, and each
 * lies inside its `sentence`, itself a substring of `text`.
 *
 * @example
 * locateFigures('There are more than 71,000 industrial enterprises above the specific scale.')[0]
 * // → { kind: 'count', text: '71,000', value: 71000, unit: 'enterprises', qualifier: 'more than',
 * //     label: 'industrial enterprises above the specific scale', start: 20, end: 26, … }
 */
export function locateFigures(text: string): LocatedFigure[] {
  return splitSentences(text).flatMap((sentence) =>
    figuresOfSentence(sentence.text).map((figure) => ({
      ...figure,
      start: sentence.start + figure.start,
      end: sentence.start + figure.end,
    })),
  );
}

/**
 * Every figure in a passage, in text order: `id` is `${passage.id}~n` with n from 0.
 *
 * @example
 * extractFigures({ id: 'doc#p3', docId: 'doc', paragraph: 3, part: 1,
 *   text: "The province's regional GDP has broken through 13 trillion yuan." })
 * // → [{ id: 'doc#p3~0', kind: 'amount', text: '13 trillion yuan', value: 13000000000000, unit: 'yuan',
 * //      qualifier: 'broken through', label: 'regional GDP', … }]
 */
export function extractFigures(passage: Passage): Figure[] {
  return locateFigures(passage.text).map(({ start: _start, end: _end, ...figure }, n) => ({
    id: `${passage.id}~${n}`,
    ...figure,
    passageId: passage.id,
    docId: passage.docId,
  }));
}
