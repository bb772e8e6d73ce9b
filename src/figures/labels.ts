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

import {
  clauseEnd,
  clauseStart,
  type Description,
  joinLabel,
  type LabelContext,
  rawText,
  word,
} from './clauses.js';
import { balanceQuotes, MAX_LABEL_LENGTH, phraseText, shortenLabel } from './label-text.js';
import { AUXILIARIES, FALL_VERBS, INTRO_WORDS, MEASURE_UNITS, PREPOSITIONS, RISE_VERBS } from './lexicon.js';
import {
  continuationOpener,
  determinerBefore,
  findSubject,
  gluedHyphenAfter,
  headNoun,
  nounRightAfter,
  ofPhraseAfter,
  phraseAfter,
  previousLabel,
  SCOPE_STARTERS,
  scopeAfter,
} from './phrases.js';
import { isFunctionWord, isVerb, type Token } from './tokens.js';

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
const BORROWING_OPENERS = new Set(['up', 'down', 'compared', 'versus', 'or', 'against', 'from', '']);

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
      const per = phraseText(ctx.sentence, ctx.tokens, range.from, range.to, { keepLeading: true });
      // The earlier figure may itself be per share (`$1.06 per diluted share, compared with …`).
      return previous.endsWith(per) ? previous : joinLabel(previous, per);
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
