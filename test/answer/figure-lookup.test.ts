import { beforeAll, describe, expect, it } from 'vitest';
import { lookupFigure } from '../../src/answer/figure-lookup.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { openFixture } from '../search/fixture.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await openFixture();
});

describe('lookupFigure', () => {
  it('puts the amount the topic names first, before its growth rate, from the newest report', () => {
    const answer = lookupFigure(kb, 'Northvale GDP');
    expect(answer.answered).toBe(true);
    expect(answer.figures[0]).toMatchObject({ value: 4_360_000_000_000, docId: 'northvale-economy-2024' });
    expect(answer.figures[0]?.citation.published).toBe('2025-03-01');
  });

  it('shows the same metric as other documents report it, newest first', () => {
    const answer = lookupFigure(kb, 'Northvale regional GDP');
    expect(answer.sameMetric.map((figure) => figure.value)).toEqual([4_360_000_000_000, 4_140_000_000_000]);
  });

  it('cites the whole before its part and the total before what was added', () => {
    expect(lookupFigure(kb, 'Corbel employees').figures[0]?.value).toBe(7_300);
    expect(lookupFigure(kb, 'Northvale little giants total').figures[0]?.value).toBe(640);
  });

  it('finds nothing for a topic the named document does not report', () => {
    const answer = lookupFigure(kb, 'Corbel GDP');
    expect(answer.answered).toBe(false);
    expect(answer.figures).toEqual([]);
  });
});
