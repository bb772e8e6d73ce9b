import { describe, expect, it } from 'vitest';
import { paragraphsOf, splitPassages, tableLeadIns } from '../../src/text/passages.js';
import type { KnowledgeDocument } from '../../src/types.js';

const doc = (body: string): KnowledgeDocument => ({
  id: 'doc',
  title: 'Doc',
  tags: [],
  file: 'doc.md',
  body,
});

describe('paragraphsOf', () => {
  it('splits on blank lines, folds line breaks and strips light Markdown', () => {
    expect(
      paragraphsOf(
        '# Heading\n\nFirst line\nsecond *line* with [a link](https://x.org).\n\n\n- item **one**',
      ),
    ).toEqual(['Heading', 'First line second line with a link.', 'item one']);
  });
});

describe('splitPassages', () => {
  it('makes one passage per short paragraph, numbered from 1', () => {
    const passages = splitPassages(doc('One short paragraph.\n\nAnother one.'));
    expect(passages.map((p) => [p.id, p.paragraph, p.part, p.text])).toEqual([
      ['doc#p1', 1, 1, 'One short paragraph.'],
      ['doc#p2', 2, 1, 'Another one.'],
    ]);
  });

  it('splits a long paragraph at sentence boundaries into numbered parts that keep its paragraph number', () => {
    const sentence = (n: number) =>
      `Sentence number ${n} reports that the province had ${n},000 enterprises of some kind.`;
    const paragraph = [1, 2, 3, 4, 5, 6, 7].map(sentence).join(' ');
    const passages = splitPassages(doc(`Intro.\n\n${paragraph}`));
    const parts = passages.filter((p) => p.paragraph === 2);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.id)).toEqual(parts.map((_, i) => `doc#p2.${i + 1}`));
    expect(parts.map((p) => p.text).join(' ')).toBe(paragraph);
    for (const part of parts) expect(part.text).toMatch(/^Sentence number \d+ .*enterprises of some kind\.$/);
  });

  it('gives the same ids for the same text', () => {
    const body = 'A.\n\nB is long. '.repeat(30);
    expect(splitPassages(doc(body)).map((p) => p.id)).toEqual(splitPassages(doc(body)).map((p) => p.id));
  });
});

describe('tableLeadIns', () => {
  const table = '| € million | 2019 | 2018 |\n| --- | --- | --- |\n| Raw materials | 3,445 | 2,969 |';

  it('maps the paragraph right above a table, or its last part, to the table', () => {
    const long = 'Sentence number one says a great deal about inventories. '.repeat(12).trim();
    const passages = splitPassages(doc(`Intro.\n\n${long}\n\n${table}\n\nAfter.`));
    const last = passages.filter((p) => p.paragraph === 2).at(-1);
    expect(last?.part).toBeGreaterThan(1);
    expect([...tableLeadIns(passages)]).toEqual([[last?.id, 'doc#p3']]);
  });

  it('gives no lead-in to a table that opens a document or follows another table', () => {
    const passages = splitPassages(doc(`${table}\n\n${table}`));
    expect(passages.filter((p) => p.kind === 'table').map((p) => p.id)).toEqual(['doc#p1', 'doc#p2']);
    expect(tableLeadIns(passages).size).toBe(0);
  });

  it('takes a heading right above a table as its lead-in', () => {
    const passages = splitPassages(doc(`# Inventories\n\n${table}`));
    expect([...tableLeadIns(passages)]).toEqual([['doc#p1', 'doc#p2']]);
  });
});
