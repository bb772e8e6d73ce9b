import { patternsOfEveryLexicon } from '../lexicon/lexicon.js';

/** The row cues of every language (`rowCues` of `src/lexicon/*.json`). */
const ROW_CUES = patternsOfEveryLexicon((lexicon) => lexicon.rowCues);

/**
 * True when a question asks across the rows of a table ("Which segment grew most?", "What are
 * the components of inventories?", "…in 2019 and 2018 respectively?", "哪些"): one row does not
 * answer it, the whole table does.
 *
 * @example
 * asksAcrossRows('What are the components of inventories?') // → true
 * asksAcrossRows('What were raw materials in 2019?') // → false
 */
export function asksAcrossRows(question: string): boolean {
  return ROW_CUES.some((pattern) => pattern.test(question));
}
