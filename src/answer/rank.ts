import { periodsOf, samePeriod } from '../figures/periods.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Language } from '../lexicon/lexicon.js';
import { languageOf } from '../search/analyzer.js';
import {
  ANSWER_FEATURES,
  type AnswerFeature,
  RANK_FEATURES,
  type RankFeature,
  sigmoid,
} from '../search/model.js';
import type { Candidate, PlannedQuery, QuestionWord } from '../search/search-index.js';
import type { Figure } from '../types.js';
import { figureFit } from './figure-analysis.js';
import { type FigureIntent, figureIntent } from './intent.js';
import { asksForReason, givesReason } from './reason.js';
import { asksAcrossRows } from './rows.js';
import { reachesStated, statedNumbers } from './stated.js';

/** A passage ranked for a question: its features, its score, and whether it answers. */
export interface PassageHit {
  passageId: string;
  /** The ranking model's score; comparable within one question only. */
  score: number;
  /** The answer model's probability that this passage answers the question (0–1). */
  probability: number;
  /** True when {@link PassageHit.probability} reaches the model's threshold. */
  answers: boolean;
  /** Share (0–1) of the question's weight the passage's own text matched. */
  coverage: number;
  matchedWords: string[];
  matchedTerms: string[];
  features: Record<RankFeature, number>;
  answerFeatures: Record<AnswerFeature, number>;
}

/** A question's ranked passages, with what was read from the question. */
export interface Ranking {
  hits: PassageHit[];
  planned: PlannedQuery;
  intent: FigureIntent;
  words: QuestionWord[];
  /** The question's language, which picks the answer model. */
  language: Language;
}

/** Feature families that can be switched off, for the ablation report (`npm run ablation`). */
export interface RankingOptions {
  limit?: number;
  prefixLast?: boolean;
  /** Features to leave out (their value set to 0), for the ablation report. */
  without?: ReadonlySet<string>;
}

/** The features of the answer model, from a candidate's ranking features and the question. */
export function answerFeaturesOf(
  candidate: Candidate,
  fit: number,
  wholeTable: number,
): Record<AnswerFeature, number> {
  return {
    wholeTable,
    coverage: candidate.features.coverage,
    contextCoverage: candidate.features.contextCoverage,
    documentCoverage: candidate.features.documentCoverage,
    absent: candidate.absent,
    named: candidate.features.named,
    proximity: candidate.features.proximity,
    phrase: candidate.features.phrase,
    figureFit: fit,
    titleFit: candidate.features.titleFit,
  };
}

/** A period that is a bare year: the years feature of the index weighs those. */
const YEAR = /^\d{4}$/;

/**
 * For a question naming a period finer or other than a year (`Q3`, `H1 2024`, `FY2024`): +1 when
 * a figure of the passage belongs to it, −1 when its figures belong to other periods only, and
 * `undefined` (the years feature decides) otherwise. A figure whose sentence names no period
 * belongs to its document's (a release titled "H2 2024 results" reports the second half's
 * revenue as "revenue in the half was £2.84 billion").
 */
function periodMatch(
  asked: readonly string[],
  figures: readonly Figure[],
  documentPeriods: readonly string[],
): number | undefined {
  if (asked.length === 0) return undefined;
  const periods = figures.flatMap((figure) => (figure.period ? [figure.period] : documentPeriods));
  if (periods.some((period) => asked.some((question) => samePeriod(question, period)))) return 1;
  return periods.some((period) => !YEAR.test(period)) ? -1 : undefined;
}

/** The periods a text names other than bare years (`Q3 2024`, `FY2024`, `H1`): what the period feature reads. */
function finerPeriodsOf(text: string): string[] {
  return periodsOf(text).filter((period) => !YEAR.test(period));
}

/**
 * The periods other than bare years that a document's title names ("Q3 2024 results" → `2024-Q3`),
 * read once per document and kept with the knowledge base, whose titles never change.
 */
function titlePeriodsOf(kb: KnowledgeBase, docId: string): readonly string[] {
  const known = kb.memo.get('title-periods', () => new Map<string, string[]>());
  let periods = known.get(docId);
  if (!periods) {
    periods = finerPeriodsOf(kb.documentsById.get(docId)?.title ?? '');
    known.set(docId, periods);
  }
  return periods;
}

/**
 * Ranks the passages for a question: MiniSearch's candidates (see `SearchIndex.candidates`), each
 * scored by the fitted linear model over its features, best first, and each given the answer
 * model's probability that it answers.
 *
 * @example
 * rankPassages(kb, 'How many high-tech enterprises does Guangdong have?').hits[0].passageId
 * // → 'guangdong-first-conference-of-spring-2024#p3.2'
 */
export function rankPassages(kb: KnowledgeBase, question: string, options: RankingOptions = {}): Ranking {
  const { index } = kb;
  const model = index.model;
  const { planned, candidates } = index.candidates(question, {
    limit: options.limit ?? 0,
    prefixLast: options.prefixLast ?? false,
  });
  const intent = figureIntent(question);
  const words = index.questionWords(planned, candidates[0]?.matchedTerms);
  const off = options.without ?? new Set<string>();
  // Switched off (ablation), the reason family gives figure fit back to why questions too.
  const wantsReason = !off.has('reason') && asksForReason(question);
  // A question across a table's rows ("which segment grew most") is answered by the whole table.
  const acrossRows = asksAcrossRows(question);
  const asked = finerPeriodsOf(question);
  // A number the question states ("did it make 5.5bn"), met by a figure of the passage as rounded.
  const stated = statedNumbers(question);
  const language = languageOf(question);
  const answerModel = model.answer[language];
  const threshold = model.threshold[language];
  const rankWeights = model.rank[language];
  const hits = candidates.map((candidate): PassageHit => {
    const figures = kb.figuresByPassage.get(candidate.passageId) ?? [];
    const fit = figureFit(figures, intent, words);
    const passage = kb.passagesById.get(candidate.passageId);
    const features: Record<RankFeature, number> = {
      ...candidate.features,
      period: periodMatch(asked, figures, titlePeriodsOf(kb, candidate.docId)) ?? candidate.features.period,
      // A question that asks why asks for no figure: which passage holds the better one does not rank it.
      figureFit: wantsReason ? 0 : fit,
      reason: wantsReason && givesReason(passage?.text ?? '') ? 1 : 0,
      stated: figures.some((figure) => stated.some((number) => reachesStated(figure, number))) ? 1 : 0,
      wholeTable: acrossRows && passage?.kind === 'table' ? 1 : 0,
    };
    for (const name of off) if (name in features) features[name as RankFeature] = 0;
    let score = 0;
    for (const name of RANK_FEATURES) score += rankWeights[name] * features[name];
    const answerFeatures = answerFeaturesOf(candidate, off.has('figureFit') ? 0 : fit, features.wholeTable);
    for (const name of off) if (name in answerFeatures) answerFeatures[name as AnswerFeature] = 0;
    let logit = answerModel.bias;
    for (const name of ANSWER_FEATURES) logit += answerModel[name] * answerFeatures[name];
    const probability = sigmoid(logit);
    return {
      passageId: candidate.passageId,
      score,
      probability,
      answers: probability >= threshold,
      coverage: candidate.features.coverage,
      matchedWords: candidate.matchedWords,
      matchedTerms: candidate.matchedTerms,
      features,
      answerFeatures,
    };
  });
  hits.sort((a, b) => b.score - a.score);
  return { hits, planned, intent, words, language };
}
