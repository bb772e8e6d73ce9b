import { describe, expect, it } from 'vitest';
import { suggestField, yamlHint } from '../../src/knowledge/front-matter.js';
import { documentIdOf, formatProblem, parseDocument } from '../../src/knowledge/load.js';

const md = (front: string, body = 'Revenue rose 4 percent in 2024.') =>
  Buffer.from(`---\n${front}\n---\n\n${body}\n`);

describe('front matter that helps', () => {
  it('warns about a misspelt key and suggests the field it meant, and still loads', () => {
    const { document, problems } = parseDocument('a.md', md('title: T\npublised: 2024-01-01'));
    expect(document?.title).toBe('T');
    expect(problems.map(formatProblem)).toEqual([
      'warning: a.md: front matter has the unknown field `publised`: did you mean `published`? Fix: rename `publised:` to `published:`.',
    ]);
  });

  it('says nothing about a team’s own keys that are not close to a field', () => {
    expect(parseDocument('a.md', md('title: T\nreviewed_by: Ana')).problems).toEqual([]);
    expect(suggestField('owner')).toBeUndefined();
    expect(suggestField('tittle')).toBe('title');
    expect(suggestField('lnaguage')).toBe('language');
  });

  it('reads `tags: economy` as one tag and `title: 12345` as the title "12345"', () => {
    expect(parseDocument('a.md', md('title: T\ntags: economy')).document?.tags).toEqual(['economy']);
    expect(parseDocument('a.md', md('title: 12345')).document?.title).toBe('12345');
  });

  it('takes the first `# Heading` as the title of a Markdown file without front matter', () => {
    const { document, problems } = parseDocument(
      'notes.md',
      Buffer.from('# Harbour notes\n\nCranes: 12 in use.\n'),
    );
    expect(problems).toEqual([]);
    expect(document?.title).toBe('Harbour notes');
  });

  it('gives ids to file names in any script, keeping letters of every alphabet', () => {
    expect(documentIdOf('新闻稿-春季.md')).toBe('新闻稿-春季');
    expect(documentIdOf('Reports/Café Résumé 2024.md')).toBe('cafe-resume-2024');
    expect(documentIdOf('Отчёт за год.pdf')).toBe('отчет-за-год');
    expect(parseDocument('新闻稿-春季.md', md('title: 春季')).document?.id).toBe('新闻稿-春季');
  });
});

describe('YAML hints match the error', () => {
  const fixOf = (front: string) => parseDocument('a.md', md(front)).problems[0]?.fix ?? '';

  it('an unquoted colon in a value: quote it', () => {
    expect(fixOf('title: Results: 2024')).toMatch(/^put a value that contains a colon in quotes/);
  });

  it('an unclosed bracket: close it', () => {
    expect(fixOf('title: T\ntags: [a, b')).toMatch(/^close the bracket/);
  });

  it('an indented key: start it at the beginning of its line', () => {
    expect(fixOf('title: T\n  source: Wire')).toMatch(/^start every field at the beginning of its line/);
  });

  it('an unclosed quote: close it', () => {
    expect(fixOf('title: "Results')).toMatch(/^close the quote/);
  });

  it('a tab: indent with spaces', () => {
    expect(fixOf('title: T\n\tsource: x')).toMatch(/^indent with spaces/);
    expect(yamlHint(undefined, 'something else')).toMatch(/^fix the YAML/);
  });
});
