import type { InsightsSummary } from './types.js';

const DAY_MS = 86_400_000;

/** The share answered, as a whole percentage (0 when nothing was asked). */
export function answeredShare(summary: InsightsSummary): number {
  return summary.asked === 0 ? 0 : Math.round((summary.answered / summary.asked) * 100);
}

/** "the last 7 days", from the summary's start and the time of the report. */
export function periodText(summary: InsightsSummary, now: number = Date.now()): string {
  const days = Math.max(1, Math.round((now - summary.since) / DAY_MS));
  return days === 1 ? 'the last day' : `the last ${days} days`;
}

/** The summary as plain text for a terminal (`npm run insights`). Never who asked. */
export function summaryText(summary: InsightsSummary, now: number = Date.now()): string {
  const lines = [
    `Insights for ${periodText(summary, now)} (since ${new Date(summary.since).toISOString().slice(0, 10)})`,
    `Questions asked: ${summary.asked}, answered: ${summary.answered} (${answeredShare(summary)}%)`,
    '',
    'Top unanswered questions:',
    ...(summary.unanswered.length
      ? summary.unanswered.map((u) => `  ${u.count}× “${u.question}”`)
      : ['  none']),
    '',
    'Most asked topics:',
    ...(summary.topics.length ? summary.topics.map((t) => `  ${t.count}× ${t.label}`) : ['  none']),
    '',
    'Answers with the most 👎:',
  ];
  if (summary.disliked.length === 0) lines.push('  none');
  for (const d of summary.disliked) {
    lines.push(`  ${d.down}× 👎, ${d.up}× 👍: “${d.question}”`);
    if (d.passageId) lines.push(`    answered with ${d.passageId}: “${d.passageQuote ?? ''}”`);
    for (const comment of d.comments) lines.push(`    what was wrong: “${comment}”`);
  }
  return lines.join('\n');
}

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The summary as CSV: one row per entry, a `section` column saying which list it belongs to. */
export function summaryCsv(summary: InsightsSummary): string {
  const header = ['section', 'text', 'count', 'down', 'up', 'passage_id', 'passage_quote', 'comments'];
  const rows: (string | number | undefined)[][] = [
    ['asked', '', summary.asked],
    ['answered', '', summary.answered],
    ...summary.unanswered.map((u) => ['unanswered', u.question, u.count]),
    ...summary.topics.map((t) => ['topic', t.label, t.count]),
    ...summary.disliked.map((d) => [
      'disliked',
      d.question,
      d.down + d.up,
      d.down,
      d.up,
      d.passageId,
      d.passageQuote,
      d.comments.join(' | '),
    ]),
  ];
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n');
}
