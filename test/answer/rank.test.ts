import { beforeAll, describe, expect, it } from 'vitest';
import { rankPassages } from '../../src/answer/rank.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { openDocuments } from '../search/fixture.js';

describe('the period feature of a passage whose sentences name no period', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const release = (period: string, revenue: string) => ({
      title: `Harlow Tools ${period} results`,
      published: '2024-11-05',
      paragraphs: [`Harlow Tools revenue was $${revenue} million.`],
    });
    kb = await openDocuments({
      'harlow-q3.md': release('Q3 2024', '41.2'),
      'harlow-q2.md': release('Q2 2024', '38.9'),
    });
  });

  it('takes the period its document’s title names: +1 for the period asked, −1 for another', () => {
    const period = (docId: string) =>
      rankPassages(kb, 'Harlow Tools revenue in Q3 2024').hits.find((hit) =>
        hit.passageId.startsWith(`${docId}#`),
      )?.features.period;
    expect(period('harlow-q3')).toBe(1);
    expect(period('harlow-q2')).toBe(-1);
  });
});
