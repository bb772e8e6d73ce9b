import { existsSync } from 'node:fs';
import path from 'node:path';
import { type EvalReport, evaluate, openEvalCorpus, QUESTION_SETS } from './evaluate.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

/** Prints one set's accuracy beside plain MiniSearch's, per kind, and the misses. */
function printReport(report: EvalReport): void {
  console.log(`Evaluation: ${report.questions} questions\n`);
  console.log(`${'metric'.padEnd(10)} ${'factdesk'.padStart(9)} ${'plain MiniSearch'.padStart(17)}`);
  for (const key of ['top1', 'top3', 'figure', 'offTopic'] as const) {
    console.log(
      `${key.padEnd(10)} ${pct(report.factdesk[key]).padStart(9)} ${pct(report.baseline[key]).padStart(17)}`,
    );
  }
  console.log('\nTop-1 (or correct refusal) by kind:');
  for (const [kind, { n, top1 }] of Object.entries(report.byKind)) {
    console.log(`  ${kind.padEnd(15)} ${String(n).padStart(3)}  ${pct(top1)}`);
  }
  if (report.failures.length === 0) return;
  console.log(`\nMisses (${report.failures.length}):`);
  for (const f of report.failures) {
    const figure = f.figure === undefined ? '' : ` figure=${f.figure}`;
    console.log(`  [${f.kind}] ${f.id}: "${f.question}" top1=${f.top1} top3=${f.top3}${figure} got ${f.got}`);
  }
}

/**
 * `npm run eval`: the tuning set, and the held-out set written apart from the engine (a check that
 * what was tuned on one set holds on questions nobody tuned for).
 */
const kb = await openEvalCorpus();
const summary: Record<string, Pick<EvalReport, 'factdesk' | 'baseline'>> = {};
for (const [name, file] of Object.entries(QUESTION_SETS)) {
  if (!existsSync(path.join(import.meta.dirname, file))) continue;
  console.log(`\n=== ${name} set (${file})`);
  const report = await evaluate(kb, file);
  printReport(report);
  summary[name] = { factdesk: report.factdesk, baseline: report.baseline };
}
console.log(`\n${JSON.stringify(summary)}`);
