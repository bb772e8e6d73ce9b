import type { APIEmbed } from 'discord-api-types/v10';
import type { Citation } from '../../src/types.js';

const SEPARATOR = ' · ';

/** The citation line under a quote: `PR Newswire · 2024-02-20 · Revenue by region · p. 2 · ¶3`. */
export function citationLine(citation: Omit<Citation, 'docId' | 'title'>): string {
  const page = citation.page !== undefined ? `p. ${citation.page}` : undefined;
  return [citation.source, citation.published, citation.section, page, `¶${citation.paragraph}`]
    .filter(Boolean)
    .join(SEPARATOR);
}

/** Marks the citation line inside an embed description (Discord's small "subtext" markdown). */
export const CITATION_PREFIX = '-# ';

/**
 * Builds a plain-text citation, ready to paste, from an answer embed sent earlier: the buttons of a
 * message read what it shows instead of searching again, so a citation always matches the quote.
 *
 * @example
 * plainCitationFromEmbed({ title: 'Results', url: 'https://example.org/r', description: '> Revenue rose.\n-# PR Newswire · 2024-02-20 · ¶3' })
 * // → '“Revenue rose.” Results, PR Newswire, 2024-02-20, ¶3. https://example.org/r'
 */
export function plainCitationFromEmbed(embed: APIEmbed): string | undefined {
  if (!embed.title || !embed.description) return undefined;
  const lines = embed.description.split('\n');
  const meta = lines.find((line) => line.startsWith(CITATION_PREFIX))?.slice(CITATION_PREFIX.length);
  const quote = lines
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2))
    .join(' ')
    .replace(/\*\*/g, '')
    .replace(/\\([\\*_~`|>#\-[\]().])/g, '$1')
    .replace(/@\u200b/g, '@')
    .trim();
  const parts = [embed.title, ...(meta ? meta.split(SEPARATOR) : [])].join(', ');
  return `${quote ? `“${quote}” ` : ''}${parts}.${embed.url ? ` ${embed.url}` : ''}`;
}
