import { periodsOrYearsOf, samePeriod } from '../figures/periods.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { LEXICONS, phrasePattern } from '../lexicon/lexicon.js';
import { analyzeWords, languageOf } from '../search/analyzer.js';
import { DEFAULT_MODEL, FIGURE_FEATURES, type FigureFeature } from '../search/model.js';
import type { QuestionWord } from '../search/search-index.js';
import type { Citation, Figure, FigureKind } from '../types.js';
import { citationOf } from './citation.js';
import { analysisOf, descriptionMatch, type FigureRole, kindMatch } from './figure-analysis.js';
import { type FigureIntent, figureIntent } from './intent.js';
import { ownQuote, quoteOf } from './quote.js';
import { type PassageHit, rankPassages } from './rank.js';
import { reachesStated, type StatedNumber, statedNumbers } from './stated.js';
import { topicsOf } from './suggest.js';

/** A passage quoted in an answer, with its citation. */
export interface AnswerPassage extends Citation {
  id: string;
  /** The text quoted (see {@link quoteOf}: a table's lead-in is quoted with its table). */
  text: string;
  /** The passages the quote holds, this one first; their figures are the quote's figures. */
  sources: string[];
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
  /** Ranking features to leave out, for the ablation report (see `rankPassages`). */
  without?: ReadonlySet<string>;
}

/** Points for a kind when the question asks for none: an amount or a count is the usual answer. */
const DEFAULT_KIND: Partial<Record<FigureKind, number>> = { amount: 0.5, count: 0.4, percent: 0.2 };

/** Phrases of a question that ask for a figure of a role (a previous value, a change, a part), from every lexicon. */
const ROLE_CUES = new Map<FigureRole, RegExp[]>();
for (const lexicon of Object.values(LEXICONS))
  for (const [role, phrases] of lexicon.roleCues)
    ROLE_CUES.set(role as FigureRole, [
      ...(ROLE_CUES.get(role as FigureRole) ?? []),
      ...phrases.map((phrase) => phrasePattern(phrase)),
    ]);

/** A question read once for ranking figures (see {@link figureFeatures}). */
export interface FigureQuestion {
  intent: FigureIntent;
  stated: StatedNumber[];
  /** The roles the question asks about ("how many were added" → `change`). */
  asked: Set<FigureRole>;
  /** The periods the question names (`2019`, `2024-Q3`, `FY2023`). */
  periods: string[];
  words: QuestionWord[];
}

/**
 * Reads a question for ranking figures. `words` are its words with their synonyms (from
 * `SearchIndex.questionWords`); without them, its own words only.
 */
export function readFigureQuestion(
  question: string,
  words: QuestionWord[] = analyzeWords(question).map((unit) => ({ terms: unit.terms, weight: 1 })),
  intent: FigureIntent = figureIntent(question),
): FigureQuestion {
  return {
    intent,
    stated: statedNumbers(question),
    asked: new Set(
      [...ROLE_CUES].flatMap(([role, patterns]) => (patterns.some((p) => p.test(question)) ? [role] : [])),
    ),
    periods: periodsOrYearsOf(question),
    words,
  };
}

/**
 * What is known of one figure for a question, as the figure model's features (weights in
 * `src/search/model.json`, fitted by `npm run fit`); `undefined` for a bare year when the question
 * does not ask when. `position` is the figure's place in its passage. The `passage` feature (how
 * well its passage ranks) is added by {@link scoreFigures}.
 * - `kind`: it is of the kind the question asks for (½ for a second-choice kind);
 * - `description`: the question's words describe it, in its label or near it in its sentence;
 * - `stated`: it is the very number the question states, or the value reached at a threshold it names;
 * - `role`: it is a previous value, a change or a part while the question asks for none (a part
 *   the question describes counts less);
 * - `period`: +1 when its period is one the question names, −1 when the question names others;
 * - `position`: its place in the passage, so that equal figures keep the passage's order.
 */
export function figureFeatures(
  question: FigureQuestion,
  figure: Figure,
  position = 0,
): Omit<Record<FigureFeature, number>, 'passage'> | undefined {
  const { intent, words, asked, stated, periods } = question;
  if (figure.kind === 'year' && !intent.wantsTime) return undefined;
  if (figure.kind === 'date' && !intent.wantsTime && intent.kinds.length > 0) return undefined;
  const kind = intent.kinds.length > 0 ? kindMatch(figure, intent) : (DEFAULT_KIND[figure.kind] ?? 0);
  const description = descriptionMatch(figure, words);
  const { role } = analysisOf(figure);
  // A part the question describes ("how many research roles" → "of whom 2,100 work in research
  // roles") is what it asks for: its role counts against it as much as it is not described. A
  // previous value or a change is never the current value, however well described.
  const roleOff = role && !asked.has(role) ? (role === 'part' ? 1 - description : 1) : 0;
  const reached = stated.filter((number) => reachesStated(figure, number)).length;
  const period =
    periods.length === 0 || !figure.period
      ? 0
      : periods.some((p) => samePeriod(p, figure.period as string))
        ? 1
        : -1;
  return { kind, description, stated: reached, role: roleOff, period, position };
}

/** A passage whose figures are ranked: its figures and, when known, its ranking score. */
export interface RankedPassageFigures {
  figures: Figure[];
  score?: number;
}

/** Options of {@link rankFigures}. */
export interface FigureRankingOptions {
  /** The question's words with their weights, synonyms included (from `SearchIndex.questionWords`). */
  words?: QuestionWord[];
  /** The figure model's weights (default: the shipped model's). */
  weights?: Record<FigureFeature, number>;
}

/**
 * Orders the figures of the answer's passages by how well they answer the question: figures of
 * the better passages first, of the kind the question asks for, described by its words, the
 * number it states, and current values before previous ones unless it asks for those.
 */
export function rankFigures(
  question: string,
  hits: RankedPassageFigures[],
  options: FigureRankingOptions = {},
): Figure[] {
  return scoreFigures(question, hits, options).map((entry) => entry.figure);
}

/** {@link rankFigures} with the score of each figure, best first. */
export function scoreFigures(
  question: string,
  hits: RankedPassageFigures[],
  { words, weights = DEFAULT_MODEL.figure }: FigureRankingOptions = {},
): { figure: Figure; score: number }[] {
  return figureCandidates(question, hits, words)
    .map(({ figure, features }) => {
      let score = 0;
      for (const name of FIGURE_FEATURES) score += weights[name] * features[name];
      return { figure, score };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * Every figure of the passages that can answer the question, with the figure model's features
 * (see {@link figureFeatures}); `passage` is its passage's score relative to the best, to the
 * 4th power, so that another passage's figure counts only as its passage nears the best.
 */
export function figureCandidates(
  question: string,
  hits: RankedPassageFigures[],
  words?: QuestionWord[],
): { figure: Figure; features: Record<FigureFeature, number> }[] {
  const read = readFigureQuestion(question, words);
  const top = Math.max(...hits.map((hit) => hit.score ?? 0), 0);
  const candidates: { figure: Figure; features: Record<FigureFeature, number> }[] = [];
  hits.forEach(({ figures, score }, rank) => {
    const passage = score !== undefined && top > 0 ? Math.max(0, score / top) ** 4 : 1 / (1 + rank);
    figures.forEach((figure, position) => {
      const features = figureFeatures(read, figure, position);
      if (features) candidates.push({ figure, features: { passage, ...features } });
    });
  });
  return candidates;
}

/**
 * The passages that best answer a question, best first (see {@link rankPassages}), with the
 * question read for ranking figures.
 */
export function findAnsweringPassages(
  kb: KnowledgeBase,
  query: string,
  limit: number,
  without?: ReadonlySet<string>,
): { hits: PassageHit[]; question: FigureQuestion } {
  const ranking = rankPassages(kb, query, without ? { limit, without } : { limit });
  return { hits: ranking.hits, question: readFigureQuestion(query, ranking.words, ranking.intent) };
}

/**
 * Topics to suggest when a question is not answered: the figures of the passages that came
 * closest, or, when nothing came close, the first figures of the knowledge base.
 */
function closeTopics(kb: KnowledgeBase, hits: readonly { passageId: string }[], question: string): string[] {
  const near = hits.flatMap((hit) => kb.figuresByPassage.get(hit.passageId) ?? []);
  if (near.length > 0) return topicsOf(near, 5);
  // Nothing near: the first topics written in the question's language, so that a Chinese
  // question is not offered English topics while the knowledge has Chinese ones.
  const language = languageOf(question);
  const own: Figure[] = [];
  for (const figure of kb.figures) {
    if (languageOf(figure.label) === language) own.push(figure);
    if (own.length >= 50) break;
  }
  return topicsOf(own.length > 0 ? own : kb.figures.slice(0, 50), 5);
}

/** True when a hit answers the question (the answer model's probability reaches its threshold). */
export function isAnswer(hit: Pick<PassageHit, 'answers'> | undefined): boolean {
  return hit?.answers === true;
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
export function ask(
  kb: KnowledgeBase,
  question: string,
  { limit = 3, offset = 0, without }: AskOptions = {},
): Answer {
  const query = question.trim();
  const { hits, question: read } = findAnsweringPassages(kb, query, offset + limit + 1, without);
  const best = hits[0];
  if (!isAnswer(best) || analyzeWords(query).length === 0) {
    return {
      query,
      answered: false,
      passages: [],
      figures: [],
      matchedWords: [],
      suggestions: closeTopics(kb, hits, query),
      hasMore: false,
    };
  }
  // Quote only passages that answer too, not the long tail of single-word matches, and each
  // passage once: a table quoted with its lead-in is not quoted again, nor a lead-in with a
  // table already quoted.
  const quotes: AnswerPassage[] = [];
  const quoted = new Set<string>();
  for (const hit of hits) {
    if (quotes.length > offset + limit) break;
    const passage = kb.passagesById.get(hit.passageId);
    if (!isAnswer(hit) || !passage || quoted.has(passage.id)) continue;
    // Switched off (ablation), a lead-in is quoted alone.
    const full = without?.has('leadIn') ? ownQuote(passage) : quoteOf(kb, passage);
    const quote = full.sources.some((id) => quoted.has(id)) ? ownQuote(passage) : full;
    for (const id of quote.sources) quoted.add(id);
    quotes.push({
      id: passage.id,
      ...citationOf(kb, passage, quote),
      text: quote.text,
      sources: quote.sources,
      score: Math.round(hit.score * 1000) / 1000,
      matchedTerms: hit.matchedTerms,
    });
  }
  const passages = quotes.slice(offset, offset + limit);
  const figures = rankFigures(
    query,
    passages.map((passage) => ({
      figures: passage.sources.flatMap((id) => kb.figuresByPassage.get(id) ?? []),
      score: passage.score,
    })),
    { words: read.words, weights: kb.index.model.figure },
  );
  return {
    query,
    answered: passages.length > 0,
    passages,
    figures,
    matchedWords: best?.matchedWords ?? [],
    suggestions: [],
    hasMore: quotes.length > offset + limit,
  };
}
