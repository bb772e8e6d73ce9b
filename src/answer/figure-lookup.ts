import type { KnowledgeBase } from '../knowledge-base.js';
import { tokenize } from '../search/analyzer.js';
import type { Citation, Figure } from '../types.js';
import { findAnsweringPassages, isAnswer, scoreFigures } from './ask.js';
import { citationOf } from './citation.js';
import { suggestTopics } from './suggest.js';

/** A figure with the citation of its passage. */
export interface CitedFigure extends Figure {
  citation: Citation;
  score: number;
}

/** The answer to a `/figure` lookup. */
export interface FigureAnswer {
  query: string;
  answered: boolean;
  /** Best first. */
  figures: CitedFigure[];
  /**
   * The best figure and the figures other documents report for the same metric, newest first;
   * empty when only one document reports it.
   */
  sameMetric: CitedFigure[];
  suggestions: string[];
}

/** True when two figures measure the same thing: same unit and mostly the same label words. */
export function sameMetric(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit || a.kind !== b.kind) return false;
  const left = new Set(tokenize(a.label));
  const right = new Set(tokenize(b.label));
  if (left.size === 0 || right.size === 0) return false;
  const shared = [...left].filter((term) => right.has(term)).length;
  return shared / Math.max(left.size, right.size) >= 0.6;
}

/**
 * Looks up the figures for a topic: best first, with their citations, and the same metric as
 * reported by other documents (newest first), so conflicting values are shown side by side.
 *
 * @example
 * lookupFigure(kb, 'high-tech enterprises').figures[0].text // → '75,000'
 */
export function lookupFigure(kb: KnowledgeBase, topic: string, { limit = 5 } = {}): FigureAnswer {
  const query = topic.trim();
  // The figures of the passages that answer the topic best, ranked as an answer's figures are:
  // the passage search weighs the named document, the year and the newest report, the figure
  // points weigh what the topic asks for (an amount before its growth rate, a total before a part).
  const found = findAnsweringPassages(kb, query, limit * 2);
  const { question } = found;
  const hits = found.hits.filter((hit) => isAnswer(hit));
  const ranked = scoreFigures(
    query,
    hits.map((hit) => ({ figures: kb.figuresByPassage.get(hit.passageId) ?? [], score: hit.score })),
    { words: question.words, weights: kb.index.model.figure },
  );
  const figures: CitedFigure[] = [];
  for (const { figure, score } of ranked) {
    const passage = kb.passagesById.get(figure.passageId);
    if (!passage || (figure.kind === 'year' && !question.intent.wantsTime)) continue;
    figures.push({ ...figure, citation: citationOf(kb, passage), score: Math.round(score * 1000) / 1000 });
  }
  const top = figures[0];
  if (!top) {
    return { query, answered: false, figures: [], sameMetric: [], suggestions: suggestTopics(kb, query, 5) };
  }
  const others = figures.filter((figure) => figure.docId !== top.docId && sameMetric(top, figure));
  const byDoc = new Map<string, CitedFigure>();
  for (const figure of [top, ...others]) if (!byDoc.has(figure.docId)) byDoc.set(figure.docId, figure);
  const comparison =
    byDoc.size > 1
      ? [...byDoc.values()].sort((a, b) =>
          (b.citation.published ?? '').localeCompare(a.citation.published ?? ''),
        )
      : [];
  return { query, answered: true, figures: figures.slice(0, limit), sameMetric: comparison, suggestions: [] };
}
