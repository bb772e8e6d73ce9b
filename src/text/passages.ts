import { splitSentences } from '../figures/sentences.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/** How large a passage may grow before a paragraph is split. */
export interface PassageLimits {
  /** A paragraph longer than this (in characters) is split into parts. */
  maxChars: number;
  /** The most sentences one part holds. */
  maxSentences: number;
}

export const DEFAULT_PASSAGE_LIMITS: PassageLimits = { maxChars: 320, maxSentences: 3 };

/**
 * Turns Markdown-ish body text into plain paragraphs: blank lines separate paragraphs, single line
 * breaks inside one are folded into spaces, and light Markdown markup (`#` headings, `*emphasis*`,
 * `[links](url)`, list bullets) is removed so that quotes read cleanly in a chat message.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((block) =>
      block
        .split('\n')
        .map((line) =>
          line
            .replace(/^\s{0,3}#{1,6}\s+/, '')
            .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
            .replace(/^\s*>\s?/, '')
            .trim(),
        )
        .filter((line) => line.length > 0)
        .join(' '),
    )
    .map((text) =>
      text
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[\s(])[*_]([^*_\n]+?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((text) => text.length > 0);
}

/**
 * Groups sentences greedily into parts of at most `limits.maxChars` characters and
 * `limits.maxSentences` sentences; a single sentence longer than the budget stays whole
 * (a passage never ends mid-sentence).
 */
function groupSentences(sentences: string[], limits: PassageLimits): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed.length === 0) continue;
    if (
      current.length > 0 &&
      (length + trimmed.length > limits.maxChars || current.length >= limits.maxSentences)
    ) {
      parts.push(current.join(' '));
      current = [];
      length = 0;
    }
    current.push(trimmed);
    length += trimmed.length + 1;
  }
  if (current.length > 0) parts.push(current.join(' '));
  return parts;
}

/**
 * Splits a document into passages: one per paragraph, or several when a paragraph is longer than
 * `limits.maxChars`, cut at sentence boundaries. Ids are stable for the same text:
 * `doc#p3` for an unsplit paragraph, `doc#p3.2` for the second part of a split one.
 *
 * @example
 * splitPassages(doc).map((p) => p.id) // → ['guangdong#p1', 'guangdong#p2', 'guangdong#p3.1', 'guangdong#p3.2', ...]
 */
export function splitPassages(
  document: KnowledgeDocument,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): Passage[] {
  const passages: Passage[] = [];
  paragraphsOf(document.body).forEach((paragraphText, index) => {
    const paragraph = index + 1;
    const parts =
      paragraphText.length > limits.maxChars
        ? groupSentences(
            splitSentences(paragraphText).map((sentence) => sentence.text),
            limits,
          )
        : [paragraphText];
    parts.forEach((text, partIndex) => {
      const part = partIndex + 1;
      const id = parts.length === 1 ? `${document.id}#p${paragraph}` : `${document.id}#p${paragraph}.${part}`;
      passages.push({ id, docId: document.id, paragraph, part, text });
    });
  });
  return passages;
}
