import { bold, escapeMarkdown } from '@discordjs/formatters';
import { analyzeWords, processTerm } from '../../src/search/analyzer.js';

/**
 * Escapes Discord markdown in quoted text, so that `*`, `_`, `~`, `` ` ``, `>` and `|` in a document
 * show as written instead of formatting the message. Mentions are left as text: they cannot ping,
 * since every message carries `allowed_mentions`, but `@everyone` still gets a zero-width space so
 * it never even looks like one.
 */
export function escapeText(text: string): string {
  return defuseMentions(
    escapeMarkdown(text, {
      bulletedList: true,
      numberedList: true,
      heading: true,
      maskedLink: true,
    }),
  );
}

/**
 * Puts a zero-width space into `@everyone` and `@here`, for text shown where markdown is not
 * rendered (an embed's author line): they cannot ping there either, but they never look like one.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1');
}

/** The index terms of one word: cheap for plain words, the full analysis only for numbers. */
function termsOfWord(word: string): string[] {
  if (/\p{N}/u.test(word)) return analyzeWords(word).flatMap((unit) => unit.terms);
  const parts = word.split(/[-‐‑–&.,]/);
  const terms = parts.map(processTerm).filter((term): term is string => Boolean(term));
  if (parts.length > 1) {
    const joined = processTerm(parts.join(''));
    if (joined) terms.push(joined);
  }
  return terms;
}

/** A stretch of plain text, in bold when it is a word the question matched. */
export interface Span {
  text: string;
  bold?: boolean;
}

/**
 * Splits `text` into spans, the words whose index terms matched the question in bold. The one
 * source of highlighting for Discord ({@link highlight}) and the terminal.
 *
 * @example
 * highlightSpans('75,000 enterprises', ['enterpris']) // → [{ text: '75,000 ' }, { text: 'enterprises', bold: true }]
 */
export function highlightSpans(text: string, matchedTerms: readonly string[]): Span[] {
  const wanted = new Set(matchedTerms);
  const spans: Span[] = [];
  let last = 0;
  if (wanted.size > 0) {
    for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-‐‑–&'’.,][\p{L}\p{N}]+)*/gu)) {
      const word = match[0];
      if (!termsOfWord(word).some((term) => wanted.has(term))) continue;
      const at = match.index ?? 0;
      if (at > last) spans.push({ text: text.slice(last, at) });
      spans.push({ text: word, bold: true });
      last = at + word.length;
    }
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}

/**
 * Escapes `text` and puts in bold every word whose index terms matched the question.
 *
 * @example
 * highlight('75,000 high-tech enterprises', ['enterpris']) // → '75,000 high-tech **enterprises**'
 */
export function highlight(text: string, matchedTerms: readonly string[]): string {
  return highlightSpans(text, matchedTerms)
    .map((span) => (span.bold ? bold(escapeText(span.text)) : escapeText(span.text)))
    .join('');
}

/** Prefixes every line with `> ` (a Discord block quote). */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
