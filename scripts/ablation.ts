/**
 * `npm run ablation`: the development-set scores with and without each family of the ranking's
 * rules, in one run, so that every family keeps its place by a measured gain on data it was not
 * written for. A family is switched off by zeroing its feature (in the ranking and the answer
 * model alike) or, for synonym groups and abbreviations, by giving what they match no weight. The
 * model is not refitted without the family: the report says what the family adds to the model as
 * it ships.
 *
 * Usage: npm run ablation [-- --own]   (--own: the project's tuning set only, no ../shared)
 */
import { ask } from '../src/answer/ask.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { DEFAULT_MODEL, type RankingModel } from '../src/search/model.js';
import { hasDevSets, type QuestionSet, questionsByKnowledge } from '../test/eval/datasets.js';
import { developmentSets } from '../test/eval/dev-sets.js';
import { ownSets } from '../test/eval/own-sets.js';
import { scoreEngine } from '../test/eval/score.js';

/** The families of rules, and how each is switched off. */
const FAMILIES: { name: string; without?: string[]; model?: Partial<RankingModel> }[] = [
  { name: 'all rules (as shipped)' },
  { name: 'synonym groups (knowledge/synonyms.json)', model: { synonymWeight: 0 } },
  { name: 'abbreviations (EPS: earnings per share; coop: cooperative)', model: { abbreviationWeight: 0 } },
  { name: 'figure intent cues and figure fit', without: ['figureFit'] },
  { name: 'document names (title words that name a document)', without: ['named'] },
  { name: 'title fit (how much of a title the question says)', without: ['titleFit'] },
  { name: 'periods (years the question names)', without: ['period'] },
  { name: 'reasons (a why question, a sentence giving a cause)', without: ['reason'] },
  {
    name: 'stated numbers (a figure of the passage is the number the question states, as rounded)',
    without: ['stated'],
  },
  { name: 'whole tables (a question across rows ranks the whole table)', without: ['wholeTable'] },
  { name: 'table lead-ins (quoted with the table they introduce)', without: ['leadIn'] },
  { name: 'recency (newer report first)', without: ['recency'] },
  { name: 'proximity of the matched words', without: ['proximity'] },
  { name: 'phrase match (neighbouring question words side by side)', without: ['phrase'] },
  { name: 'document coverage (words anywhere in the passage’s document)', without: ['documentCoverage'] },
  { name: 'paragraph context (split paragraphs, titles, sections)', without: ['contextCoverage'] },
  { name: 'everyday-word specificity of missing words', without: ['absent'] },
];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const sets: QuestionSet[] =
  process.argv.includes('--own') || !hasDevSets() ? ownSets().slice(0, 1) : developmentSets();
const answerable = sets.filter((set) => set.questions.some((q) => q.answers));

console.log(
  `| family switched off | ${answerable.map((set) => `${set.name} top-1`).join(' | ')} | wrongly declined | off-topic declined |`,
);
console.log(`| --- | ${answerable.map(() => '---').join(' | ')} | --- | --- |`);
for (const family of FAMILIES) {
  const cells: string[] = [];
  let wrong = 0;
  let positives = 0;
  let declined = 0;
  let negatives = 0;
  for (const set of sets) {
    const engines = new Map<KnowledgeBase, (q: string) => ReturnType<typeof ask>>();
    const engineFor = (kb: KnowledgeBase) => {
      let engine = engines.get(kb);
      if (!engine) {
        const without = new Set(family.without ?? []);
        engine = (question: string) => {
          const model = kb.index.model;
          if (family.model) kb.index.model = { ...model, ...family.model };
          try {
            return ask(kb, question, { without });
          } finally {
            kb.index.model = model;
          }
        };
        engines.set(kb, engine);
      }
      return engine;
    };
    const byKb = await questionsByKnowledge(set);
    let top1 = 0;
    let n = 0;
    for (const [kb, questions] of byKb) {
      const engine = engineFor(kb);
      const scores = scoreEngine((question) => {
        const answer = engine(question);
        return { answered: answer.answered, passages: answer.passages, figures: answer.figures };
      }, questions);
      top1 += scores.top1 * scores.answerable;
      n += scores.answerable;
      wrong += scores.wronglyDeclined * scores.answerable;
      positives += scores.answerable;
      declined += scores.offTopicDeclined * scores.offTopic;
      negatives += scores.offTopic;
    }
    if (n > 0) cells.push(pct(top1 / n));
  }
  console.log(
    `| ${family.name} | ${cells.join(' | ')} | ${pct(wrong / Math.max(positives, 1))} | ${pct(declined / Math.max(negatives, 1))} |`,
  );
}
console.log(`\nModel: ${JSON.stringify(DEFAULT_MODEL.rank)}`);
