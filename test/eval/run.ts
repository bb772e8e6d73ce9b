import { evaluate } from './evaluate.js';

/** `npm run eval`: prints factdesk's accuracy beside plain MiniSearch's, per kind, and the misses. */
const report = await evaluate();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const rows = [
  ['metric', 'factdesk', 'plain MiniSearch'],
  ...(['top1', 'top3', 'figure', 'offTopic'] as const).map((key) => [
    key,
    pct(report.factdesk[key]),
    pct(report.baseline[key]),
  ]),
];
console.log(`Evaluation: ${report.questions} questions\n`);
for (const row of rows)
  console.log(`${(row[0] ?? '').padEnd(10)} ${(row[1] ?? '').padStart(9)} ${(row[2] ?? '').padStart(17)}`);
console.log('\nTop-1 (or correct refusal) by kind:');
for (const [kind, { n, top1 }] of Object.entries(report.byKind))
  console.log(`  ${kind.padEnd(15)} ${String(n).padStart(3)}  ${pct(top1)}`);
if (report.failures.length > 0) {
  console.log(`\nMisses (${report.failures.length}):`);
  for (const f of report.failures) {
    console.log(
      `  [${f.kind}] ${f.id}: "${f.question}" top1=${f.top1} top3=${f.top3}${f.figure === undefined ? '' : ` figure=${f.figure}`} got ${f.got}`,
    );
  }
}
console.log(`\n${JSON.stringify({ factdesk: report.factdesk, baseline: report.baseline })}`);
