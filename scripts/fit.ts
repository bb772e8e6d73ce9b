/**
 * `npm run fit`: fits the ranking model's weights on the development sets and writes them to
 * `src/search/model.json`.
 *
 * 1. Every development question is asked with the current BM25 parameters and field boosts; the
 *    features of MiniSearch's best candidates are recorded, each labelled by whether it answers.
 * 2. The ranking weights are fitted per question language by a pairwise logistic ranker (each
 *    answering candidate against each other candidate of its question), scored by 5-fold
 *    cross-validation.
 * 3. The answer model (is the best candidate an answer?) is a logistic regression over the best
 *    candidate's features, fitted on answerable questions against off-topic ones; its threshold
 *    is the highest whose cross-validated wrong declines, averaged over the language's sets, stay
 *    within `WRONG_DECLINE_LIMIT` (3%), so that it declines as many off-topic questions as that
 *    allows. Where no threshold keeps within it, the threshold minimises the cost of its mistakes,
 *    each set weighing alike: the share of answerable questions declined, times
 *    `WRONG_DECLINE_COST`, plus the share of off-topic questions answered.
 *
 * Usage: npm run fit [-- --dry-run]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { figureCandidates } from '../src/answer/ask.js';
import { rankPassages } from '../src/answer/rank.js';
import type { Language } from '../src/lexicon/lexicon.js';
import { languageOf } from '../src/search/analyzer.js';
import {
  ANSWER_FEATURES,
  DEFAULT_MODEL,
  FIGURE_FEATURES,
  RANK_FEATURES,
  type RankingModel,
  RankingModelSchema,
  sigmoid,
} from '../src/search/model.js';
import { hasDevSets, ROOT } from '../test/eval/datasets.js';
import { developmentSets } from '../test/eval/dev-sets.js';
import { withWeightsTable } from './model-table.js';

/**
 * What declining an answerable question costs, against answering an off-topic one (1): a decline
 * leaves the person with nothing, an off-topic answer at least shows its source and can be judged.
 */
const WRONG_DECLINE_COST = 2;
/**
 * The share of answerable questions the threshold may decline, averaged over a language's sets:
 * at most 3% wrong declines, and within that as many off-topic questions declined as can be.
 */
const WRONG_DECLINE_LIMIT = 0.03;
/** L2 regularisation of both models. */
const L2 = 1e-3;
const FOLDS = 5;

interface Row {
  set: string;
  language: Language;
  answerable: boolean;
  /** Per candidate: ranking features, answer features, whether it answers. */
  candidates: { x: number[]; a: number[]; y: boolean }[];
}

if (!hasDevSets()) {
  console.error('npm run fit needs the development sets in ../shared/qa (tatqa-test, cmrc2018-dev).');
  process.exit(2);
}

/** One question's figures in its three best passages (under the shipped ranking), each labelled by whether it answers. */
interface FigureRow {
  set: string;
  candidates: { x: number[]; y: boolean }[];
}

const started = Date.now();
const rows: Row[] = [];
const figureRows: FigureRow[] = [];
for (const set of developmentSets()) {
  for (const q of set.questions) {
    const kb = await (q.knowledge ?? set.knowledge)();
    const { hits, words } = rankPassages(kb, q.question, { limit: DEFAULT_MODEL.pool });
    const answersFigure = q.figure;
    if (answersFigure) {
      const quoted = hits.slice(0, 3).map((hit) => ({
        figures: kb.figuresByPassage.get(hit.passageId) ?? [],
        score: hit.score,
      }));
      figureRows.push({
        set: set.name,
        candidates: figureCandidates(q.question, quoted, words).map(({ figure, features }) => ({
          x: FIGURE_FEATURES.map((name) => features[name]),
          y: answersFigure(figure),
        })),
      });
    }
    // MiniSearch's order, not the current model's: the features do not depend on the weights.
    hits.sort((a, b) => b.features.bm25 - a.features.bm25);
    rows.push({
      set: set.name,
      language: languageOf(q.question),
      answerable: q.answers !== undefined,
      candidates: hits.map((hit) => {
        const passage = kb.passagesById.get(hit.passageId);
        return {
          x: RANK_FEATURES.map((name) => hit.features[name]),
          a: ANSWER_FEATURES.map((name) => hit.answerFeatures[name]),
          y: passage !== undefined && q.answers?.(passage) === true,
        };
      }),
    });
  }
  console.error(
    `${set.name}: ${set.questions.length} questions (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

const dot = (w: readonly number[], x: readonly number[]) => x.reduce((sum, v, i) => sum + v * (w[i] ?? 0), 0);

/** Pairwise logistic ranker by full-batch gradient descent; questions weigh so that each set counts alike. */
function fitRanker(
  train: readonly { set: string; candidates: { x: number[]; y: boolean }[] }[],
  dim: number = RANK_FEATURES.length,
  prior?: { weights: readonly number[]; strength: number },
): number[] {
  const perSet = new Map<string, number>();
  for (const row of train) perSet.set(row.set, (perSet.get(row.set) ?? 0) + 1);
  const diffs: number[] = [];
  const weights: number[] = [];
  for (const row of train) {
    const pos = row.candidates.filter((c) => c.y);
    const neg = row.candidates.filter((c) => !c.y);
    if (pos.length === 0 || neg.length === 0) continue;
    const weight = 1 / ((perSet.get(row.set) ?? 1) * pos.length * neg.length);
    for (const p of pos)
      for (const n of neg) {
        for (let i = 0; i < dim; i++) diffs.push((p.x[i] ?? 0) - (n.x[i] ?? 0));
        weights.push(weight);
      }
  }
  const d = Float64Array.from(diffs);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const pw = Float64Array.from(weights, (w) => w / total);
  const w = prior ? Float64Array.from(prior.weights) : new Float64Array(dim);
  const grad = new Float64Array(dim);
  let rate = 10;
  for (let epoch = 0; epoch < 300; epoch++) {
    for (let i = 0; i < dim; i++)
      grad[i] = prior ? 2 * prior.strength * ((w[i] ?? 0) - (prior.weights[i] ?? 0)) : 2 * L2 * (w[i] ?? 0);
    for (let k = 0; k < pw.length; k++) {
      let z = 0;
      for (let i = 0; i < dim; i++) z += (w[i] ?? 0) * (d[k * dim + i] ?? 0);
      const g = -(1 - sigmoid(z)) * (pw[k] ?? 0);
      for (let i = 0; i < dim; i++) grad[i] = (grad[i] ?? 0) + g * (d[k * dim + i] ?? 0);
    }
    for (let i = 0; i < dim; i++) w[i] = (w[i] ?? 0) - rate * (grad[i] ?? 0);
    if (epoch % 100 === 99) rate /= 2;
  }
  return [...w];
}

function top<C extends { x: number[] }>(row: { candidates: C[] }, w: readonly number[]): C | undefined {
  let best = row.candidates[0];
  for (const c of row.candidates) if (best && dot(w, c.x) > dot(w, best.x)) best = c;
  return best;
}

/** Logistic regression of answerable against off-topic, over the best candidate's answer features. */
function fitAnswer(samples: { a: number[]; y: boolean; weight: number }[]): number[] {
  const w = [0, ...ANSWER_FEATURES.map(() => 0)];
  const total = samples.reduce((sum, s) => sum + s.weight, 0);
  for (let epoch = 0; epoch < 1500; epoch++) {
    const grad = w.map((v, i) => (i === 0 ? 0 : 2 * L2 * v));
    for (const { a, y, weight } of samples) {
      const x = [1, ...a];
      const g = (sigmoid(dot(w, x)) - (y ? 1 : 0)) * (weight / total);
      x.forEach((v, i) => {
        grad[i] = (grad[i] ?? 0) + g * v;
      });
    }
    w.forEach((_, i) => {
      w[i] = (w[i] ?? 0) - 4 * (grad[i] ?? 0);
    });
  }
  return w;
}

const folds = (_row: Row, i: number) => i % FOLDS;
const answerable = rows.filter((row) => row.answerable);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// Cross-validated ranking, per question language: each fold ranked by weights fitted on the other four.
const cvTop = new Map<string, { n: number; hit: number; bm25: number }>();
const cvRows = new Map<Row, number[]>();
const rankWeights: Record<string, number[]> = {};
for (const language of ['en', 'zh'] as const) {
  const own = answerable.filter((row) => row.language === language);
  for (let k = 0; k < FOLDS; k++) {
    const train = own.filter((row, i) => folds(row, i) !== k);
    const w = fitRanker(train);
    own.forEach((row, i) => {
      if (folds(row, i) !== k) return;
      cvRows.set(row, w);
      const stat = cvTop.get(row.set) ?? { n: 0, hit: 0, bm25: 0 };
      stat.n++;
      if (top(row, w)?.y) stat.hit++;
      if (row.candidates[0]?.y) stat.bm25++;
      cvTop.set(row.set, stat);
    });
  }
  rankWeights[language] = fitRanker(own);
}

/**
 * How strongly the figure weights keep to the shipped ones (see `npm run fit`'s report): figure
 * questions are few, so the fit moves a weight only as far as the data insists.
 */
const FIGURE_PRIOR_STRENGTH = 0.005;

// The figure model, cross-validated the same way, against the weights it replaces.
const figureStats = new Map<string, { n: number; hit: number; before: number }>();
const before = FIGURE_FEATURES.map((name) => DEFAULT_MODEL.figure[name]);
for (let k = 0; k < FOLDS; k++) {
  const w = fitRanker(
    figureRows.filter((_, i) => i % FOLDS !== k),
    FIGURE_FEATURES.length,
    { weights: before, strength: FIGURE_PRIOR_STRENGTH },
  );
  figureRows.forEach((row, i) => {
    if (i % FOLDS !== k) return;
    const stat = figureStats.get(row.set) ?? { n: 0, hit: 0, before: 0 };
    stat.n++;
    if (top(row, w)?.y) stat.hit++;
    if (top(row, before)?.y) stat.before++;
    figureStats.set(row.set, stat);
  });
}
// The fitted figure weights replace the shipped ones only when they find the answering figure
// more often, cross-validated, on average over the sets: a figure question is rarer than a
// passage question, and a fit that only matches the shipped weights is noise.
const meanRate = (pick: (stat: { n: number; hit: number; before: number }) => number) =>
  [...figureStats.values()].reduce((sum, stat) => sum + pick(stat) / stat.n, 0) / figureStats.size;
const figureWeights =
  meanRate((stat) => stat.hit) > meanRate((stat) => stat.before)
    ? fitRanker(figureRows, FIGURE_FEATURES.length, { weights: before, strength: FIGURE_PRIOR_STRENGTH })
    : before;

// The answer models, one per language, on the best candidate under the fitted ranking
// (cross-validated ranking for answerable rows).
const report: Record<string, string> = {};
for (const [set, stat] of cvTop)
  report[`${set}: top-1 (cross-validated) / MiniSearch order`] =
    `${pct(stat.hit / stat.n)} / ${pct(stat.bm25 / stat.n)}`;
for (const [set, stat] of figureStats)
  report[`${set}: first figure among the 3 best passages' (cross-validated) / previous weights`] =
    `${pct(stat.hit / stat.n)} / ${pct(stat.before / stat.n)}`;
const answerModels: Record<string, number[]> = {};
const thresholds: Record<string, number> = {};
for (const language of ['en', 'zh'] as const) {
  const own = rows.filter((row) => row.language === language);
  const perSetCount = new Map<string, number>();
  for (const row of own) perSetCount.set(row.set, (perSetCount.get(row.set) ?? 0) + 1);
  const samples = own.map((row) => ({
    row,
    a: top(row, cvRows.get(row) ?? rankWeights[language] ?? [])?.a ?? ANSWER_FEATURES.map(() => 0),
    y: row.answerable,
    weight: 1 / (perSetCount.get(row.set) ?? 1),
  }));
  const cvProbability = new Map<(typeof samples)[number], number>();
  for (let k = 0; k < FOLDS; k++) {
    const w = fitAnswer(samples.filter((_, i) => i % FOLDS !== k));
    samples.forEach((s, i) => {
      if (i % FOLDS === k) cvProbability.set(s, sigmoid(dot(w, [1, ...s.a])));
    });
  }
  answerModels[language] = fitAnswer(samples);
  // Every set weighs alike whatever its size.
  const bySet = new Map<string, { p: number; y: boolean }[]>();
  for (const sample of samples)
    bySet.set(sample.row.set, [
      ...(bySet.get(sample.row.set) ?? []),
      { p: cvProbability.get(sample) ?? 0, y: sample.y },
    ]);
  const cost = (t: number) => {
    let sum = 0;
    for (const set of bySet.values()) {
      const positives = set.filter((s) => s.y);
      const negatives = set.filter((s) => !s.y);
      if (positives.length > 0)
        sum += (WRONG_DECLINE_COST * positives.filter((s) => s.p < t).length) / positives.length;
      if (negatives.length > 0) sum += negatives.filter((s) => s.p >= t).length / negatives.length;
    }
    return sum;
  };
  // The threshold: the highest (declining the most off-topic questions) whose wrong declines,
  // averaged over this language's sets of answerable questions, stay within the limit; when none
  // does, the one whose mistakes cost least.
  const wrongDeclines = (t: number) => {
    const rates = [...bySet.values()]
      .map((set) => set.filter((s) => s.y))
      .filter((positives) => positives.length > 0)
      .map((positives) => positives.filter((s) => s.p < t).length / positives.length);
    return rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  };
  let threshold: number | undefined;
  for (let t = 0.01; t < 1; t += 0.01) if (wrongDeclines(t) <= WRONG_DECLINE_LIMIT) threshold = t;
  if (threshold === undefined) {
    threshold = 0.5;
    for (let t = 0.01; t < 1; t += 0.01) if (cost(t) < cost(threshold)) threshold = t;
  }
  thresholds[language] = threshold;
  // The cost at the chosen threshold: comparable between two models fitted on the same sets.
  report[`${language}: cost of declines (cross-validated, per set, wrong decline ×${WRONG_DECLINE_COST})`] =
    cost(threshold).toFixed(3);
  const declined = new Map<string, { n: number; declined: number }>();
  for (const s of samples) {
    const stat = declined.get(s.row.set) ?? { n: 0, declined: 0 };
    stat.n++;
    if ((cvProbability.get(s) ?? 0) < threshold) stat.declined++;
    declined.set(s.row.set, stat);
  }
  for (const [set, stat] of declined)
    report[`${set}: declined (cross-validated)`] = pct(stat.declined / stat.n);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const model: RankingModel = RankingModelSchema.parse({
  ...DEFAULT_MODEL,
  rank: Object.fromEntries(
    Object.entries(rankWeights).map(([language, w]) => [
      language,
      Object.fromEntries(RANK_FEATURES.map((name, i) => [name, round(w[i] ?? 0)])),
    ]),
  ),
  answer: Object.fromEntries(
    Object.entries(answerModels).map(([language, w]) => [
      language,
      {
        bias: round(w[0] ?? 0),
        ...Object.fromEntries(ANSWER_FEATURES.map((name, i) => [name, round(w[i + 1] ?? 0)])),
      },
    ]),
  ),
  figure: Object.fromEntries(FIGURE_FEATURES.map((name, i) => [name, round(figureWeights[i] ?? 0)])),
  threshold: Object.fromEntries(Object.entries(thresholds).map(([language, t]) => [language, round(t)])),
  fitted: {
    by: 'npm run fit',
    data: [...new Set(rows.map((row) => row.set))],
    questions: rows.length,
    folds: FOLDS,
    wrongDeclineLimit: WRONG_DECLINE_LIMIT,
    wrongDeclineCost: WRONG_DECLINE_COST,
    report,
  },
});
console.log(JSON.stringify(model, null, 2));
if (!process.argv.includes('--dry-run')) {
  writeFileSync(path.join(ROOT, 'src/search/model.json'), `${JSON.stringify(model, null, 2)}\n`);
  const readme = path.join(ROOT, 'README.md');
  writeFileSync(readme, withWeightsTable(readFileSync(readme, 'utf8'), model));
  console.error('wrote src/search/model.json and the weights table of README.md');
}
