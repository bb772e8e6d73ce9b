/**
 * The question as the log groups it: Unicode-normalised, lower case, punctuation and symbols
 * dropped, runs of spaces collapsed. "What's the GDP?" and "whats the gdp" group together; the
 * words and their order are kept, so different questions stay apart.
 *
 * @example
 * normaliseQuestion('  What is the GDP of Guangdong?? ') // → 'what is the gdp of guangdong'
 */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
