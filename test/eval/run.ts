/**
 * `npm run eval [-- --dev-sets] [--misses]`: answer quality of factdesk beside the fair baseline
 * (MiniSearch over title and text with stop words and stemming) and lunr, on the same passages,
 * in one run. The project's own sets always; with `--dev-sets`, the external development sets
 * of `../shared/qa` and the off-topic questions made from them. Then the trade-off of the "not
 * found" decision: wrong declines against off-topic declines, threshold by threshold.
 */
import { rankPassages } from '../../src/answer/rank.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { hasDevSets, type QuestionSet, questionsByKnowledge } from './datasets.js';
import { developmentSets } from './dev-sets.js';
import { type Engine, factdeskEngine, lunrEngine, miniSearchEngine } from './engines.js';
import { ownSets } from './own-sets.js';
import { mergeScores, type SetScores, scoreEngine } from './score.js';

const args = process.argv.slice(2);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
// `--skip NAME` leaves a set out (the blind set is scored once, when reporting).
const skipped = args.flatMap((arg, i) => (args[i - 1] === '--skip' ? [arg] : []));
const sets: QuestionSet[] = ownSets().filter((set) => !skipped.includes(set.name));
if (args.includes('--dev-sets')) {
  if (hasDevSets())
    sets.push(...developmentSets().filter((set) => !sets.some((own) => own.name === set.name)));
  else
    console.error(
      '--dev-sets: ../shared/qa is not beside the project; only the project’s own sets are scored.',
    );
}

const cell = (s: SetScores) =>
  [
    s.answerable > 0 ? `${pct(s.top1)} / ${pct(s.top3)} / ${pct(s.figure)} / ${pct(s.wronglyDeclined)}` : '',
    s.offTopic > 0 ? `declined ${pct(s.offTopicDeclined)} of ${s.offTopic}` : '',
  ]
    .filter(Boolean)
    .join('; ');

console.log('top-1 / top-3 / first figure / wrongly declined; off-topic questions declined\n');
console.log(
  `| set | questions | factdesk | MiniSearch (stop words, stemming) | lunr |\n| --- | --- | --- | --- | --- |`,
);
const probabilities: { p: number; answerable: boolean; set: string }[] = [];
const summary: Record<string, Record<string, SetScores>> = {};
for (const set of sets) {
  // Questions asked of their own folder (one document per folder) are scored folder by folder.
  const byKb = await questionsByKnowledge(set);
  const score = (engineOf: (kb: KnowledgeBase) => Engine) =>
    mergeScores([...byKb].map(([kb, questions]) => scoreEngine(engineOf(kb), questions)));
  const ours = score(factdeskEngine);
  const plain = score(miniSearchEngine);
  const lunr = score(lunrEngine);
  summary[set.name] = { factdesk: ours, miniSearch: plain, lunr };
  console.log(`| ${set.name} | ${set.questions.length} | ${cell(ours)} | ${cell(plain)} | ${cell(lunr)} |`);
  for (const [kb, questions] of byKb)
    for (const q of questions)
      probabilities.push({
        p: rankPassages(kb, q.question).hits[0]?.probability ?? 0,
        answerable: q.answers !== undefined,
        set: set.name,
      });
  if (args.includes('--misses') && ours.misses.length > 0) console.log(`  misses: ${ours.misses.join(', ')}`);
  if (Object.keys(ours.byKind).length > 1)
    console.log(
      `  by kind: ${Object.entries(ours.byKind)
        .map(
          ([kind, { n, top1 }]) =>
            `${kind} ${pct(top1)} (${n}; MiniSearch ${pct(plain.byKind[kind]?.top1 ?? 0)})`,
        )
        .join(', ')}`,
    );
}

// The "not found" trade-off over every set scored: each threshold's wrong declines (answerable
// questions declined) against its off-topic declines.
const positives = probabilities.filter((x) => x.answerable);
const negatives = probabilities.filter((x) => !x.answerable);
if (positives.length > 0 && negatives.length > 0) {
  console.log('\n"Not found" trade-off (all sets above): threshold → wrongly declined, off-topic declined');
  for (const threshold of [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const wrong = positives.filter((x) => x.p < threshold).length / positives.length;
    const right = negatives.filter((x) => x.p < threshold).length / negatives.length;
    console.log(
      `  ${threshold.toFixed(2)}  ${pct(wrong).padStart(6)}  ${pct(right).padStart(6)}  ${'#'.repeat(Math.round(right * 40))}`,
    );
  }
}
if (args.includes('--json')) console.log(JSON.stringify(summary));
