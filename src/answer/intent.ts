import type { FigureKind } from '../types.js';

/**
 * What kind of figure a question asks for, read from its wording: "how many" wants a count,
 * "when" a date, "what share" a percentage. Used to rank the figures of an answer.
 */
export interface FigureIntent {
  /** Kinds the question asks for, most wanted first. Empty when the question does not say. */
  kinds: FigureKind[];
  /** True when the question asks for a time ("when", "what year", "date"): only then are bare years cited. */
  wantsTime: boolean;
}

const CUES: [RegExp, FigureKind[]][] = [
  [/\bhow many\b|\bnumber of\b|\bcount\b/i, ['count', 'amount']],
  [/\bhow much\b|\bworth\b|\bvalue\b|\bamount\b|\btotal\b|\bsize\b|\bbig\b/i, ['amount', 'count']],
  [/%|\bpercent|\bshare\b|\brate\b|\bproportion\b|\bgrowth\b|\bgrow\b|\bgrew\b|\brise\b|\brose\b/i, ['percent', 'multiple']],
  [/\bhow long\b|\bconsecutive\b|\bin a row\b|\bstreak\b|\bhow many years\b|\bstraight\b/i, ['streak']],
  [/\brank|\bplace\b|\bposition\b|\bfirst\b|\btop\b|\bnumber one\b/i, ['rank', 'streak']],
  [/\btimes\b|\btwice\b|\bmultiple\b|\bcompared\b/i, ['multiple']],
  [/\banniversary\b/i, ['rank']],
];

/**
 * Reads the figure intent of a question.
 *
 * @example
 * figureIntent('How many high-tech enterprises are there?') // → { kinds: ['count', 'amount'], wantsTime: false }
 */
export function figureIntent(question: string): FigureIntent {
  const kinds: FigureKind[] = [];
  for (const [cue, wanted] of CUES) {
    if (cue.test(question)) for (const kind of wanted) if (!kinds.includes(kind)) kinds.push(kind);
  }
  const wantsTime = /\bwhen\b|\bwhat (?:year|day|date|month)\b|\bwhich (?:year|day|date|month)\b|\bdate\b|\bheld\b/i.test(
    question,
  );
  if (wantsTime) kinds.unshift('date', 'year');
  return { kinds, wantsTime };
}
