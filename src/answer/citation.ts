import type { KnowledgeBase } from '../knowledge-base.js';
import type { Citation, Passage } from '../types.js';

/** The citation of a passage: its document's title, source, date and link, and its paragraph. */
export function citationOf(kb: KnowledgeBase, passage: Passage): Citation {
  const doc = kb.documentsById.get(passage.docId);
  const citation: Citation = {
    docId: passage.docId,
    title: doc?.title ?? passage.docId,
    paragraph: passage.paragraph,
  };
  if (doc?.source) citation.source = doc.source;
  if (doc?.published) citation.published = doc.published;
  if (doc?.url) citation.url = doc.url;
  return citation;
}

/**
 * A one-line citation ready to paste: `Title, Source, 2024-02-20, ¶3, https://…`.
 *
 * @example
 * formatCitation({ docId: 'r', title: 'Results', source: 'PR Newswire', published: '2024-02-20', paragraph: 3 })
 * // → 'Results, PR Newswire, 2024-02-20, ¶3'
 */
export function formatCitation(citation: Citation): string {
  return [citation.title, citation.source, citation.published, `¶${citation.paragraph}`, citation.url]
    .filter((part): part is string => Boolean(part))
    .join(', ');
}
