import { ANSWER_FEATURES, RANK_FEATURES, type RankingModel } from '../src/search/model.js';

/** The markers of the README block that shows the fitted weights. */
export const WEIGHTS_BLOCK = {
  start: '<!-- fitted weights: npm run fit -->',
  end: '<!-- end of fitted weights -->',
};

const number = (x: number) => String(Math.round(x * 1000) / 1000);

/**
 * The fitted weights of a model as the README shows them: the ranking weights and the answer
 * model per question language, with the thresholds. `npm run fit` writes it between
 * {@link WEIGHTS_BLOCK}'s markers, and a test keeps the README in step with `model.json`.
 */
export function weightsTable(model: RankingModel): string {
  const rows = [
    '| ranking feature | en | zh |',
    '| --- | --- | --- |',
    ...RANK_FEATURES.map(
      (name) => `| \`${name}\` | ${number(model.rank.en[name])} | ${number(model.rank.zh[name])} |`,
    ),
    '',
    '| answer-model feature | en | zh |',
    '| --- | --- | --- |',
    ...[...ANSWER_FEATURES, 'bias' as const].map(
      (name) => `| \`${name}\` | ${number(model.answer.en[name])} | ${number(model.answer.zh[name])} |`,
    ),
    `| threshold | ${number(model.threshold.en)} | ${number(model.threshold.zh)} |`,
  ];
  return rows.join('\n');
}

/** `readme` with its weights block replaced by the table of `model`. */
export function withWeightsTable(readme: string, model: RankingModel): string {
  const start = readme.indexOf(WEIGHTS_BLOCK.start);
  const end = readme.indexOf(WEIGHTS_BLOCK.end);
  if (start < 0 || end < start)
    throw new Error(`README.md has no block between "${WEIGHTS_BLOCK.start}" and "${WEIGHTS_BLOCK.end}"`);
  return `${readme.slice(0, start + WEIGHTS_BLOCK.start.length)}\n${weightsTable(model)}\n${readme.slice(end)}`;
}
