import { describe, expect, it } from 'vitest';
import { packFigures, unpackFigures } from '../../src/knowledge/prebuilt-figures.js';
import type { Figure, Passage } from '../../src/types.js';

const PASSAGE: Passage = {
  id: 'report#p2',
  docId: 'report',
  paragraph: 2,
  part: 1,
  text: 'Revenue rose to $12 million in 2023. Staff numbers reached 540.',
};

function figure(n: number, text: string, sentence: string): Figure {
  return {
    id: `report#p2~${n}`,
    kind: 'amount',
    text,
    value: 12_000_000,
    unit: 'USD',
    label: 'revenue',
    sentence,
    role: 'current',
    period: '2023',
    passageId: PASSAGE.id,
    docId: PASSAGE.docId,
  };
}

const passages = new Map([[PASSAGE.id, PASSAGE]]);
const roundTrip = (figures: Figure[]) =>
  unpackFigures(JSON.parse(JSON.stringify(packFigures(figures, passages))), passages);

describe('packFigures and unpackFigures', () => {
  it('give back the very figures they packed, a sentence the passage lacks included', () => {
    const figures = [
      figure(0, '$12 million', 'Revenue rose to $12 million in 2023.'),
      // A table row's line is no span of the passage's text: it travels whole.
      figure(1, '540', 'Staff: 540'),
    ];
    expect(roundTrip(figures)).toEqual(figures);
  });

  it('keep every field in its place, so printed figures do not change with the index', () => {
    const { passageId, docId, ...rest } = figure(0, '10–15%', 'Revenue rose to $12 million in 2023.');
    // A table cell's figure carries its period after the ids; an extracted one before them.
    const tableCell = { ...rest, passageId, docId, qualifier: 'about', high: 15 } as Figure;
    const [back] = roundTrip([tableCell]);
    expect(JSON.stringify(back)).toBe(JSON.stringify(tableCell));
  });

  it('store a sentence of the passage as its span, and neither passage nor document id', () => {
    const packed = packFigures([figure(0, '$12 million', 'Revenue rose to $12 million in 2023.')], passages);
    expect(packed.passages.map(([passageId]) => passageId)).toEqual([PASSAGE.id]);
    const json = JSON.stringify(packed.passages);
    expect(json).toContain('[0,36]');
    expect(json.match(/report#p2/g)).toHaveLength(1);
  });

  it('refuse figures whose passage the bundle lacks', () => {
    const packed = packFigures([figure(0, '$12 million', 'Revenue rose to $12 million in 2023.')], passages);
    expect(() => unpackFigures(packed, new Map())).toThrow(
      'prebuilt index: figures of an unknown passage report#p2',
    );
  });
});
