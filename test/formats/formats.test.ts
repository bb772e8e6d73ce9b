import { describe, expect, it } from 'vitest';
import { documentContent } from '../../src/document/content.js';
import { loadDocumentFile } from '../../src/knowledge/load.js';
import { REPORT, reportCsv, reportDocx, reportHtml, reportMarkdown, reportPdf } from './report.js';

async function load(file: string, bytes: Uint8Array, sidecar: Record<string, unknown> = {}) {
  const { document, problems } = await loadDocumentFile(file, bytes, sidecar);
  expect(problems).toEqual([]);
  if (!document) throw new Error(`${file} did not load`);
  return { document, ...documentContent(document) };
}

const formats: Array<[string, () => Promise<Uint8Array>]> = [
  ['report.md', async () => Buffer.from(reportMarkdown())],
  ['report.html', async () => Buffer.from(reportHtml())],
  ['report.docx', reportDocx],
  ['report.pdf', () => reportPdf()],
  ['report.csv', async () => Buffer.from(reportCsv())],
];

describe.each(formats)('the report as %s', (file, make) => {
  it('makes one passage per table row, reading "label — column: value; …"', async () => {
    const { passages } = await load(file, await make());
    const rows = passages.filter((p) => p.kind === 'table-row');
    expect(rows.map((p) => p.text)).toEqual([
      'Americas — 2023: 196.9; 2022: 184.6 ($ million)',
      'Asia Pacific — 2023: 7.4; 2022: 4.4 ($ million)',
      'Europe — 2023: 11.5; 2022: 5.1 ($ million)',
    ]);
  });

  it('makes each cell a figure labelled by row and column, in dollars from the $ million header', async () => {
    const { figures, passages } = await load(file, await make());
    const americas = passages.find((p) => p.text.startsWith('Americas'));
    const cells = figures.filter((f) => f.passageId === americas?.id);
    expect(cells.map(({ label, kind, text, value, unit }) => ({ label, kind, text, value, unit }))).toEqual([
      { label: 'Americas, 2023', kind: 'amount', text: '196.9', value: 196_900_000, unit: 'USD' },
      { label: 'Americas, 2022', kind: 'amount', text: '184.6', value: 184_600_000, unit: 'USD' },
    ]);
    for (const cell of cells) expect(cell.sentence).toBe(americas?.text);
  });

  if (file !== 'report.csv') {
    it('keeps the running text as paragraphs and the table under its section heading', async () => {
      const { document, passages } = await load(file, await make());
      expect(document.title).toBe(REPORT.title);
      expect(passages.map((p) => p.text)).toContain(REPORT.intro);
      expect(passages.map((p) => p.text)).toContain(REPORT.outlook);
      for (const row of passages.filter((p) => p.kind === 'table-row'))
        expect(row.section).toBe(REPORT.section);
    });
  }
});

describe('metadata of each format', () => {
  it('takes the HTML title, date and canonical URL from the head, and leaves navigation and banners out', async () => {
    const { document, passages } = await load('page.html', Buffer.from(reportHtml()));
    expect(document).toMatchObject({ title: REPORT.title, published: REPORT.published, url: REPORT.url });
    const text = passages.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/Contact us|cookies|Quay Street/);
  });

  it('takes the PDF title and date from its document information, and a page for each passage', async () => {
    const { document, passages } = await load('report.pdf', await reportPdf());
    expect(document).toMatchObject({ title: REPORT.title, published: REPORT.published });
    expect(passages.find((p) => p.text === REPORT.intro)?.page).toBe(1);
    expect(passages.find((p) => p.text.startsWith('Americas'))?.page).toBe(2);
  });

  it('drops the PDF running header and page numbers, and joins a word hyphenated across lines', async () => {
    const { passages } = await load('report.pdf', await reportPdf());
    const text = passages.map((p) => p.text).join('\n');
    expect(text).not.toContain('Velden Port Authority — Annual Report');
    expect(text).not.toMatch(/Page \d/);
    expect(text).toContain('4.2 million containers');
  });

  it('takes the Word title from the core properties', async () => {
    const { document } = await load('report.docx', await reportDocx());
    expect(document.title).toBe(REPORT.title);
  });

  it('lets a sidecar override what the file says, for a file that cannot carry front matter', async () => {
    const { document } = await load('report.docx', await reportDocx(), {
      title: 'Velden results',
      published: '2024-03-05',
      url: 'https://velden.example.org/r',
      tags: 'ports',
    });
    expect(document).toMatchObject({
      title: 'Velden results',
      published: '2024-03-05',
      url: 'https://velden.example.org/r',
      tags: ['ports'],
    });
  });

  it('names a CSV after its file when nothing else does', async () => {
    const { document } = await load('velden-revenue_2023.csv', Buffer.from(reportCsv()));
    expect(document.title).toBe('Velden revenue 2023');
  });
});

describe('tables in Markdown', () => {
  it('reads a TAT-QA style table: unit row under the header, a group row, an unlabelled total', async () => {
    const body = [
      '---',
      'title: Segments',
      '---',
      '',
      '|  | 2019 | 2018 |',
      '| --- | --- | --- |',
      '|  | $ million | $ million |',
      '| Non-current assets |  |  |',
      '| Americas | 196.9 | 184.6 |',
      '| Asia Pacific | 7.4 | (4.4) |',
      '|  | 204.3 | 180.2 |',
    ].join('\n');
    const { passages, figures } = await load('segments.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Non-current assets, Americas — 2019: 196.9; 2018: 184.6 ($ million)',
      'Non-current assets, Asia Pacific — 2019: 7.4; 2018: (4.4) ($ million)',
      'Non-current assets, Total — 2019: 204.3; 2018: 180.2 ($ million)',
    ]);
    expect(figures.find((f) => f.label === 'Asia Pacific, 2018')?.value).toBe(-4_400_000);
    expect(figures.find((f) => f.label === 'Total, 2019')?.value).toBe(204_300_000);
  });

  it('reads percent cells as percents and takes the unit of the sentence introducing the table', async () => {
    const body = [
      '---',
      'title: Expenses',
      '---',
      '',
      'Expenses are summarized in the following table (in millions, except percentages):',
      '',
      '| | 2019 | Change |',
      '| --- | --- | --- |',
      '| Research | $6,577 | 4% |',
    ].join('\n');
    const { figures } = await load('expenses.md', Buffer.from(body));
    const research = figures.filter((f) => f.label.startsWith('Research'));
    expect(research.map(({ label, kind, value, unit }) => ({ label, kind, value, unit }))).toEqual([
      { label: 'Research, 2019', kind: 'amount', value: 6_577_000_000, unit: 'USD' },
      { label: 'Research, Change', kind: 'percent', value: 4, unit: 'percent' },
    ]);
  });

  it('spreads a header over the years below it, and takes a unit from the corner cell', async () => {
    const body = [
      '---',
      'title: Taxes',
      '---',
      '',
      '| $ million | June 30, |  |',
      '| --- | --- | --- |',
      '|  | 2019 | 2018 |',
      '| Loss carryforwards | 161.1 | 129.4 |',
    ].join('\n');
    const { passages, figures } = await load('taxes.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Loss carryforwards — June 30, 2019: 161.1; June 30, 2018: 129.4 ($ million)',
    ]);
    expect(figures.map((f) => [f.label, f.value, f.unit])).toEqual([
      ['Loss carryforwards, June 30, 2019', 161_100_000, 'USD'],
      ['Loss carryforwards, June 30, 2018', 129_400_000, 'USD'],
    ]);
  });

  it('reads a second header row whose label cell only gives the unit, and dates the cells by their column', async () => {
    const body = [
      '---',
      'title: Inventories',
      '---',
      '',
      '|  | June 30, |  |',
      '| --- | --- | --- |',
      '| ($ in millions) | 2019 | 2018 |',
      '| Raw materials and supplies | $169.8 | $157.5 |',
    ].join('\n');
    const { passages, figures } = await load('inventories.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Raw materials and supplies — June 30, 2019: $169.8; June 30, 2018: $157.5 (in millions)',
    ]);
    expect(figures.map((f) => [f.label, f.value, f.period])).toEqual([
      ['Raw materials and supplies, June 30, 2019', 169_800_000, '2019'],
      ['Raw materials and supplies, June 30, 2018', 157_500_000, '2018'],
    ]);
  });

  it('takes the first row of words as the header when the header above names no column', async () => {
    const body = [
      '---',
      'title: Remuneration',
      '---',
      '',
      '|  |  |  | (` lakh) |',
      '| --- | --- | --- | --- |',
      '| Particulars of Remuneration | Sitting Fees | Commission | Total Amount |',
      '| Aman Mehta | 4.80 | 315.00 | 319.80 |',
    ].join('\n');
    const { passages } = await load('remuneration.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Aman Mehta — Sitting Fees: 4.80; Commission: 315.00; Total Amount: 319.80',
    ]);
  });

  it('spreads a centred header over every year below it, and reads a labelled row of years as the header', async () => {
    const body = [
      '---',
      'title: Regions',
      '---',
      '',
      '|  |  | Years Ended December 31, |  |',
      '| --- | --- | --- | --- |',
      '| Region | 2017 | 2018 | 2019 |',
      '|  | % | % | % |',
      '| Taiwan | 32.8 | 36.4 | 36.4 |',
    ].join('\n');
    const { passages, figures } = await load('regions.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Taiwan — Years Ended December 31, 2017: 32.8; Years Ended December 31, 2018: 36.4; Years Ended December 31, 2019: 36.4 (%)',
    ]);
    expect(figures.map((f) => [f.label, f.kind, f.value])).toEqual([
      ['Taiwan, Years Ended December 31, 2017', 'percent', 32.8],
      ['Taiwan, Years Ended December 31, 2018', 'percent', 36.4],
      ['Taiwan, Years Ended December 31, 2019', 'percent', 36.4],
    ]);
  });

  it('reads a labelled row of words as the header when it names the columns the header above left empty', async () => {
    const body = [
      '---',
      'title: Obligations',
      '---',
      '',
      '|  |  |  | Payments Due By Period |  |',
      '| --- | --- | --- | --- | --- |',
      '| Contractual Obligations | Total | Less than 1 Year | 1-3 Years | 3-5 Years |',
      '| Operating leases | 47,774 | 15,363 | 22,919 | 9,382 |',
    ].join('\n');
    const { passages } = await load('obligations.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Operating leases — Total: 47,774; Less than 1 Year: 15,363; Payments Due By Period 1-3 Years: 22,919; Payments Due By Period 3-5 Years: 9,382',
    ]);
  });

  it('keeps a first row of words as data when the header names its columns', async () => {
    const body = [
      '---',
      'title: Board',
      '---',
      '',
      '| Name | Role |',
      '| --- | --- |',
      '| Ada Lin | Chair |',
    ].join('\n');
    const { passages } = await load('board.md', Buffer.from(body));
    expect(passages.filter((p) => p.kind === 'table-row').map((p) => p.text)).toEqual([
      'Ada Lin — Role: Chair',
    ]);
  });

  it('quotes the whole table as one compact passage too, which adds no figures of its own', async () => {
    const { passages, figures } = await load('report.md', Buffer.from(reportMarkdown()));
    const table = passages.find((p) => p.kind === 'table');
    expect(table).toMatchObject({
      id: 'report#p4',
      section: REPORT.section,
      text: '2023 | 2022 ($ million) — Americas: 196.9 | 184.6; Asia Pacific: 7.4 | 4.4; Europe: 11.5 | 5.1',
    });
    expect(figures.filter((f) => f.passageId === table?.id)).toEqual([]);
    expect(figures.filter((f) => f.passageId.startsWith('report#p4.r'))).toHaveLength(6);
  });

  it('keeps the text figures of paragraphs next to a table', async () => {
    const { figures } = await load('mixed.md', Buffer.from(reportMarkdown()));
    expect(figures.find((f) => f.text === '4.2 million')).toMatchObject({ kind: 'count', value: 4_200_000 });
  });
});
