/**
 * Sentence splitting that survives the abbreviations and numbers of press-release English.
 *
 * `Intl.Segmenter` does the Unicode sentence-boundary work (quotes, `?`, `!`, decimals such as `1.2`),
 * but it has no abbreviation list, so it breaks after `Feb.` in `Feb. 20` or after `Co.` in
 * `Co., Ltd. signed`. A merge step glues such a break back together.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Abbreviations that end with a period but rarely end a sentence. Lowercase, without the period. */
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'hon',
  'co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ',
  'fig', 'vol', 'op', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** True when `segment` ends with an abbreviation (or an initialism such as `U.S.`) rather than a full stop. */
function endsWithAbbreviation(segment: string): boolean {
  const match = /(?:^|[\s(“"'‘])((?:[A-Za-z]\.)+|[A-Za-z]+(?:\.[A-Za-z]+)*)\.?\s*$/.exec(segment.trimEnd());
  if (!match || !segment.trimEnd().endsWith('.')) return false;
  const word = (match[1] ?? '').replace(/\.$/, '').toLowerCase();
  // Initialisms like `U.S.` or a single initial such as `J.` in a name.
  if (/^(?:[a-z]\.)*[a-z]$/.test(word) && word.length <= 5) return true;
  return ABBREVIATIONS.has(word);
}

/**
 * Splits `text` into sentences without losing a character: joining the result gives back `text`.
 *
 * @example
 * splitSentences('GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — It rained. Loans grew 1.2 percent.')
 * // → ['GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — It rained. ', 'Loans grew 1.2 percent.']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const previous = sentences.at(-1);
    // A segment that starts in lowercase or with a digit or comma continues the previous sentence.
    const continues = /^[\s]*[a-z0-9,;:)]/.test(segment);
    if (previous !== undefined && (endsWithAbbreviation(previous) || continues)) {
      sentences[sentences.length - 1] = previous + segment;
    } else {
      sentences.push(segment);
    }
  }
  return sentences;
}
