/**
 * `npm run bench:formats` (also run by `npm run bench`): how long loading one large document takes
 * in each format factdesk reads. The document is the test suite's fictional port report grown to
 * 100 pages (`test/formats/report.ts`): a 100-page PDF, and the same text and table as Markdown,
 * HTML, Word and CSV (the CSV holds the table rows only). Each format is read from bytes in memory
 * (`loadDocumentFile`, then `documentContent` for passages and figures), best and median of 5 runs.
 *
 * Options: --runs N (default 5), --pages N (default 100).
 */
import { parseArgs } from 'node:util';
import { documentContent } from '../src/document/content.js';
import { loadDocumentFile } from '../src/knowledge/load.js';
import { REPORT, reportHtml, reportMarkdown, reportPdf } from '../test/formats/report.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, pages: { type: 'string', default: '100' } },
});
const runs = Math.max(1, Number(values.runs));
const pages = Math.max(2, Number(values.pages));

/** The lines the PDF's filler pages carry, as paragraphs for the other formats. */
const filler = Array.from({ length: pages - 2 }, (_, p) =>
  Array.from(
    { length: 40 },
    (_, line) => `Page ${p + 3} line ${line + 1}: berth works continued on schedule with 12 cranes in use.`,
  ).join(' '),
);

async function inputs(): Promise<Array<[string, Uint8Array]>> {
  const markdown = `${reportMarkdown()}\n${filler.join('\n\n')}\n`;
  const html = reportHtml().replace('</article>', `${filler.map((p) => `<p>${p}</p>`).join('\n')}</article>`);
  const rows = Array.from(
    { length: pages * 40 },
    (_, i) => `Berth ${i + 1},${(i % 97) + 0.5},${(i % 89) + 0.25}`,
  );
  const csv = [`Region,${REPORT.columns.map((c) => `${c} (${REPORT.unit})`).join(',')}`, ...rows].join('\n');
  const { Document, Packer, Paragraph } = await import('docx');
  // The report's own Word file, grown with the filler pages as paragraphs.
  const docx = await Packer.toBuffer(
    new Document({
      title: REPORT.title,
      sections: [{ children: [REPORT.intro, REPORT.outlook, ...filler].map((text) => new Paragraph(text)) }],
    }),
  );
  return [
    [`report.pdf (${pages} pages)`, await reportPdf({ pages })],
    ['report.md', Buffer.from(markdown)],
    ['report.html', Buffer.from(html)],
    ['report.docx', docx],
    [`report.csv (${rows.length} rows)`, Buffer.from(csv)],
  ];
}

const rows: Array<Record<string, string | number>> = [];
for (const [label, bytes] of await inputs()) {
  const file = label.split(' ')[0] ?? label;
  const times: number[] = [];
  let passages = 0;
  let figures = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { document, problems } = await loadDocumentFile(file, bytes);
    if (!document) throw new Error(`${file} did not load: ${JSON.stringify(problems)}`);
    const content = documentContent(document);
    times.push(performance.now() - started);
    passages = content.passages.length;
    figures = content.figures.length;
  }
  times.sort((a, b) => a - b);
  rows.push({
    format: label,
    size: `${(bytes.byteLength / 1024).toFixed(0)} KiB`,
    passages,
    figures,
    'best ms': Math.round(times[0] ?? 0),
    'median ms': Math.round(times[Math.floor(times.length / 2)] ?? 0),
  });
}
console.log(`Load time per format, one ${pages}-page document (${runs} runs each):`);
console.table(rows);
console.log(JSON.stringify({ bench: 'formats', pages, runs, results: rows }));
