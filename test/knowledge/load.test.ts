import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  documentIdOf,
  formatProblem,
  KnowledgeFolderError,
  loadDocuments,
  parseDocument,
} from '../../src/knowledge/load.js';

const md = (front: string, body = 'Revenue rose 4 percent in 2024.') =>
  Buffer.from(`---\n${front}\n---\n\n${body}\n`);

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'factdesk-load-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe('parseDocument', () => {
  it('reads the front matter fields of a Markdown document', () => {
    const { document, problems } = parseDocument(
      'q3-results.md',
      md(
        'title: Q3 results\nsource: Acme Wire\nurl: https://example.org/q3\npublished: 2024-10-01\nlanguage: en\ntags: [earnings]',
      ),
    );
    expect(problems).toEqual([]);
    expect(document).toMatchObject({
      id: 'q3-results',
      title: 'Q3 results',
      source: 'Acme Wire',
      url: 'https://example.org/q3',
      published: '2024-10-01',
      language: 'en',
      tags: ['earnings'],
      body: 'Revenue rose 4 percent in 2024.',
    });
  });

  it('requires only a title', () => {
    const { document, problems } = parseDocument('a.md', md('title: Only a title'));
    expect(problems).toEqual([]);
    expect(document?.tags).toEqual([]);
    expect(document?.published).toBeUndefined();
  });

  it('serves a document without a title under its file name, and warns with the fix', () => {
    const { document, problems } = parseDocument('no-title.md', md('source: Acme Wire'));
    expect(document?.title).toBe('No title');
    expect(problems.map(formatProblem)).toEqual([
      'warning: no-title.md: title is missing: the document is cited as "No title", after its file name. Fix: add a non-empty `title:` line to the front matter.',
    ]);
  });

  it('takes the first heading for an empty title, else the file name, and calls it empty', () => {
    expect(parseDocument('a.md', md('title: ""', '# Spring results\nText.'))).toMatchObject({
      document: { title: 'Spring results' },
      problems: [],
    });
    const { document, problems } = parseDocument('spring-2024.md', md("title: '  '"));
    expect(document?.title).toBe('Spring 2024');
    expect(problems.map((p) => [p.severity, p.field, p.message])).toEqual([
      ['warning', 'title', 'is empty: the document is cited as "Spring 2024", after its file name'],
    ]);
  });

  it('rejects a date that does not exist instead of rolling it over', () => {
    const { problems } = parseDocument('bad-date.md', md('title: T\npublished: 2024-02-30'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bad-date.md', field: 'published' });
    expect(problems[0]?.fix).toBe('write the date as `published: YYYY-MM-DD`, e.g. `published: 2024-02-20`');
  });

  it('rejects a date in another format', () => {
    const { problems } = parseDocument('bad-date.md', md('title: T\npublished: 20 Feb 2024'));
    expect(problems[0]?.field).toBe('published');
  });

  it('reports broken YAML with its reason', () => {
    const { problems } = parseDocument('broken.md', md('title: [unclosed'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('front matter');
    expect(problems[0]?.message).toMatch(/^is not valid YAML \(/);
  });

  it('reports an empty body', () => {
    const { problems } = parseDocument('empty.md', md('title: Empty', '   '));
    expect(problems.map(formatProblem)).toEqual([
      'error: empty.md: body is empty. Fix: write the document text below the title or front matter.',
    ]);
  });

  it('reports a binary file instead of reading it as text', () => {
    const { problems } = parseDocument('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(problems[0]).toMatchObject({ field: 'encoding', message: 'is a binary file, not text' });
  });

  it('takes the title of a text file from its first non-empty line and the date from a PR Newswire dateline', () => {
    const { document } = parseDocument(
      'release.txt',
      Buffer.from(
        '\n\nBig Release Title\n\nGUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — On February 18, 2024, it rained.\n',
      ),
    );
    expect(document).toMatchObject({
      title: 'Big Release Title',
      published: '2024-02-20',
      source: 'PR Newswire',
    });
    expect(document?.body.startsWith('GUANGDONG, China')).toBe(true);
  });

  it('lets front matter win over the dateline', () => {
    const { document } = parseDocument(
      'r.md',
      md(
        'title: T\npublished: 2024-03-01\nsource: Own site',
        'LANSHAN, China, Feb. 20, 2024 /PRNewswire/ — Text.',
      ),
    );
    expect(document).toMatchObject({ published: '2024-03-01', source: 'Own site' });
  });
});

describe('documentIdOf', () => {
  it('slugs the file name without folder or extension', () => {
    expect(documentIdOf('Reports/Q3 Results (Final).md')).toBe('q3-results-final');
  });
});

describe('loadDocuments', () => {
  it('loads the good documents and reports the broken ones', async () => {
    const dir = await folder({
      'good.md': md('title: Good'),
      'sub/also-good.txt': 'Also good\n\nSome text with 5 figures.',
      'bad-date.md': md('title: X\npublished: 2024-02-30'),
      'binary.txt': Buffer.from([0, 1, 2, 3]),
      'notes.json': '{}',
      '.hidden.md': md('title: Hidden'),
    });
    const { documents, problems } = await loadDocuments(dir);
    expect(documents.map((d) => d.id)).toEqual(['good', 'also-good']);
    expect(problems.map((p) => `${p.file}:${p.field}`)).toEqual([
      'bad-date.md:published',
      'binary.txt:encoding',
      'notes.json:type',
    ]);
  });

  it('reports two documents with the same id and keeps the first', async () => {
    const dir = await folder({ 'a/report.md': md('title: First'), 'b/report.txt': 'Second\n\nText.' });
    const { documents, problems } = await loadDocuments(dir);
    expect(documents.map((d) => d.title)).toEqual(['First']);
    expect(problems.map(formatProblem)).toEqual([
      'error: b/report.txt: id gives the document id "report", already used by a/report.md. Fix: rename one of the two files so that their names differ.',
    ]);
  });

  it('fails with a named error when the folder does not exist', async () => {
    await expect(loadDocuments('/nonexistent/factdesk')).rejects.toThrow(KnowledgeFolderError);
    await expect(loadDocuments('/nonexistent/factdesk')).rejects.toThrow(
      'The knowledge folder /nonexistent/factdesk does not exist or is not a folder. Set KNOWLEDGE_DIR to a folder of documents (.md .markdown .txt .pdf .docx .html .htm .csv).',
    );
  });
});
