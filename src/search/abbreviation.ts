/** The least and most letters of an initialism a question may use (`EPS`, `MVP`, `YTD`, `EBITDA` is six). */
const INITIALS = { min: 3, max: 6 };
/** The least letters of a shortened word (`coop`, `info`), and how many letters the full word adds at least. */
const SHORTENED = { min: 4, added: 4 };
const LATIN_WORD = /^\p{Script=Latin}+$/u;

/**
 * Whether `word`, a question word the documents lack, is an abbreviation that a passage spells
 * out in `words` (its words, lowercased, in order): the initials of consecutive words (`eps`:
 * earnings per share; `mvp`: most valuable player) or the start of a longer word (`coop`:
 * cooperative). Two letters are too common as initials to tell anything, and a full word must be
 * a good deal longer than its start, or `trip` would stand for `tripled`.
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
    for (let i = 0; i + short.length <= words.length; i++) {
      let k = 0;
      while (k < short.length && (words[i + k] ?? '').length > 1 && words[i + k]?.[0] === short[k]) k++;
      if (k === short.length) return true;
    }
  }
  if (short.length >= SHORTENED.min)
    for (const full of words)
      if (full.length >= short.length + SHORTENED.added && full.startsWith(short)) return true;
  return false;
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
