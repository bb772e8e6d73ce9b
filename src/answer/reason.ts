import { patternsOfEveryLexicon } from '../lexicon/lexicon.js';

/** The reason cues of every language (`reasonCues` of `src/lexicon/*.json`). */
const REASON_CUES = patternsOfEveryLexicon((lexicon) => lexicon.reasonCues);
/** The cause markers of every language (`causeMarkers` of `src/lexicon/*.json`). */
const CAUSE_MARKERS = patternsOfEveryLexicon((lexicon) => lexicon.causeMarkers);

/**
 * True when a question asks for a reason ("Why did revenue fall?", "What led to the increase?",
 * "为什么…"): its answer is the sentence that gives one, often the one after the sentence that
 * states the change.
 *
 * @example
 * asksForReason('What led to the increase in cable revenue?') // → true
 * asksForReason('What was cable revenue in 2018?') // → false
 */
export function asksForReason(question: string): boolean {
  return REASON_CUES.some((pattern) => pattern.test(question));
}

/**
 * True when a text gives a reason: it holds a cause marker ("due to", "driven by", "由于").
 *
 * @example
 * givesReason('The increase was mainly driven by greater marketing spending.') // → true
 */
export function givesReason(text: string): boolean {
  return CAUSE_MARKERS.some((pattern) => pattern.test(text));
}
