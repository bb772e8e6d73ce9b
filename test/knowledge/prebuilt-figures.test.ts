import { describe, expect, it } from 'vitest';
import { FIGURE_FIELDS, packFigures, unpackFigures } from '../../src/knowledge/prebuilt-figures.js';
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

describe('packFigures and unpackFigures', () => {
  const passages = new Map([[PASSAGE.id, PASSAGE]]);

  it('give back the very figures they packed', () => {
    const figures = [
      figure(0, '$12 million', 'Revenue rose to $12 million in 2023.'),
      // A sentence the passage's text does not hold as it is (a table row's line) travels whole.
      figure(1, '540', 'Staff: 540'),
    ];
    const packed = packFigures(figures, passages);
    expect(unpackFigures(JSON.parse(JSON.stringify(packed)), passages)).toEqual(figures);
  });

  it('store a sentence of the passage as its span, and leave out the ids the passage gives', () => {
    const packed = packFigures([figure(0, '$12 million', 'Revenue rose to $12 million in 2023.')], passages);
    expect(packed.map(([passageId]) => passageId)).toEqual([PASSAGE.id]);
    const stored = packed[0]?.[1][0];
    expect(stored?.sentence).toEqual([0, 36]);
    expect(Object.keys(stored ?? {})).not.toContain('passageId');
    expect(Object.keys(stored ?? {})).not.toContain('docId');
  });

  it('carry every field a figure has, optional ones included', () => {
    const full: Figure = {
      ...figure(0, '10–15%', 'Revenue rose to $12 million in 2023.'),
      qualifier: 'about',
      high: 15,
    };
    const [back] = unpackFigures(packFigures([full], passages), passages);
    expect(Object.keys(back ?? {}).sort()).toEqual(Object.keys(FIGURE_FIELDS).sort());
    expect(back).toEqual(full);
  });

  it('refuse figures whose passage the bundle lacks', () => {
    const packed = packFigures([figure(0, '$12 million', 'Revenue rose to $12 million in 2023.')], passages);
    expect(() => unpackFigures(packed, new Map())).toThrow(
      'prebuilt index: figures of an unknown passage report#p2',
    );
  });
});
