import { beforeAll, describe, expect, it } from 'vitest';
import { rankPassages } from '../../src/answer/rank.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { abbreviates, wordsOf } from '../../src/search/abbreviation.js';
import { openDocuments } from './fixture.js';

describe('abbreviates', () => {
  it('reads an initialism from the initials of consecutive words, whatever its case', () => {
    expect(abbreviates('EPS', wordsOf('Basic earnings per share were 10.3p.'))).toBe(true);
    expect(abbreviates('mvp', wordsOf('He was named most valuable player of the final.'))).toBe(true);
    expect(
      abbreviates('EBITDA', wordsOf('Earnings before interest, taxes, depreciation and amortisation rose.')),
    ).toBe(true);
    // The initials must stand side by side, in order.
    expect(abbreviates('EPS', wordsOf('Share earnings were up, per the report.'))).toBe(false);
  });

  it('takes no two-letter initials, which any passage spells by chance', () => {
    expect(abbreviates('RP', wordsOf('Revenue per passenger rose.'))).toBe(false);
  });

  it('reads a shortened word from the start of a much longer one, but not a near-inflection', () => {
    expect(abbreviates('coop', wordsOf('The cooperative has 214 grower members.'))).toBe(true);
    expect(abbreviates('info', wordsOf('More information is on the website.'))).toBe(true);
    expect(abbreviates('trip', wordsOf('Exports tripled in 2024.'))).toBe(false);
  });

  it('leaves words in other scripts and words with digits alone', () => {
    expect(abbreviates('广东', wordsOf('广东省 广州市'))).toBe(false);
    expect(abbreviates('h1', wordsOf('half one results'))).toBe(false);
  });
});

describe('ranking a question that abbreviates what the passage spells out', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openDocuments({
      'fenmore-h1-2025.md': {
        title: 'Fenmore Markets half-year results 2025',
        published: '2025-08-01',
        paragraphs: [
          'Fenmore Markets opened 12 stores in the half and closed 3.',
          'Fenmore Markets reported basic earnings per share of 10.3p for the half.',
          'Fenmore Markets paid an interim dividend of 4.1p per share.',
        ],
      },
    });
  });

  const best = (question: string) => rankPassages(kb, question).hits[0];

  it('credits the passage that spells out EPS, so it comes first and answers', () => {
    const hit = best('Fenmore EPS');
    expect(kb.passagesById.get(hit?.passageId ?? '')?.text).toContain('earnings per share');
    expect(hit?.coverage).toBe(1);
    expect(hit?.answers).toBe(true);
  });

  it('gives no credit with the abbreviation weight at 0', () => {
    const model = kb.index.model;
    kb.index.model = { ...model, abbreviationWeight: 0 };
    try {
      expect(best('Fenmore EPS')?.coverage).toBeLessThan(1);
    } finally {
      kb.index.model = model;
    }
  });
});
