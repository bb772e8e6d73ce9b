import { extractFigures } from '../figures/extract.js';
import { tableRowFigures } from '../figures/table-figures.js';
import { DEFAULT_PASSAGE_LIMITS, documentPassages, type PassageLimits } from '../text/passages.js';
import type { Figure, KnowledgeDocument, Passage } from '../types.js';

/**
 * The passages and figures of one document: figures of running text come from the extractor,
 * those of a table row from its cells (labelled by row and column, with the column's unit); the
 * compact passage of a whole table has none of its own.
 */
export function documentContent(
  document: KnowledgeDocument,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): { passages: Passage[]; figures: Figure[] } {
  const { passages, rows } = documentPassages(document, limits);
  const byPassage = new Map(rows.map((row) => [row.passage.id, row]));
  const figures = passages.flatMap((passage) => {
    const row = byPassage.get(passage.id);
    if (row) return tableRowFigures(passage, row.table, row.row);
    // A whole table's figures are its rows' figures: none of its own, so none counts twice.
    return passage.kind === 'table' ? [] : extractFigures(passage);
  });
  return { passages, figures };
}
