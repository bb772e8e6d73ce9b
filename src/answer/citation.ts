import type { KnowledgeBase } from '../knowledge-base.js';
import type { Citation, Passage } from '../types.js';
import type { Quote } from './quote.js';

/**
 * The citation of a passage: its document's title, source, date and link, its paragraph (to the
 * last one its quote spans), and where known the page (PDF) and the section heading it stands under.
 */
export function citationOf(
  kb: KnowledgeBase,
  passage: Passage,
  quote?: Pick<Quote, 'lastParagraph'>,
): Citation {
  const doc = kb.documentsById.get(passage.docId);
  const citation: Citation = {
    docId: passage.docId,
    title: doc?.title ?? passage.docId,
    paragraph: passage.paragraph,
  };
  if (doc?.source) citation.source = doc.source;
  if (doc?.published) citation.published = doc.published;
  if (doc?.url) citation.url = doc.url;
  if (quote?.lastParagraph !== undefined && quote.lastParagraph !== passage.paragraph)
    citation.lastParagraph = quote.lastParagraph;
  if (passage.page !== undefined) citation.page = passage.page;
  if (passage.section) citation.section = passage.section;
  return citation;
}

/**
 * The paragraph mark of a citation: `¶3`, or `¶3–4` for a quote that spans two paragraphs.
 *
 * @example
 * paragraphMark({ paragraph: 3, lastParagraph: 4 }) // → '¶3–4'
 */
export function paragraphMark(citation: Pick<Citation, 'paragraph' | 'lastParagraph'>): string {
  return citation.lastParagraph !== undefined
    ? `¶${citation.paragraph}–${citation.lastParagraph}`
    : `¶${citation.paragraph}`;
}

/**
 * A one-line citation ready to paste: `Title, Source, 2024-02-20, “Section”, p. 2, ¶3, https://…`.
 *
 * @example
 * formatCitation({ docId: 'r', title: 'Results', source: 'PR Newswire', published: '2024-02-20', paragraph: 3 })
 * // → 'Results, PR Newswire, 2024-02-20, ¶3'
 * formatCitation({ docId: 'r', title: 'Results', paragraph: 5, page: 2, section: 'Revenue by region' })
 * // → 'Results, “Revenue by region”, p. 2, ¶5'
 */
export function formatCitation(citation: Citation): string {
  const section = citation.section ? `“${citation.section}”` : undefined;
  const page = citation.page !== undefined ? `p. ${citation.page}` : undefined;
  return [
    citation.title,
    citation.source,
    citation.published,
    section,
    page,
    paragraphMark(citation),
    citation.url,
  ]
    .filter((part): part is string => Boolean(part))
    .join(', ');
}
