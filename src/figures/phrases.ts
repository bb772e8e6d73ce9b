/**
 * The phrases around a figure that name what it measures: the subject of its verb, the noun phrase
 * after it, the scope of a rank, and the label of the figure before it (for `…, up 16.9 percent`).
 */

import type { FigureKind } from '../types.js';
import {
  clauseStart,
  isListedVerb,
  type LabelContext,
  nextNonQuote,
  rawText,
  WINDOW,
  word,
} from './clauses.js';
import { phraseText } from './label-text.js';
import { AUXILIARIES, PREPOSITIONS, RATE_JOINERS, RIGHT_PHRASE_STOPS, VERBS } from './lexicon.js';
import { isAdverb, isFunctionWord, isParticle, isVerb, type Token } from './tokens.js';

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
// Kinds whose label a later figure of the sentence may borrow.
const QUANTITY_KINDS = new Set<FigureKind>(['amount', 'count', 'percent', 'multiple', 'rank']);
/** Words that open the scope of a rank (`in the country`, `nationwide`). */
export const SCOPE_STARTERS = new Set([
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
    // `earnings per share of 10.3p`: a rate's name holds its preposition between two nouns.
    const before = word(tokens, k - 1);
    if (
      t.type === 'word' &&
      RATE_JOINERS.has(t.lower) &&
      words > 0 &&
      before &&
      !isFunctionWord(before) &&
      !isListedVerb(before)
    ) {
      k--;
      continue;
    }
    if (t.type !== 'word' || isFunctionWord(t) || isListedVerb(t)) break;
    // `have received financing aids`: an -ed word after an auxiliary is the verb.
    if (/ed$/.test(t.lower) && before && AUXILIARIES.has(before.lower)) break;
    words++;
    k--;
  }
  return k + 1 <= end - 1 ? { from: k + 1, to: end - 1 } : undefined;
}

/** The subject found for a figure, and the verbs between them. */
export interface Subject {
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
 * `text` is '' when the clause has no subject of its own (a pronoun, or `…, and grew 5%`); the result
 * is `undefined` when the walk reaches punctuation first.
 *
 * @example
 * // "the province's regional GDP has broken through 13 trillion yuan"
 * findSubject(ctx, ctx.tokenOf[0]) // → { text: 'regional GDP', verbs: ['has'] }
 * // 'financing aids of 1.2 trillion yuan'
 * findSubject(ctx, ctx.tokenOf[0]) // → { text: 'financing aids', verbs: [] }
 */
export function findSubject(ctx: LabelContext, figTok: number): Subject | undefined {
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

/**
 * The token range of the noun phrase right after the figure at `figTok`, up to punctuation, the next
 * figure, a verb or a relative word (`that`, `which`), at most 12 words.
 *
 * @example
 * // '71,000 industrial enterprises above the specific scale, and …'
 * rawText(ctx, ...Object.values(phraseAfter(ctx, ctx.tokenOf[0]) ?? {})) // → 'industrial enterprises above the specific scale'
 */
export function phraseAfter(ctx: LabelContext, figTok: number): { from: number; to: number } | undefined {
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

/**
 * True when a hyphen is glued to the figure (`1.5-gigawatt project`): the figure modifies a noun.
 *
 * @example
 * // 'a 1.5-gigawatt project'
 * gluedHyphenAfter(ctx, ctx.tokenOf[0]) // → true
 */
export function gluedHyphenAfter(ctx: LabelContext, figTok: number): boolean {
  const next = ctx.tokens[figTok + 1];
  return next?.text === '-' && next.start === ctx.tokens[figTok]?.end;
}

/**
 * The head noun of a phrase (its token index): the last word before the first preposition, or the
 * last plural before a word that is not one (`small businesses borrow from` → `businesses`, with
 * `cut` true: the phrase should end there).
 *
 * @example
 * // range of 'industrial enterprises above the specific scale'
 * headNoun(ctx, range) // → { at: <index of 'enterprises'>, cut: false }
 */
export function headNoun(
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

/**
 * True when an article or possessive stands right before the figure (`a 17% increase`, `its 50th`).
 *
 * @example
 * // 'a 17% increase in revenue'
 * determinerBefore(ctx, ctx.tokenOf[0]) // → true
 */
export function determinerBefore(ctx: LabelContext, figTok: number): boolean {
  const t = word(ctx.tokens, figTok - 1);
  return (
    !!t &&
    (['a', 'an', 'the', 'its', 'their', 'our', 'his', 'her'].includes(t.lower) || /['’]s$/.test(t.text))
  );
}

/**
 * The noun phrase after the figure when a noun (not a function word or verb) comes right after it.
 *
 * @example
 * // 'a 17% increase in revenue'
 * nounRightAfter(ctx, ctx.tokenOf[0]) // → 'increase in revenue'
 */
export function nounRightAfter(ctx: LabelContext, figTok: number): string | undefined {
  const range = phraseAfter(ctx, figTok);
  const first = range ? ctx.tokens[range.from] : undefined;
  if (!range || !first || first.type !== 'word' || isFunctionWord(first) || isVerb(first)) return undefined;
  return phraseText(ctx.sentence, ctx.tokens, range.from, range.to) || undefined;
}

/**
 * A short scope phrase starting at token `from` (`in the country`, `among the country’s
 * universities`), or '' when none starts there.
 *
 * @example
 * // 'ranking first in the country for 35 consecutive years'
 * scopeAfter(ctx, ctx.tokenOf[0] + 1) // → 'in the country'
 */
export function scopeAfter(ctx: LabelContext, from: number): string {
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

/**
 * The label of the nearest earlier amount, count, percent, multiple or rank of the sentence, without
 * a `growth`/`decline` suffix, for figures that continue it.
 *
 * @example
 * // 'Revenue was $1.31 billion, up 16.9 percent': for the percent (index 1)
 * previousLabel(ctx, 1) // → 'Revenue'
 */
export function previousLabel(ctx: LabelContext, index: number): string | undefined {
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
 * (`…, up 16.9 percent` → `up`); '' when that clause starts with the figure; undefined otherwise.
 *
 * @example
 * // 'Revenue was $1.31 billion, up 16.9 percent'
 * continuationOpener(ctx, ctx.tokenOf[1]) // → 'up'
 */
export function continuationOpener(ctx: LabelContext, figTok: number): string | undefined {
  const start = clauseStart(ctx, figTok);
  if (start === 0 || ctx.tokens[start - 1]?.text !== ',') return undefined;
  const first = ctx.tokens[start];
  if (!first) return undefined;
  return first.type === 'figure' ? '' : first.lower;
}

/**
 * The noun phrase after an `of` right after the figure, cleaned, or undefined.
 *
 * @example
 * // '58.3 percent of the total'
 * ofPhraseAfter(ctx, ctx.tokenOf[0]) // → 'total'
 */
export function ofPhraseAfter(ctx: LabelContext, figTok: number): string | undefined {
  if (ctx.tokens[figTok + 1]?.lower !== 'of') return undefined;
  const range = phraseAfter(ctx, figTok + 1);
  return (range && phraseText(ctx.sentence, ctx.tokens, range.from, range.to)) || undefined;
}
