import { LEXICONS, phrasePattern } from '../lexicon/lexicon.js';
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

/** The kinds each cue kind of the lexicon asks for, the first the most wanted. */
const WANTED: Record<string, FigureKind[]> = {
  streak: ['streak'],
  multiple: ['multiple', 'percent'],
  rank: ['rank'],
  percent: ['percent', 'multiple'],
  count: ['count', 'amount'],
  amount: ['amount', 'count'],
  date: ['date', 'year'],
};

/** The cues of every language, in each lexicon's priority order. */
const CUES: { kind: string; patterns: RegExp[] }[] = Object.values(LEXICONS).flatMap((lexicon) =>
  lexicon.intentCues.map(([kind, phrases]) => ({
    kind,
    patterns: phrases.map((phrase) => phrasePattern(phrase)),
  })),
);

/**
 * Reads the figure intent of a question from the cue phrases of the lexicons (`src/lexicon/*.json`).
 *
 * @example
 * figureIntent('How many high-tech enterprises are there?') // → { kinds: ['count', 'amount'], wantsTime: false }
 * figureIntent('How many years in a row has it ranked first?').kinds[0] // → 'streak'
 */
export function figureIntent(question: string): FigureIntent {
  const kinds: FigureKind[] = [];
  let wantsTime = false;
  for (const { kind, patterns } of CUES) {
    if (!patterns.some((pattern) => pattern.test(question))) continue;
    if (kind === 'date') wantsTime = true;
    else for (const wanted of WANTED[kind] ?? []) if (!kinds.includes(wanted)) kinds.push(wanted);
  }
  if (wantsTime) kinds.unshift('date', 'year');
  return { kinds, wantsTime };
}
