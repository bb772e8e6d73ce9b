import type { KnowledgeBase } from '../knowledge-base.js';
import { analyzeWords, tokenize } from '../search/analyzer.js';
import type { PassageHit } from '../search/search-index.js';
import type { Figure } from '../types.js';
import { citationOf } from './citation.js';
import { figureIntent } from './intent.js';
import { suggestTopics } from './suggest.js';

/**
 * The share of a question's words a passage must match (directly, by typo or by synonym) to count
 * as an answer. Below it, factdesk says it does not know instead of quoting a random passage.
 */
export const ANSWER_COVERAGE_THRESHOLD = 0.5;

/** A passage quoted in an answer, with its citation. */
export interface AnswerPassage {
  id: string;
  docId: string;
  title: string;
  source?: string;
  published?: string;
  url?: string;
  paragraph: number;
  text: string;
  score: number;
  /** Index terms of the passage that matched the question, for highlighting. */
  matchedTerms: string[];
}

/** The answer to a question. */
export interface Answer {
  query: string;
  answered: boolean;
  /** Best first. Empty when not answered. */
  passages: AnswerPassage[];
  /** Figures of the quoted passages, the most relevant to the question first. */
  figures: Figure[];
  /** The question's words that the best passage matched. */
  matchedWords: string[];
  /** Close topics to try, when not answered. */
  suggestions: string[];
  /** Whether more passages than those quoted match (for a "More" button). */
  hasMore: boolean;
}

/** Options of {@link ask}. */
export interface AskOptions {
  /** How many passages to quote (default 3). */
  limit?: number;
  /** Skip this many of the best passages (paging with "More"). */
  offset?: number;
}

/** The text around a figure in its sentence, where what it measures is usually written. */
function contextOf(figure: Figure): string {
  const at = figure.sentence.indexOf(figure.text);
  if (at < 0) return figure.sentence;
  return figure.sentence.slice(Math.max(0, at - 70), at + figure.text.length + 70);
}

/**
 * Orders the figures of the answer's passages by how well they answer the question: the passage's
 * rank, the question's words in the figure's label and around it, the kind of figure the question
 * asks for ("how many" → counts), and the number itself when the question states it. Bare years
 * are left out unless the question asks "when".
 */
export function rankFigures(question: string, hits: { figures: Figure[] }[]): Figure[] {
  const intent = figureIntent(question);
  const queryTerms = new Set(tokenize(question));
  const scored: { figure: Figure; score: number }[] = [];
  hits.forEach(({ figures }, rank) => {
    const passageWeight = 1 / (1 + rank);
    for (const figure of figures) {
      if (figure.kind === 'year' && !intent.wantsTime) continue;
      const labelHits = tokenize(figure.label).filter((term) => queryTerms.has(term)).length;
      const contextHits = new Set(tokenize(contextOf(figure)).filter((term) => queryTerms.has(term))).size;
      const numberHit = tokenize(figure.text).some((term) => /^\p{N}/u.test(term) && queryTerms.has(term)) ? 3 : 0;
      const kindRank = intent.kinds.indexOf(figure.kind);
      const kindScore = kindRank < 0 ? 0 : 1.5 - 0.3 * kindRank;
      const datePenalty = figure.kind === 'date' && !intent.wantsTime ? 1 : 0;
      const score = passageWeight * (1 + 2 * labelHits + contextHits + numberHit + kindScore - datePenalty);
      scored.push({ figure, score });
    }
  });
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.figure);
}

/** True when the best hit covers enough of the question to be an answer. */
export function isAnswer(hit: Pick<PassageHit, 'coverage'> | undefined): boolean {
  return hit !== undefined && hit.coverage >= ANSWER_COVERAGE_THRESHOLD;
}

/**
 * Answers a question with the best passages of the knowledge base, their citations and figures.
 * A question the knowledge does not answer gets `answered: false` and suggestions.
 *
 * @example
 * const answer = ask(kb, "What was Guangdong's GDP in 2023?");
 * answer.passages[0].text // → 'Guangdong’s economic strength surged in 2023, and … 13 trillion yuan …'
 * answer.figures[0].text  // → '13 trillion yuan'
 */
export function ask(kb: KnowledgeBase, question: string, { limit = 3, offset = 0 }: AskOptions = {}): Answer {
  const query = question.trim();
  const hits = kb.index.searchPassages(query, { limit: offset + limit + 1 });
  const best = hits[0];
  if (!isAnswer(best) || analyzeWords(query).length === 0) {
    return {
      query,
      answered: false,
      passages: [],
      figures: [],
      matchedWords: [],
      suggestions: suggestTopics(kb, query, 5),
      hasMore: false,
    };
  }
  // Quote only passages that answer too, not the long tail of single-word matches.
  const answering = hits.filter((hit) => isAnswer(hit));
  const page = answering.slice(offset, offset + limit);
  const passages: AnswerPassage[] = [];
  for (const hit of page) {
    const passage = kb.passagesById.get(hit.passageId);
    if (!passage) continue;
    passages.push({
      id: passage.id,
      ...citationOf(kb, passage),
      text: passage.text,
      score: Math.round(hit.score * 1000) / 1000,
      matchedTerms: hit.matchedTerms,
    });
  }
  const figures = rankFigures(
    query,
    passages.map((passage) => ({ figures: kb.figuresByPassage.get(passage.id) ?? [] })),
  );
  return {
    query,
    answered: passages.length > 0,
    passages,
    figures,
    matchedWords: best?.matchedWords ?? [],
    suggestions: [],
    hasMore: answering.length > offset + limit,
  };
}
