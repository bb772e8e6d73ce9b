import { z } from 'zod';
import fitted from './model.json' with { type: 'json' };

/** The features a passage is ranked by, all computed per question (see `docs/RANKING.md`). */
export const RANK_FEATURES = [
  'bm25',
  'coverage',
  'contextCoverage',
  'documentCoverage',
  'proximity',
  'phrase',
  'named',
  'titleFit',
  'period',
  'recency',
  'figureFit',
  'reason',
  'stated',
  'wholeTable',
] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];

/** The features of the best passage that decide whether the question is answered at all. */
export const ANSWER_FEATURES = [
  'coverage',
  'contextCoverage',
  'documentCoverage',
  'absent',
  'named',
  'proximity',
  'phrase',
  'figureFit',
  'titleFit',
  'wholeTable',
] as const;
export type AnswerFeature = (typeof ANSWER_FEATURES)[number];

/** What a figure of a quoted passage is scored by, to pick the one that answers (see `src/answer/ask.ts`). */
export const FIGURE_FEATURES = [
  'passage',
  'kind',
  'description',
  'stated',
  'role',
  'period',
  'position',
] as const;
export type FigureFeature = (typeof FIGURE_FEATURES)[number];

const weights = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number()])) as Record<K, z.ZodNumber>);

const answerWeights = weights(ANSWER_FEATURES).extend({ bias: z.number() });

/** The ranking parameters: MiniSearch's BM25 and field boosts, and the weights fitted by `npm run fit`. */
export const RankingModelSchema = z.object({
  /** MiniSearch's BM25+ parameters: term saturation `k`, length normalisation `b`, and `d`. */
  bm25: z.object({ k: z.number().positive(), b: z.number().min(0).max(1), d: z.number().min(0) }),
  /** Field boosts of the passage index. */
  boost: z.object({ text: z.number().positive(), title: z.number().positive() }),
  /** Weight of a term that a synonym group brings into the query, relative to the question's own. */
  synonymWeight: z.number().min(0).max(1),
  /**
   * Credit of a question word the documents lack that a passage spells out: the initials of a
   * phrase (`EPS`, earnings per share) or a word it shortens (`coop`, cooperative), relative to the
   * word itself. 0 switches abbreviations off.
   */
  abbreviationWeight: z.number().min(0).max(1),
  /**
   * BM25 weight of a Chinese character pair across a cut of the segmenter (see `chineseUnits`),
   * relative to a word's own: the pair helps a word cut differently meet itself, and should not
   * make a name, whose characters pair up more often, outweigh the rest of the question.
   */
  pairWeight: z.number().min(0).max(1),
  /** How many of MiniSearch's best results are re-ranked. */
  pool: z.number().int().positive(),
  /**
   * Linear weights of the re-ranking model, one per {@link RANK_FEATURES}, per question language:
   * a Chinese word is found by a segmenter and a name splits into pieces, so the features weigh
   * differently than in English.
   */
  rank: z.object({ en: weights(RANK_FEATURES), zh: weights(RANK_FEATURES) }),
  /**
   * Logistic model of "the best passage answers the question", one per question language (the
   * scripts differ in how words are found and how often they repeat): a bias and a weight per
   * {@link ANSWER_FEATURES}.
   */
  answer: z.object({ en: answerWeights, zh: answerWeights }),
  /** Linear weights of the figure model, one per {@link FIGURE_FEATURES}. */
  figure: weights(FIGURE_FEATURES),
  /** The least probability, per language, for a question to be answered. */
  threshold: z.object({ en: z.number().min(0).max(1), zh: z.number().min(0).max(1) }),
  /** How the weights were obtained (the data and the cross-validated scores), for the README. */
  fitted: z.record(z.string(), z.unknown()).optional(),
});
export type RankingModel = z.infer<typeof RankingModelSchema>;

/** The model shipped with factdesk (`src/search/model.json`), validated once. */
export const DEFAULT_MODEL: RankingModel = RankingModelSchema.parse(fitted);

/** The logistic function. */
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
