import { LEXICONS } from '../lexicon/lexicon.js';

/** The least and most letters of an initialism a question may use (`EPS`, `MVP`, `YTD`, `EBITDA` is six). */
const INITIALS = { min: 3, max: 6 };
/** The least letters of a shortened word (`coop`, `info`), and how many letters the full word adds at least. */
const SHORTENED = { min: 4, added: 4 };
const LATIN_WORD = /^\p{Script=Latin}+$/u;
/** Short words an initialism may skip (`EBITDA`), from the English lexicon: initialisms are Latin script. */
const CONNECTORS = LEXICONS.en.connectors;

/**
 * Whether `word`, a question word the documents lack, is an abbreviation that a passage spells
 * out in `words` (its words, lowercased, in order): the initials of consecutive words (`eps`:
 * earnings per share; `mvp`: most valuable player), a short connector skipped where its letter
 * is not next (`EBITDA`), or the start of a longer word (`coop`: cooperative). Two letters are too
 * common as initials to tell anything, and a full word must be a good deal longer than its start,
 * or `trip` would stand for `tripled`.
 *
 * @example
 * abbreviates('EPS', ['basic', 'earnings', 'per', 'share', 'were', '10p']) // → true
 * abbreviates('coop', ['the', 'cooperative', 'has', '214', 'members']) // → true
 * abbreviates('trip', ['exports', 'tripled']) // → false
 */
export function abbreviates(word: string, words: readonly string[]): boolean {
  if (!LATIN_WORD.test(word)) return false;
  const short = word.toLowerCase();
  if (short.length >= INITIALS.min && short.length <= INITIALS.max) {
    for (let i = 0; i + short.length <= words.length; i++) if (initialsAt(short, words, i)) return true;
  }
  if (short.length >= SHORTENED.min)
    for (const full of words)
      if (full.length >= short.length + SHORTENED.added && full.startsWith(short)) return true;
  return false;
}

/** Whether the words from `start` on spell `short` by their initials, skipping connectors that do not. */
function initialsAt(short: string, words: readonly string[], start: number): boolean {
  if (words[start]?.[0] !== short[0]) return false;
  let k = 0;
  for (let i = start; i < words.length && k < short.length; i++) {
    const word = words[i] as string;
    if (word.length > 1 && word[0] === short[k]) k++;
    else if (!CONNECTORS.has(word)) return false;
  }
  return k === short.length;
}

/** The words of a text as {@link abbreviates} reads them: runs of letters, lowercased. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  );
}
