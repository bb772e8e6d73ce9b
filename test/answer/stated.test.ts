import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { rankPassages } from '../../src/answer/rank.js';
import { reachesStated, statedNumbers } from '../../src/answer/stated.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { openDocuments } from '../search/fixture.js';

describe('statedNumbers', () => {
  it('reads each number with the rounding its digits allow, and leaves bare years out', () => {
    expect(statedNumbers('did Fenmore make 5.5bn in 2024?')).toEqual([
      { value: 5_500_000_000, threshold: false, tolerance: 50_000_000 },
    ]);
    expect(statedNumbers('did they get 60k for second place')[0]?.tolerance).toBe(500);
    expect(statedNumbers('were 2,314 people asked')[0]?.tolerance).toBe(0.5);
  });

  it('reads a threshold from the words before the number, in English and Chinese', () => {
    expect(statedNumbers('more than 1.1m visits')[0]?.threshold).toBe(true);
    expect(statedNumbers('广东GDP超过13万亿元吗')[0]).toMatchObject({ value: 13e12, threshold: true });
    expect(statedNumbers('1.1m visits')[0]?.threshold).toBe(false);
  });
});

describe('reachesStated', () => {
  const [fiveAndAHalf] = statedNumbers('5.5bn');
  const [overOnePointOne] = statedNumbers('more than 1.1m');
  it('takes a value the question rounded, and no value further off', () => {
    expect(fiveAndAHalf && reachesStated({ value: 5.46e9 }, fiveAndAHalf)).toBe(true);
    expect(fiveAndAHalf && reachesStated({ value: 5.54e9 }, fiveAndAHalf)).toBe(true);
    expect(fiveAndAHalf && reachesStated({ value: 5.4e9 }, fiveAndAHalf)).toBe(false);
  });

  it('takes a value just past a threshold, not one below it or far beyond', () => {
    expect(overOnePointOne && reachesStated({ value: 1_148_000 }, overOnePointOne)).toBe(true);
    expect(overOnePointOne && reachesStated({ value: 1_032_000 }, overOnePointOne)).toBe(false);
    expect(overOnePointOne && reachesStated({ value: 5_000_000 }, overOnePointOne)).toBe(false);
  });
});

describe('a question that states a rounded number', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openDocuments({
      'fenmore-2024.md': {
        title: 'Fenmore Markets full-year results 2024',
        published: '2025-03-01',
        paragraphs: [
          'Fenmore Markets runs 412 stores and made its name in discount groceries in 2024.',
          'For the full year 2024, Fenmore made an operating profit of £309 million on £5.46 billion.',
        ],
      },
    });
  });

  it('marks the passage whose figure is the number as rounded, and only that one', () => {
    const hits = rankPassages(kb, 'did Fenmore make 5.5bn in 2024?').hits;
    const holding = hits.find((hit) => kb.passagesById.get(hit.passageId)?.text.includes('5.46'));
    const other = hits.find((hit) => kb.passagesById.get(hit.passageId)?.text.includes('412 stores'));
    expect(holding?.features.stated).toBe(1);
    expect(other?.features.stated).toBe(0);
  });

  it('puts the rounded figure first among the answer’s figures', () => {
    expect(ask(kb, 'did Fenmore make 5.5bn in 2024?').figures[0]?.text).toContain('5.46');
  });
});
