import { beforeAll, describe, expect, it } from 'vitest';
import { citationLine } from '../../commands/render/citation.js';
import { passageKey, passagesOfKeys } from '../../commands/render/keys.js';
import { ask } from '../../src/answer/ask.js';
import { quoteOf } from '../../src/answer/quote.js';
import { rankPassages } from '../../src/answer/rank.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { openDocuments } from '../search/fixture.js';

let kb: KnowledgeBase;

const passage = (id: string) => {
  const found = kb.passagesById.get(id);
  if (!found) throw new Error(`no passage ${id}`);
  return found;
};

beforeAll(async () => {
  kb = await openDocuments({
    'ferrow-tools-2024.md': {
      title: 'Ferrow Tools annual report 2024',
      published: '2025-02-10',
      paragraphs: [
        'Ferrow Tools makes hand tools for builders and sells them in 14 countries.',
        'The components of inventories are as follows:',
        '| $ thousand | 2024 | 2023 |\n| --- | --- | --- |\n| Raw materials | 3,445 | 2,969 |\n| Finished goods | 6,356 | 6,253 |',
        'Inventories are stated at the lower of cost and net realisable value.',
      ],
    },
    'lumen-bakery-2024.md': {
      title: 'Lumen Bakery opens its second shop',
      published: '2024-06-01',
      paragraphs: ['Lumen Bakery opened its second shop on Harbour Street, with 12 staff.'],
    },
  });
});

describe('quoteOf', () => {
  it('quotes the paragraph right above a table with the table, and holds the table and its rows', () => {
    const quote = quoteOf(kb, passage('ferrow-tools-2024#p2'));
    expect(quote.text.split('\n')).toEqual([
      'The components of inventories are as follows:',
      passage('ferrow-tools-2024#p3').text,
    ]);
    expect(quote.sources).toEqual([
      'ferrow-tools-2024#p2',
      'ferrow-tools-2024#p3',
      'ferrow-tools-2024#p3.r1',
      'ferrow-tools-2024#p3.r2',
    ]);
  });

  it('quotes any other passage as it is', () => {
    for (const id of ['ferrow-tools-2024#p1', 'ferrow-tools-2024#p3.r1', 'ferrow-tools-2024#p4'])
      expect(quoteOf(kb, passage(id))).toEqual({ text: passage(id).text, sources: [id] });
  });
});

describe('ask, on a table and its lead-in', () => {
  it('answers from the table its lead-in introduces, with the figures of its rows', () => {
    const answer = ask(kb, 'What are the components of inventories?');
    expect(answer.passages[0]?.id).toBe('ferrow-tools-2024#p2');
    expect(answer.passages[0]?.text).toContain('Raw materials: 3,445 | 2,969');
    expect(answer.figures.map((figure) => figure.passageId)).toContain('ferrow-tools-2024#p3.r1');
    expect(answer.passages[0]).toMatchObject({ paragraph: 2, lastParagraph: 3 });
    expect(citationLine(answer.passages[0] ?? { paragraph: 0 })).toMatch(/¶2–3$/);
  });

  it('quotes each passage once: not the table, nor a row, again beside its lead-in', () => {
    const answer = ask(kb, 'inventories raw materials finished goods', { limit: 10 });
    const ids = answer.passages.flatMap((quoted) => quoted.sources);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('passage keys of a quoted lead-in', () => {
  it('resolve to the lead-in, whether it was quoted with its table or alone', () => {
    const leadIn = passage('ferrow-tools-2024#p2');
    for (const text of [quoteOf(kb, leadIn).text, leadIn.text])
      expect(passagesOfKeys(kb, [passageKey({ id: leadIn.id, text })])).toEqual([leadIn]);
  });
});

describe('rankPassages, on a question across the rows of a table', () => {
  it('marks the whole table, and no row, as answering a question across rows', () => {
    const features = (question: string) =>
      new Map(rankPassages(kb, question).hits.map((hit) => [hit.passageId, hit.features.wholeTable]));
    const table = rankPassages(kb, 'Which inventories were the largest in 2024?').hits.find(
      (hit) => hit.passageId === 'ferrow-tools-2024#p3',
    );
    // The answer model reads it too: the question's framing words are not the table's.
    expect(table?.answerFeatures.wholeTable).toBe(1);
    const across = features('Which inventories were the largest in 2024, raw materials or finished goods?');
    expect(across.get('ferrow-tools-2024#p3')).toBe(1);
    expect(across.get('ferrow-tools-2024#p3.r1')).toBe(0);
    expect(features('What were raw materials in 2024?').get('ferrow-tools-2024#p3')).toBe(0);
  });
});
