import { paragraphMark } from '../../src/answer/citation.js';
import type { Citation } from '../../src/types.js';
import { t } from '../i18n/index.js';
import { truncate } from '../reply/enforce.js';

const SEPARATOR = ' · ';

/** The page of a citation as the language writes it (`p. 2`, `第 2 页`), if it has one. */
function pageOf(citation: Pick<Citation, 'page'>, locale: string | undefined): string | undefined {
  return citation.page !== undefined ? t(locale, 'citation.page', { page: citation.page }) : undefined;
}

/** The citation line of a quote: `PR Newswire · 2024-02-20 · Revenue by region · p. 2 · ¶3`. */
export function citationLine(citation: Omit<Citation, 'docId' | 'title'>, locale?: string): string {
  const page = pageOf(citation, locale);
  return [citation.source, citation.published, citation.section, page, paragraphMark(citation)]
    .filter(Boolean)
    .join(SEPARATOR);
}

/** The longest quote a pasted citation carries; the rest is marked with an ellipsis. */
const MAX_CITED_QUOTE = 500;

/**
 * A plain-text citation, ready to paste, built from the passage itself (never from a message).
 *
 * @example
 * plainCitation({ docId: 'r', title: 'Results', source: 'PR Newswire', published: '2024-02-20', paragraph: 3, url: 'https://example.org/r' }, 'Revenue rose.')
 * // → '“Revenue rose.” Results, PR Newswire, 2024-02-20, ¶3. https://example.org/r'
 */
export function plainCitation(citation: Citation, text: string, locale?: string): string {
  const quote = truncate(text.replace(/\s+/g, ' ').trim(), MAX_CITED_QUOTE);
  const page = pageOf(citation, locale);
  const parts = [
    citation.title,
    citation.source,
    citation.published,
    citation.section,
    page,
    paragraphMark(citation),
  ]
    .filter(Boolean)
    .join(', ');
  return `${quote ? `“${quote}” ` : ''}${parts}.${citation.url ? ` ${citation.url}` : ''}`;
}
