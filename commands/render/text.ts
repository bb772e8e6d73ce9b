import { bold, escapeMarkdown } from '@discordjs/formatters';
import { analyzeWords } from '../../src/search/analyzer.js';

/**
 * Escapes Discord markdown in quoted text, so that `*`, `_`, `~`, `` ` ``, `>` and `|` in a document
 * show as written instead of formatting the message. Mentions are left as text: they cannot ping,
 * since every message carries `allowed_mentions`, but `@everyone` still gets a zero-width space so
 * it never even looks like one.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, {
    bulletedList: true,
    numberedList: true,
    heading: true,
    maskedLink: true,
  }).replace(/@(everyone|here)/g, '@\u200b$1');
}

/**
 * Escapes `text` and puts in bold every word whose index terms matched the question.
 *
 * @example
 * highlight('75,000 high-tech enterprises', ['enterpris']) // → '75,000 high-tech **enterprises**'
 */
export function highlight(text: string, matchedTerms: readonly string[]): string {
  const wanted = new Set(matchedTerms);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-‐‑–&'’.,][\p{L}\p{N}]+)*/gu)) {
    const word = match[0];
    const at = match.index ?? 0;
    const hit = analyzeWords(word).some((unit) => unit.terms.some((term) => wanted.has(term)));
    out += escapeText(text.slice(last, at)) + (hit ? bold(escapeText(word)) : escapeText(word));
    last = at + word.length;
  }
  return out + escapeText(text.slice(last));
}

/** Prefixes every line with `> ` (a Discord block quote). */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
