import { extractFigures } from '../figures/extract.js';
import { tableRowFigures } from '../figures/table-figures.js';
import { DEFAULT_PASSAGE_LIMITS, documentPassages, type PassageLimits } from '../text/passages.js';
import type { Figure, KnowledgeDocument, Passage } from '../types.js';

/**
 * The passages and figures of one document: figures of running text come from the extractor,
 * those of a table row from its cells (labelled by row and column, with the column's unit).
 */
export function documentContent(
  document: KnowledgeDocument,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): { passages: Passage[]; figures: Figure[] } {
  const { passages, rows } = documentPassages(document, limits);
  const byPassage = new Map(rows.map((row) => [row.passage.id, row]));
  const figures = passages.flatMap((passage) => {
    const row = byPassage.get(passage.id);
    return row ? tableRowFigures(passage, row.table, row.row) : extractFigures(passage);
  });
  return { passages, figures };
}
