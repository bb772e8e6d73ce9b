/**
 * What a figure measures, in a short phrase, from the words around it. Rules by kind:
 * - count: the noun phrase after it (`71,000 industrial enterprises above the specific scale`), unless
 *   that is a unit of measure (`1.36 billion tonnes`): then, like amounts, the subject;
 * - amount, percent, multiple: the subject before its verb (`the province’s regional GDP has broken
 *   through …` → `regional GDP`), or the noun before `of` (`financing aids of 1.2 trillion yuan`);
 *   a percent after `rose` is `<subject> growth`, one followed by `of X` is `<subject> as share of X`;
 * - a figure in a clause that continues an earlier one (`…, up 16.9 percent`, `…, ranking first`)
 *   borrows the label of the figure before it;
 * - streak: what was sustained, the clause before `for N consecutive years` (after its copula);
 * - rank: the noun phrase after an ordinal (`75th anniversary of …`), or the subject of `rank first`;
 * - date, year: the event of the clause, from its verb; a dateline date is `dateline`.
 */

import type { FigureKind } from '../types.js';
import { balanceQuotes, MAX_LABEL_LENGTH, phraseText, shortenLabel } from './label-text.js';
import {
  AUXILIARIES,
  CLAUSE_OPENERS,
  FALL_VERBS,
  INTRO_WORDS,
  MEASURE_UNITS,
  PREPOSITIONS,
  RIGHT_PHRASE_STOPS,
  RISE_VERBS,
  VERBS,
} from './lexicon.js';
import type { Candidate } from './matchers.js';
import { HARD_BOUNDARIES, isAdverb, isFunctionWord, isParticle, isVerb, type Token } from './tokens.js';

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

const CONTAINER_NOUNS = new Set([
  'total',
  'average',
  'sum',
  'tune',
  'value',
  'amount',
  'level',
  'high',
  'record',
  'maximum',
  'minimum',
  'worth',
  'figure',
  'peak',
]);
const QUANTITY_KINDS = new Set<FigureKind>(['amount', 'count', 'percent', 'multiple', 'rank']);
const MEASURE_VERBS = new Set([
  ...AUXILIARIES,
  ...RISE_VERBS,
  ...FALL_VERBS,
  'reached',
  'reach',
  'reaches',
  'reaching',
  'totalled',
  'totaled',
  'totals',
  'amounted',
  'stood',
  'hit',
  'exceeded',
  'topped',
  'surpassed',
  'remained',
  'came',
  'passed',
  'crossed',
  'broke',
  'broken',
  'numbered',
  'recorded',
  'posted',
  'registered',
  'moved',
  'held',
  'improved',
  'grew',
  'expected',
  'expects',
]);
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'been',
  'has',
  'have',
  'had',
  'remains',
  'remained',
  'be',
]);
const PLACE_WORDS = new Set(['place', 'position', 'spot']);
const SCOPE_STARTERS = new Set([
  'in',
  'among',
  'nationally',
  'nationwide',
  'worldwide',
  'globally',
  'by',
  'across',
  'on',
]);
const DATE_PREPOSITIONS = new Set([
  'for',
  'in',
  'on',
  'since',
  'by',
  'until',
  'from',
  'during',
  'before',
  'after',
  'through',
  'at',
  'as',
  'of',
]);

/**
 * How far (in tokens) the rules look from a figure. Labels never need more, and the bound keeps a
 * sentence with thousands of numbers linear instead of quadratic.
 */
const WINDOW = 64;

function word(tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i];
  return t && t.type === 'word' ? t : undefined;
}

/** Index of the first token after `i` that is not a quote. */
function nextNonQuote(tokens: readonly Token[], i: number): number {
  let k = i;
  while (tokens[k]?.type === 'quote') k++;
  return k;
}

/**
 * The first token of the clause that token `i` stands in. Hard punctuation ends a clause; a comma
 * does when a clause opener follows (`, and`, `, which`, `, up`, `, ranking`) but not in a list
 * (`loans to manufacturing enterprises, high-tech enterprises and …`). A sentence that opens with an
 * introductory phrase (`In 2023, …`) starts its first clause after that phrase's comma.
 */
function clauseStart(ctx: LabelContext, i: number, everyComma = false): number {
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

/** The last token of the clause that token `i` stands in (commas always end it here). */
function clauseEnd(ctx: LabelContext, i: number): number {
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

/** A verb that certainly is one, for splitting `X is high and Y has been …` (no `-ed` guessing). */
function isListedVerb(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && (AUXILIARIES.has(t.lower) || VERBS.has(t.lower));
}

/** The noun phrase ending just before token `end` (exclusive), read leftwards: `financing aids` of. */
function nounPhraseBefore(ctx: LabelContext, end: number): { from: number; to: number } | undefined {
  const { tokens } = ctx;
  let k = end - 1;
  let words = 0;
  while (k >= 0 && words < 6) {
    const t = tokens[k];
    if (!t) break;
    if (t.type === 'quote') {
      k--;
      continue;
    }
    if (t.type !== 'word' || isFunctionWord(t) || isListedVerb(t)) break;
    // `have received financing aids`: an -ed word after an auxiliary is the verb.
    const before = word(tokens, k - 1);
    if (/ed$/.test(t.lower) && before && AUXILIARIES.has(before.lower)) break;
    words++;
    k--;
  }
  return k + 1 <= end - 1 ? { from: k + 1, to: end - 1 } : undefined;
}

interface Subject {
  /** '' when the subject is a pronoun (`it has exceeded …`): the caller borrows an earlier label. */
  text: string;
  /** The verb group between the subject and the figure, lowercase, nearest first. */
  verbs: string[];
}

const PRONOUN_SUBJECT = /^(?:it|they|this|that|which|we|he|she|these|those|them|there)$/i;

/**
 * The subject of the verb that governs the figure at token `figTok`: walk left over the verb group
 * (verbs, auxiliaries, particles, adverbs, articles, other figures), then take the noun phrase from
 * the clause start. `X of <figure>` answers `X` directly, unless X is a container (`a total of`).
 */
function findSubject(ctx: LabelContext, figTok: number): Subject | undefined {
  const { tokens, sentence } = ctx;
  const verbs: string[] = [];
  let j = figTok - 1;
  const floor = Math.max(0, figTok - WINDOW);
  while (j >= floor) {
    const t = tokens[j];
    if (!t) return undefined;
    if (t.type === 'figure' || t.type === 'quote') {
      j--;
      continue;
    }
    if (t.type === 'punct') return undefined;
    if (t.lower === 'of') {
      const np = nounPhraseBefore(ctx, j);
      if (np) {
        const head = tokens[np.to]?.lower ?? '';
        if (!(CONTAINER_NOUNS.has(head) && np.to - np.from <= 1)) {
          const text = phraseText(sentence, tokens, np.from, np.to);
          if (text) return { text, verbs };
        }
        j = np.from - 1;
        continue;
      }
    }
    if (isVerb(t, tokens[j - 1])) {
      verbs.push(t.lower);
      j--;
      continue;
    }
    if (isParticle(t) || isAdverb(t) || t.lower === 'a' || t.lower === 'an' || t.lower === 'the') {
      j--;
      continue;
    }
    break;
  }
  const end = tokens[j];
  if (j < floor || !end) return undefined;
  // A pronoun, conjunction or preposition where the subject should end (`it has exceeded`, `, and
  // grew`): no subject in this clause, the caller borrows an earlier label.
  if (end.type === 'word' && (PRONOUN_SUBJECT.test(end.text) || isFunctionWord(end)))
    return { text: '', verbs };
  let start = clauseStart(ctx, j + 1);
  // A figure inside the subject followed by a comma or `and` ends an earlier list item
  // (`Chemistry moved up to 44th, computer science to 62nd`, `41 percent of revenue, Europe for …`):
  // start after that separator; a figure with neither stays (`patents per 10,000 people`).
  for (let k = j; k >= start; k--) {
    if (tokens[k]?.type !== 'figure') continue;
    for (let m = k + 1; m < j; m++) {
      const t = tokens[m];
      if (t && (t.text === ',' || t.lower === 'and' || t.lower === 'or')) {
        start = m + 1;
        break;
      }
    }
    break;
  }
  // `X is high and Guangdong has been …`: a conjunction or relative after a verb opens a new clause.
  for (let k = j; k > start; k--) {
    const t = word(tokens, k);
    if (!t || !['and', 'but', 'while', 'whereas', 'that', 'which', 'where', 'who'].includes(t.lower))
      continue;
    let hasVerb = false;
    for (let m = start; m < k; m++) if (isVerb(tokens[m] as Token, tokens[m - 1])) hasVerb = true;
    if (hasVerb) {
      start = k + 1;
      break;
    }
  }
  // `products covered research and development risks worth …`: after a plural or a name, a verb
  // with a direct object means the nearer noun phrase is what the figure measures.
  for (let k = j - 1; k > start; k--) {
    const t = tokens[k] as Token;
    const before = tokens[k - 1];
    const object = tokens[k + 1];
    if (!isVerb(t, before) || AUXILIARIES.has(t.lower) || t.lower.endsWith('ing')) continue;
    if (before?.type !== 'word' || !/(?:[^s]s|^\p{Lu}.*)$/u.test(before.text)) continue;
    if (object?.type !== 'word' || isFunctionWord(object)) continue;
    start = k + 1;
    break;
  }
  // A participle clause (`keeping Lanshan in …`) names its subject after the participle.
  while (start < j && isVerb(tokens[start] as Token, tokens[start - 1])) start++;
  const text = phraseText(sentence, tokens, start, j);
  if (!text) return undefined;
  return { text: PRONOUN_SUBJECT.test(text) ? '' : text, verbs };
}

/** The noun phrase right after the figure at `figTok` (`industrial enterprises above the specific scale`). */
function phraseAfter(ctx: LabelContext, figTok: number): { from: number; to: number } | undefined {
  const { tokens } = ctx;
  let k = figTok + 1;
  if (gluedHyphenAfter(ctx, figTok)) k++;
  const from = k;
  let words = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || t.type === 'figure' || t.type === 'punct') break;
    if (t.type === 'quote') continue;
    if (RIGHT_PHRASE_STOPS.has(t.lower) || AUXILIARIES.has(t.lower) || VERBS.has(t.lower)) break;
    const previous = tokens[k - 1];
    const afterNoun = previous?.type === 'word' && !isFunctionWord(previous);
    // `enterprises registered in …`: an -ed word right after a noun starts a reduced relative clause.
    if (k > from && afterNoun && /^[a-z]{3,}ed$/.test(t.text)) break;
    if (t.lower === 'and' || t.lower === 'or') {
      // `… and 1,500 SNEs`, `… and invest about 48 billion`, `… and avoided 58 million tonnes`: a
      // conjunction before another figure or a verb starts the next item, not more of this noun.
      const k1 = nextNonQuote(tokens, k + 1);
      const next = tokens[k1];
      if (next?.type === 'figure' || tokens[k1 + 1]?.type === 'figure') break;
      if (isListedVerb(next)) break;
    }
    if (++words > 12) break;
  }
  return k - 1 >= from ? { from, to: k - 1 } : undefined;
}

/** True when a hyphen is glued to the figure (`1.5-gigawatt project`): the figure is a modifier. */
function gluedHyphenAfter(ctx: LabelContext, figTok: number): boolean {
  const next = ctx.tokens[figTok + 1];
  return next?.text === '-' && next.start === ctx.tokens[figTok]?.end;
}

/**
 * The head noun of a phrase: its last word before the first preposition or bracket, or the last
 * plural before a word that is not (`small businesses borrow from` → `businesses`). Returns the
 * head's token index.
 */
function headNoun(
  ctx: LabelContext,
  range: { from: number; to: number },
): { at: number; cut: boolean } | undefined {
  let head: number | undefined;
  let plural: number | undefined;
  for (let k = range.from; k <= range.to; k++) {
    const t = ctx.tokens[k];
    if (!t || t.type === 'punct') break;
    if (t.type !== 'word') continue;
    if (PREPOSITIONS.has(t.lower) && head !== undefined) break;
    if (isFunctionWord(t)) continue;
    head = k;
    if (/[^s]s$|^people$|^staff$|^personnel$/i.test(t.text) || /^[A-Z]{2,}s?$/.test(t.text)) plural = k;
  }
  const headToken = head === undefined ? undefined : ctx.tokens[head];
  if (
    plural !== undefined &&
    headToken &&
    !/s$/i.test(headToken.text) &&
    !/^[A-Z]{2,}$/.test(headToken.text)
  ) {
    return { at: plural, cut: true };
  }
  return head === undefined ? undefined : { at: head, cut: false };
}

/** True when an article or possessive stands right before the figure (`a 17% increase`, `its 50th`). */
function determinerBefore(ctx: LabelContext, figTok: number): boolean {
  const t = word(ctx.tokens, figTok - 1);
  return (
    !!t &&
    (['a', 'an', 'the', 'its', 'their', 'our', 'his', 'her'].includes(t.lower) || /['’]s$/.test(t.text))
  );
}

/** The noun phrase after the figure when a noun (not a function word or verb) comes right after it. */
function nounRightAfter(ctx: LabelContext, figTok: number): string | undefined {
  const range = phraseAfter(ctx, figTok);
  const first = range ? ctx.tokens[range.from] : undefined;
  if (!range || !first || first.type !== 'word' || isFunctionWord(first) || isVerb(first)) return undefined;
  return phraseText(ctx.sentence, ctx.tokens, range.from, range.to) || undefined;
}

/** The raw text of tokens `from..to`, as written. */
function rawText(ctx: LabelContext, from: number, to: number): string {
  const a = ctx.tokens[from];
  const b = ctx.tokens[to];
  return a && b && from <= to ? ctx.sentence.slice(a.start, b.end) : '';
}

/** A short scope after a rank (`in the country`, `among the country’s universities`). */
function scopeAfter(ctx: LabelContext, from: number): string {
  const first = word(ctx.tokens, from);
  if (!first || !SCOPE_STARTERS.has(first.lower)) return '';
  let k = from;
  for (; k < ctx.tokens.length && k < from + 8; k++) {
    const t = ctx.tokens[k];
    if (!t || t.type === 'figure' || t.type === 'punct') break;
    if (k > from && ['for', 'which', 'who', 'where', 'when', 'while'].includes(t.lower)) break;
    if (AUXILIARIES.has(t.lower)) break;
  }
  let end = k - 1;
  while (end > from && ctx.tokens[end] && isFunctionWord(ctx.tokens[end] as Token)) end--;
  return rawText(ctx, from, end);
}

/** The label of the nearest earlier quantity figure in the sentence. */
function previousLabel(ctx: LabelContext, index: number): string | undefined {
  for (let k = index - 1; k >= 0; k--) {
    const f = ctx.figures[k];
    if (f && QUANTITY_KINDS.has(f.kind) && f.label && !f.label.startsWith('vs ')) {
      return f.label.replace(/ (?:growth|decline)$/, '');
    }
  }
  return undefined;
}

/**
 * The first word of the figure's clause when that clause continues an earlier one after a comma
 * (`…, up 16.9 percent`: `up`); '' when the clause starts with the figure; undefined otherwise.
 */
function continuationOpener(ctx: LabelContext, figTok: number): string | undefined {
  const start = clauseStart(ctx, figTok);
  if (start === 0 || ctx.tokens[start - 1]?.text !== ',') return undefined;
  const first = ctx.tokens[start];
  if (!first) return undefined;
  return first.type === 'figure' ? '' : first.lower;
}

const BORROWING_OPENERS = new Set(['up', 'down', 'compared', 'versus', 'or', 'against', 'from', '']);

function joinLabel(...parts: Array<string | undefined>): string {
  return parts.filter((p) => p?.trim()).join(' ');
}

/** The noun phrase after `of` right after the figure (`58.3 percent of the total` → `total`). */
function ofPhraseAfter(ctx: LabelContext, figTok: number): string | undefined {
  if (ctx.tokens[figTok + 1]?.lower !== 'of') return undefined;
  const range = phraseAfter(ctx, figTok + 1);
  return (range && phraseText(ctx.sentence, ctx.tokens, range.from, range.to)) || undefined;
}

function percentLabel(ctx: LabelContext, index: number, figTok: number): string | undefined {
  const opener = continuationOpener(ctx, figTok);
  const previous = previousLabel(ctx, index);
  const share = ofPhraseAfter(ctx, figTok);
  if (opener !== undefined && previous) {
    if (opener === 'up') return `${previous} growth`;
    if (opener === 'down') return `${previous} decline`;
    if (['compared', 'versus', 'or', 'against'].includes(opener)) return previous;
  }
  const subject = findSubject(ctx, figTok);
  // `a 17% increase in revenue`, `three percent research intensity`: the figure modifies a noun.
  const modified = nounRightAfter(ctx, figTok);
  if (modified && (determinerBefore(ctx, figTok) || !subject?.verbs.length)) return modified;
  // No subject of its own (`…, and grew 22.1 percent`): borrow, but only for a verb's figure; with no
  // verb the figure is itself the subject (`, and 72 percent of the yard trucks are electric`).
  const borrows = (!!subject && subject.verbs.length > 0) || (opener !== undefined && opener !== 'and');
  const owner = subject?.text || (borrows ? previous : undefined);
  if (owner) {
    if (share) return `${owner} as share of ${share}`;
    if (subject?.verbs.some((v) => RISE_VERBS.has(v))) return `${owner} growth`;
    if (subject?.verbs.some((v) => FALL_VERBS.has(v))) return `${owner} decline`;
    return owner;
  }
  if (share) return `share of ${share}`;
  const range = phraseAfter(ctx, figTok);
  const first = range ? ctx.tokens[range.from] : undefined;
  if (range && first && !isFunctionWord(first))
    return phraseText(ctx.sentence, ctx.tokens, range.from, range.to);
  return previous;
}

function amountLabel(ctx: LabelContext, index: number, figTok: number): string | undefined {
  const opener = continuationOpener(ctx, figTok);
  const previous = previousLabel(ctx, index);
  const range = phraseAfter(ctx, figTok);
  const first = range ? ctx.tokens[range.from] : undefined;
  if (opener !== undefined && previous && BORROWING_OPENERS.has(opener) && opener !== '') {
    // `…, or $3.86 per diluted share` → `net income per diluted share`.
    if (range && first?.lower === 'per') {
      return joinLabel(
        previous,
        phraseText(ctx.sentence, ctx.tokens, range.from, range.to, { keepLeading: true }),
      );
    }
    return previous;
  }
  const subject = findSubject(ctx, figTok);
  const modified = nounRightAfter(ctx, figTok);
  if (modified && determinerBefore(ctx, figTok)) return modified;
  const transitive = subject?.verbs.find((v) => !MEASURE_VERBS.has(v));
  // `received 4.6 billion yuan in research funding`, `issued 860 billion yuan of new loans`.
  if (range && first && (first.lower === 'of' || first.lower === 'in') && (!subject || transitive)) {
    const object = phraseText(ctx.sentence, ctx.tokens, range.from + 1, range.to);
    if (object && !/^\d/.test(object)) return object;
  }
  if (subject?.text) return transitive ? joinLabel(subject.text, transitive) : subject.text;
  if (subject && subject.verbs.length > 0 && previous) return previous;
  if (range && first && !isFunctionWord(first))
    return phraseText(ctx.sentence, ctx.tokens, range.from, range.to);
  return previous;
}

function countLabel(ctx: LabelContext, index: number, figTok: number): Description | undefined {
  const opener = continuationOpener(ctx, figTok);
  const previous = previousLabel(ctx, index);
  const range = phraseAfter(ctx, figTok);
  const first = range ? ctx.tokens[range.from] : undefined;
  const found = range && first && !isFunctionWord(first) ? headNoun(ctx, range) : undefined;
  const headAt = found?.at;
  const head = headAt === undefined ? undefined : ctx.tokens[headAt];
  const nounEnd = found?.cut ? (headAt ?? 0) : (range?.to ?? 0);
  const unit = head?.text ?? '';
  if (opener !== undefined && previous && ['up', 'down', 'compared', 'versus', 'from'].includes(opener)) {
    return { label: previous, unit };
  }
  if (range && head && headAt !== undefined) {
    if (gluedHyphenAfter(ctx, figTok)) {
      // `a 1.5-gigawatt floating offshore wind project`: the unit, then what it sizes.
      const rest = headAt > range.from ? phraseText(ctx.sentence, ctx.tokens, range.from + 1, range.to) : '';
      return { label: rest || unit, unit: ctx.tokens[range.from]?.text ?? unit };
    }
    const measured = MEASURE_UNITS.has(head.lower) || head.lower === 'times';
    if (!measured) return { label: phraseText(ctx.sentence, ctx.tokens, range.from, nounEnd), unit };
    // `22 million tonnes of standard coal` → `standard coal`; else the subject (`cargo throughput`).
    const of = ofPhraseAfter(ctx, headAt);
    if (of) return { label: of, unit };
  }
  const subject = findSubject(ctx, figTok);
  if (subject?.text) return { label: subject.text, unit };
  if (range && head) return { label: phraseText(ctx.sentence, ctx.tokens, range.from, nounEnd), unit };
  if (previous && ((subject && subject.verbs.length > 0) || opener !== undefined))
    return { label: previous, unit };
  return undefined;
}

function multipleLabel(ctx: LabelContext, index: number, figTok: number): string | undefined {
  const subject = findSubject(ctx, figTok);
  if (subject?.text) return subject.text;
  const previous = previousLabel(ctx, index);
  if (previous) return previous;
  // `That was three times the 6.8 percent growth rate of all loans`: say what it is compared with.
  const end = clauseEnd(ctx, figTok);
  const base = figTok + 1 <= end ? phraseText(ctx.sentence, ctx.tokens, figTok + 1, end) : '';
  return base ? `vs ${base}` : undefined;
}

function rankLabel(ctx: LabelContext, index: number, figTok: number): string | undefined {
  const figure = ctx.figures[index];
  const range = phraseAfter(ctx, figTok);
  const noun = range ? phraseText(ctx.sentence, ctx.tokens, range.from, range.to) : '';
  const first = range ? word(ctx.tokens, range.from) : undefined;
  if (figure?.rankStyle === 'superlative') return joinLabel(figure.superlative, noun);
  const nounFollows = !!first && !isFunctionWord(first) && !SCOPE_STARTERS.has(first.lower);
  if (figure?.rankStyle !== 'verb' && nounFollows && first && !PLACE_WORDS.has(first.lower)) return noun;

  let scopeFrom = figTok + 1;
  if (first && PLACE_WORDS.has(first.lower)) scopeFrom = (range?.from ?? figTok) + 1;
  const scope = scopeAfter(ctx, scopeFrom);
  const opener = continuationOpener(ctx, figTok);
  const previous = previousLabel(ctx, index);
  if (
    opener !== undefined &&
    previous &&
    ['up', 'down', 'compared', 'versus', 'or', 'from'].includes(opener)
  ) {
    return previous;
  }
  const owner = findSubject(ctx, figTok)?.text || previous;
  if (!owner) return scope || undefined;
  const withScope = joinLabel(owner, scope);
  return withScope.length <= MAX_LABEL_LENGTH ? withScope : owner;
}

function streakLabel(ctx: LabelContext, figTok: number): string | undefined {
  const { tokens, sentence } = ctx;
  let from = clauseStart(ctx, figTok);
  for (let k = figTok - 1; k >= from; k--) {
    if (COPULAS.has(word(tokens, k)?.lower ?? '')) {
      from = k + 1;
      break;
    }
  }
  const left = from <= figTok - 1 ? phraseText(sentence, tokens, from, figTok - 1) : '';

  const after = word(tokens, figTok + 1);
  if (after?.lower === 'of') {
    const what = ofPhraseAfter(ctx, figTok);
    if (what) return what;
  }
  let right = '';
  if (after && (PREPOSITIONS.has(after.lower) || after.lower === 'that') && after.lower !== 'for') {
    const end = clauseEnd(ctx, figTok);
    right =
      after.lower === 'that' || !left
        ? phraseText(sentence, tokens, figTok + 2, end)
        : phraseText(sentence, tokens, figTok + 1, end, { keepLeading: true });
  }
  return joinLabel(left, right) || undefined;
}

/** The clause of a date or year with the date removed, from its verb when the clause is long. */
function eventLabel(ctx: LabelContext, index: number, figTok: number): string | undefined {
  const { tokens, sentence } = ctx;
  const figure = ctx.figures[index];
  if (!figure) return undefined;
  // A dateline: a place in capitals, the date, an optional `/Wire/`, a dash.
  const before = sentence.slice(0, figure.start);
  const after = sentence.slice(figure.end);
  if (
    before.length <= 80 &&
    /^[\p{Lu}][\p{L}\s,.'’()-]*$/u.test(before.trim() || 'X') &&
    /^\s*(?:\/[^/]{1,40}\/)?\s*[—–-]{1,2}\s/u.test(after)
  ) {
    return 'dateline';
  }

  // Here every comma ends a clause: the event is the nearest clause, not a whole list.
  let start = clauseStart(ctx, figTok, true);
  let end = clauseEnd(ctx, figTok);
  // Drop the date's own preposition (`in November 2023`).
  let leftEnd = figTok - 1;
  if (DATE_PREPOSITIONS.has(word(tokens, leftEnd)?.lower ?? '')) leftEnd--;
  const wordsIn = (from: number, to: number): number => {
    let n = 0;
    for (let k = from; k <= to; k++) if (tokens[k]?.type === 'word') n++;
    return n;
  };
  let parts: Array<[number, number]> = [
    [start, leftEnd],
    [figTok + 1, end],
  ];
  // An introductory phrase (`On February 18, 2024, [the first day …,] Guangdong held …`, `For
  // fiscal 2024, revenue rose …`): the event is the next clause.
  const opening = word(tokens, start);
  let leftHasVerb = false;
  for (let k = start; k <= leftEnd; k++) if (isVerb(tokens[k] as Token, tokens[k - 1])) leftHasVerb = true;
  const intro =
    tokens[end + 1]?.text === ',' &&
    wordsIn(figTok + 1, end) === 0 &&
    (wordsIn(start, leftEnd) === 0 ||
      (start === 0 && !!opening && INTRO_WORDS.has(opening.lower) && !leftHasVerb));
  if (intro && tokens[start - 1]?.text === ',') {
    // `…, on February 19, 2024, the second working day …`: the event is the clause before.
    start = clauseStart(ctx, figTok);
    parts = [[start, leftEnd]];
  } else if (intro) {
    start = end + 2;
    end = clauseEnd(ctx, start);
    const firstWord = word(tokens, start);
    if (firstWord && ['the', 'a', 'an'].includes(firstWord.lower) && tokens[end + 1]?.text === ',') {
      start = end + 2;
      end = clauseEnd(ctx, start);
    }
    if (start >= tokens.length) return undefined;
    parts = [[start, end]];
  }
  const text = (from: number, to: number): string => (from <= to ? rawText(ctx, from, to) : '');
  let label = joinLabel(...parts.map(([from, to]) => text(from, to)));
  if (label.length > MAX_LABEL_LENGTH) {
    // A long clause reads best from its first verb: `held the “… Conference”`.
    let verbAt = -1;
    for (const [from, to] of parts) {
      for (let k = from; k <= to && verbAt < 0; k++) {
        const t = tokens[k];
        if (t?.type === 'word' && isVerb(t, tokens[k - 1])) verbAt = k;
      }
    }
    if (verbAt >= 0) label = joinLabel(...parts.map(([from, to]) => text(Math.max(from, verbAt), to)));
  }
  label = balanceQuotes(label.replace(/^[\s,"“‘']+|[\s,]+$/g, ''));
  // Leading determiners and possessives name no event (`the province’s …`).
  return label.replace(/^(?:(?:the|a|an|its|their|this)\s+)+/i, '') || undefined;
}

/**
 * The label (and for counts the unit) of figure `index` of the sentence. Figures before it must
 * already have their label, since continuations borrow it.
 *
 * @example
 * // in 'There are more than 71,000 industrial enterprises above the specific scale.'
 * describeFigure(ctx, 0) // → { label: 'industrial enterprises above the specific scale', unit: 'enterprises' }
 */
export function describeFigure(ctx: LabelContext, index: number): Description {
  const figure = ctx.figures[index];
  const figTok = ctx.tokenOf[index] ?? 0;
  let described: Description | undefined;
  switch (figure?.kind) {
    case 'count':
      described = countLabel(ctx, index, figTok);
      break;
    case 'amount': {
      const label = amountLabel(ctx, index, figTok);
      described = label ? { label } : undefined;
      break;
    }
    case 'percent': {
      const label = percentLabel(ctx, index, figTok);
      described = label ? { label } : undefined;
      break;
    }
    case 'multiple': {
      const label = multipleLabel(ctx, index, figTok);
      described = label ? { label } : undefined;
      break;
    }
    case 'rank': {
      const label = rankLabel(ctx, index, figTok);
      described = label ? { label } : undefined;
      break;
    }
    case 'streak': {
      const label = streakLabel(ctx, figTok);
      described = label ? { label } : undefined;
      break;
    }
    default: {
      const label = eventLabel(ctx, index, figTok);
      described = label ? { label } : undefined;
    }
  }
  let label = described?.label?.trim() ?? '';
  if (!label) {
    // Last resort: the words of the figure's clause around it.
    const start = clauseStart(ctx, figTok);
    const end = clauseEnd(ctx, figTok);
    label = joinLabel(
      start <= figTok - 1 ? phraseText(ctx.sentence, ctx.tokens, start, figTok - 1) : '',
      figTok + 1 <= end ? phraseText(ctx.sentence, ctx.tokens, figTok + 1, end) : '',
    );
  }
  return {
    label: shortenLabel(label || figure?.kind || 'figure'),
    ...(described?.unit !== undefined ? { unit: described.unit } : {}),
  };
}
