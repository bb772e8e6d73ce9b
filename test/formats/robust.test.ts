import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/document/normalise.js';
import {
  fileErrorProblem,
  formatProblem,
  loadDocumentFile,
  loadDocuments,
} from '../../src/knowledge/load.js';
import { reportHtml, reportMarkdown } from './report.js';

async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-robust-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const plain =
  '---\ntitle: Results\npublished: 2024-02-20\ntags: [a, b]\n---\n\nRevenue rose 4 percent.\n\nCosts fell.\n';

describe('input from Windows, old Macs and web pages', () => {
  it('normalises CRLF, lone CR, the BOM, no-break and zero-width spaces', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\u00A0d\u200Be')).toBe('a\nb\nc de');
  });

  it.each([
    ['CRLF', plain.replace(/\n/g, '\r\n')],
    ['lone CR', plain.replace(/\n/g, '\r')],
    ['a BOM', `\uFEFF${plain}`],
    ['no-break and zero-width spaces', plain.replace('Revenue rose', 'Revenue\u00A0ro\u200Bse')],
  ])('reads a Markdown file with %s exactly as the plain one', async (_name, text) => {
    const expected = await loadDocumentFile('r.md', Buffer.from(plain));
    const got = await loadDocumentFile('r.md', Buffer.from(text));
    expect(got.problems).toEqual([]);
    expect(got.document).toEqual(expected.document);
    expect(got.document).toMatchObject({ published: '2024-02-20', tags: ['a', 'b'] });
  });
});

describe('bad input gets its own message while the others serve', () => {
  it('refuses a file over the size limit', async () => {
    const dir = await folder({ 'big.md': reportMarkdown().repeat(20), 'ok.md': reportMarkdown() });
    const { documents, problems } = await loadDocuments(dir, { maxFileBytes: 4096 });
    expect(documents.map((d) => d.id)).toEqual(['ok']);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^error: big\.md: size is \d+ KB, over the 4 KB limit\. Fix: split the document, or raise KNOWLEDGE_MAX_FILE_MB\.$/,
      ),
    ]);
  });

  it('tells a scanned PDF without a text layer to run OCR first', async () => {
    const pdf = await PDFDocument.create();
    pdf
      .addPage([595, 842])
      .drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.5, 0.5, 0.5) });
    const { problems } = await loadDocumentFile('scan.pdf', await pdf.save());
    expect(problems.map(formatProblem)).toEqual([
      'error: scan.pdf: body has no text layer (a scanned PDF?). Fix: run OCR first, e.g. `ocrmypdf in.pdf out.pdf`.',
    ]);
  });

  it('reports a .pdf that is a web page, and a .docx that is text, instead of crashing', async () => {
    const pdf = await loadDocumentFile('saved.pdf', Buffer.from(reportHtml()));
    expect(pdf.problems.map(formatProblem)).toEqual([
      'error: saved.pdf: type is named as a PDF file but holds a web page (HTML). Fix: save the file in the format its name says, or give it the ending of what it holds.',
    ]);
    const docx = await loadDocumentFile('notes.docx', Buffer.from('just text'));
    expect(docx.problems[0]?.message).toBe('is named as a Word file but holds plain text');
  });

  it('cites a web page without a title by its file name and asks for a sidecar, and calls an empty one empty', async () => {
    const page = (body: string) => Buffer.from(`<html><body>${body}</body></html>`);
    const untitled = await loadDocumentFile(
      'untitled.html',
      page(
        '<article><p>Revenue rose 4 percent to 5 million dollars in 2024, the company said.</p></article>',
      ),
    );
    expect(untitled.document?.title).toBe('Untitled');
    expect(untitled.problems.map(formatProblem)).toEqual([
      'warning: untitled.html: title is missing: the document is cited as "Untitled", after its file name. Fix: give the file a title, or add a sidecar `untitled.html.yml` beside it with `title: Your document title`.',
    ]);
    const blank = await loadDocumentFile('blank.html', page(''));
    expect(blank.problems.map(formatProblem)).toEqual([
      'error: blank.html: body is empty. Fix: write the document text below the title or front matter.',
    ]);
  });

  it('reports a truncated PDF as unreadable, naming the format', async () => {
    const { problems } = await loadDocumentFile('cut.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<'));
    expect(problems[0]).toMatchObject({ severity: 'error', field: 'body' });
    expect(problems[0]?.message).toMatch(/^could not be read as PDF \(/);
  });

  it('lists files of other types as warnings naming the types factdesk reads', async () => {
    const dir = await folder({ 'ok.md': reportMarkdown(), 'sheet.xlsx': 'PK', 'photo.jpg': 'x' });
    const { documents, problems } = await loadDocuments(dir);
    expect(documents).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([
      'warning: photo.jpg: type is skipped: factdesk does not read .jpg files. Fix: save it as one of .md .markdown .txt .pdf .docx .html .htm .csv, or move it out of the knowledge folder.',
      'warning: sheet.xlsx: type is skipped: factdesk does not read .xlsx files. Fix: save it as one of .md .markdown .txt .pdf .docx .html .htm .csv, or move it out of the knowledge folder.',
    ]);
  });

  it('warns about an empty folder', async () => {
    const { problems } = await loadDocuments(await folder({}));
    expect(problems.map(formatProblem)).toEqual([
      'warning: .: folder holds no documents factdesk can serve. Fix: add documents (.md .markdown .txt .pdf .docx .html .htm .csv) to the knowledge folder.',
    ]);
  });

  it('applies a sidecar NAME.EXT.yml, and reports a broken one with a hint', async () => {
    const dir = await folder({
      'table.csv': 'Region,2023\nAmericas,196.9\n',
      'table.csv.yml': 'title: Revenue by region\npublished: 2024-03-05\n',
      'other.csv': 'Region,2023\nEurope,11.5\n',
      'other.csv.yml': 'title: [broken\n',
    });
    const { documents, problems } = await loadDocuments(dir);
    expect(documents.find((d) => d.id === 'table')).toMatchObject({
      title: 'Revenue by region',
      published: '2024-03-05',
    });
    expect(problems.map((p) => [p.file, p.field, p.fix.split(':')[0]])).toEqual([
      ['other.csv.yml', 'sidecar', 'close the bracket'],
    ]);
  });

  it('says a permission error in one line with the fix', async () => {
    const error = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(formatProblem(fileErrorProblem('locked.md', error))).toBe(
      'error: locked.md: file cannot be read (permission denied). Fix: let the user running factdesk read it, e.g. `chmod a+r locked.md`.',
    );
  });
});
