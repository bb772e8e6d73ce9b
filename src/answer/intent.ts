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

/**
 * Cues in priority order: when several match, the earlier one says more about the figure wanted.
 * "How many years in a row" is a streak before it is a count; "how much faster … than" asks for a
 * multiple before a growth rate; "how much did X grow" asks for a growth rate, not an amount; a
 * question naming a rank ("where does X rank") wants the rank before any count it mentions, but
 * the loose words "first" or "top" ("their first loan") only come after "how many".
 */
const CUES: [RegExp, FigureKind[]][] = [
  [
    /\bhow long\b|\bconsecutive\b|\bin a row\b|\bstreak\b|\bstraight\b|\bhow many (?:years|quarters|months|seasons|terms)\b/i,
    ['streak'],
  ],
  [
    /\bcompared?\b|\bcompares\b|\bcomparison\b|\bversus\b|\bvs\b|\brelative to\b|\btwice\b|\bdouble[ds]?\b|\bmultiple\b|\btimes (?:more|less|faster|slower|higher|lower|larger|bigger|greater|as)\b|\bhow much (?:faster|slower|more|higher|larger|bigger|greater|quicker)\b/i,
    ['multiple', 'percent'],
  ],
  [/\brank(?:s|ed|ing)?\b|\bplace[ds]?\b|\bposition\b|\branking\b|\banniversary\b/i, ['rank']],
  [
    /%|\bpercent(?:age)?\b|\bshare\b|\brate\b|\bproportion\b|\bratio\b|\bintensity\b|\bmargin\b|\bgrowth\b|\bgrow(?:s|n|ing)?\b|\bgrew\b|\brise\b|\brose\b|\bincrease[ds]?\b|\bdecrease[ds]?\b|\bdecline[ds]?\b|\bfell\b|\bfall\b/i,
    ['percent', 'multiple'],
  ],
  [
    /\bhow many\b|(?<!\b(?:phone|telephone|fax|contact|account|serial|reference|case|ticket|model|version) )\bnumber of\b|\bnumbers\b|\bcount\b|\bheadcount\b/i,
    ['count', 'amount'],
  ],
  [
    /\bhow much\b|\bworth\b|\bvalue\b|\bamount\b|\btotal\b|\bsize\b|\bhow (?:big|large)\b/i,
    ['amount', 'count'],
  ],
  [
    /\bfirst\b|\btop\b|\bnumber one\b|\bleading\b|\bled\b|\blead\b|\bhighest\b|\blargest\b|\bbiggest\b/i,
    ['rank', 'streak'],
  ],
];

const TIME_CUE =
  /\bwhen\b|\b(?:what|which) (?:year|day|date|month|time)\b|\bdate\b|\bdeadline\b|\bsince when\b/i;

/**
 * Reads the figure intent of a question.
 *
 * @example
 * figureIntent('How many high-tech enterprises are there?') // → { kinds: ['count', 'amount'], wantsTime: false }
 * figureIntent('How many years in a row has it ranked first?').kinds[0] // → 'streak'
 */
export function figureIntent(question: string): FigureIntent {
  const kinds: FigureKind[] = [];
  for (const [cue, wanted] of CUES) {
    if (cue.test(question)) for (const kind of wanted) if (!kinds.includes(kind)) kinds.push(kind);
  }
  const wantsTime = TIME_CUE.test(question);
  if (wantsTime) kinds.unshift('date', 'year');
  return { kinds, wantsTime };
}
