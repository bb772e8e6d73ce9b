/**
 * One fictional report, the Port of Velden's 2023 results, written in every format factdesk reads,
 * each generated here with the format's own library (no binary fixture): the same title, date,
 * paragraphs and revenue table, so each must answer the same questions with the same figures.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const REPORT = {
  title: 'Port of Velden Annual Report 2023',
  published: '2024-03-05',
  url: 'https://velden.example.org/annual-report-2023',
  intro:
    'VELDEN, March 5, 2024 — The Port of Velden handled 4.2 million containers in 2023, its busiest year, and opened a second rail terminal.',
  outlook:
    'The board expects container traffic to grow by 6 percent in 2024 as the deep-water berth opens to larger vessels.',
  section: 'Revenue by region',
  unit: '$ million',
  columns: ['2023', '2022'],
  rows: [
    ['Americas', '196.9', '184.6'],
    ['Asia Pacific', '7.4', '4.4'],
    ['Europe', '11.5', '5.1'],
  ],
} as const;

/** The report as Markdown with front matter and a pipe table. */
export function reportMarkdown(): string {
  const r = REPORT;
  return [
    '---',
    `title: ${r.title}`,
    `published: ${r.published}`,
    `url: ${r.url}`,
    '---',
    '',
    r.intro,
    '',
    r.outlook,
    '',
    `## ${r.section}`,
    '',
    `| Region | ${r.columns.join(' | ')} |`,
    `| --- | ${r.columns.map(() => '---').join(' | ')} |`,
    `|  | ${r.columns.map(() => r.unit).join(' | ')} |`,
    ...r.rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

/** The report as a web page, with navigation, a cookie banner and a footer around the article. */
export function reportHtml(): string {
  const r = REPORT;
  const cells = (tag: string, values: readonly string[]) =>
    values.map((v) => `<${tag}>${v}</${tag}>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${r.title} | Velden Port Authority</title>
<meta property="og:title" content="${r.title}">
<meta property="article:published_time" content="${r.published}T09:00:00Z">
<link rel="canonical" href="${r.url}">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact us for 24 hour service</a></nav>
<div class="cookie-banner" role="dialog">We use 3 cookies. Accept all?</div>
<article>
<h1>${r.title}</h1>
<p>${r.intro}</p>
<p>${r.outlook}</p>
<h2>${r.section}</h2>
<table>
<thead><tr>${cells('th', ['Region', ...r.columns])}</tr><tr>${cells('th', ['', ...r.columns.map(() => r.unit)])}</tr></thead>
<tbody>${r.rows.map((row) => `<tr>${cells('td', row)}</tr>`).join('')}</tbody>
</table>
</article>
<footer>© 2024 Velden Port Authority. 12 Quay Street.</footer>
</body></html>`;
}

/** The report's table as CSV (the unit in the column headers). */
export function reportCsv(): string {
  const r = REPORT;
  return [['Region', ...r.columns.map((c) => `${c} (${r.unit})`)], ...r.rows]
    .map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(','))
    .join('\r\n');
}

/** The report as a Word file: core properties, heading styles and a table. */
export async function reportDocx(): Promise<Buffer> {
  const r = REPORT;
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    title: r.title,
    creator: 'Velden Port Authority',
    sections: [
      {
        children: [
          new Paragraph({ text: r.title, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(r.intro)] }),
          new Paragraph({ children: [new TextRun(r.outlook)] }),
          new Paragraph({ text: r.section, heading: HeadingLevel.HEADING_2, alignment: AlignmentType.LEFT }),
          new Table({
            rows: [
              new TableRow({ children: ['Region', ...r.columns].map(cell), tableHeader: true }),
              new TableRow({ children: ['', ...r.columns.map(() => r.unit)].map(cell) }),
              ...r.rows.map((row) => new TableRow({ children: row.map(cell) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The report as a two-page PDF: a running header and a page-number footer on each page, the intro
 * broken over lines with a hyphenated word, and the table on page 2 in columns.
 */
export async function reportPdf(options: { pages?: number } = {}): Promise<Uint8Array> {
  const r = REPORT;
  const pdf = await PDFDocument.create();
  pdf.setTitle(r.title);
  pdf.setCreationDate(new Date(`${r.published}T09:00:00Z`));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const total = Math.max(2, options.pages ?? 2);
  const pages = Array.from({ length: total }, () => pdf.addPage([595, 842]));
  pages.forEach((page, i) => {
    page.drawText('Velden Port Authority — Annual Report', { x: 50, y: 800, size: 9, font });
    page.drawText(`Page ${i + 1}`, { x: 280, y: 40, size: 9, font });
  });
  const [first, second] = pages as [ReturnType<typeof pdf.addPage>, ReturnType<typeof pdf.addPage>];
  first.drawText(r.title, { x: 50, y: 740, size: 20, font });
  const introLines = [
    'VELDEN, March 5, 2024 — The Port of Velden handled 4.2 million con-',
    'tainers in 2023, its busiest year, and opened a second rail terminal.',
  ];
  introLines.forEach((line, i) => {
    first.drawText(line, { x: 50, y: 700 - i * 14, size: 11, font });
  });
  const outlookLines = [
    'The board expects container traffic to grow by 6 percent in 2024 as the',
    'deep-water berth opens to larger vessels.',
  ];
  outlookLines.forEach((line, i) => {
    first.drawText(line, { x: 50, y: 650 - i * 14, size: 11, font });
  });
  second.drawText(r.section, { x: 50, y: 740, size: 15, font });
  second.drawText(`Revenue by region, in ${r.unit}:`, { x: 50, y: 712, size: 11, font });
  const right = (text: string, x: number, y: number) => {
    second.drawText(text, { x: x - font.widthOfTextAtSize(text, 11), y, size: 11, font });
  };
  second.drawText('Region', { x: 50, y: 690, size: 11, font });
  r.columns.forEach((c, i) => {
    right(c, 320 + i * 100, 690);
  });
  r.rows.forEach((row, j) => {
    const y = 672 - j * 16;
    second.drawText(row[0], { x: 50, y, size: 11, font });
    row.slice(1).forEach((value, i) => {
      right(value, 320 + i * 100, y);
    });
  });
  for (const [n, page] of pages.entries()) {
    if (n < 2) continue;
    for (let line = 0; line < 40; line++) {
      page.drawText(
        `Page ${n + 1} line ${line + 1}: berth works continued on schedule with 12 cranes in use.`,
        {
          x: 50,
          y: 760 - line * 16,
          size: 11,
          font,
        },
      );
    }
  }
  return pdf.save();
}
