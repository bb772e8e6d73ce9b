import type { Figure, Passage } from '../types.js';

/**
 * Figures as the prebuilt index stores them: each as the values of its fields, in the order of
 * one of a few shapes (the field names, in the figure's own order), without what its passage
 * already says (the passage and document ids; the id is the passage's and a number), and its
 * sentence as a span of the passage's text when it is one. At 10k passages this is 4 of the
 * bundle's 19 MB that a load no longer reads and parses, and the figures come back as they were,
 * fields in the same order (the JSON a command prints does not change with the index's origin).
 */
export interface PackedFigures {
  shapes: string[][];
  /** Per passage: its id, then each figure as its shape's index and its values. */
  passages: [passageId: string, figures: unknown[][]][];
}

/** Fields a passage gives back, stored as nothing. */
const FROM_PASSAGE = new Set(['passageId', 'docId']);

/** Packs figures for the prebuilt index (see {@link unpackFigures}). */
export function packFigures(
  figures: readonly Figure[],
  passagesById: ReadonlyMap<string, Passage>,
): PackedFigures {
  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  const byPassage = new Map<string, unknown[][]>();
  for (const figure of figures) {
    const keys = Object.keys(figure);
    const signature = keys.join(',');
    let shape = shapeIndex.get(signature);
    if (shape === undefined) {
      shape = shapes.push(keys) - 1;
      shapeIndex.set(signature, shape);
    }
    const text = passagesById.get(figure.passageId)?.text ?? '';
    const values: unknown[] = [shape];
    for (const key of keys) {
      if (FROM_PASSAGE.has(key)) continue;
      if (key === 'id') values.push(Number(figure.id.slice(figure.id.lastIndexOf('~') + 1)));
      else if (key === 'sentence') {
        const start = text.indexOf(figure.sentence);
        values.push(start >= 0 ? [start, start + figure.sentence.length] : figure.sentence);
      } else values.push(figure[key as keyof Figure]);
    }
    const list = byPassage.get(figure.passageId) ?? [];
    list.push(values);
    byPassage.set(figure.passageId, list);
  }
  return { shapes, passages: [...byPassage] };
}

/**
 * The figures {@link packFigures} packed, as they were, grouped by passage in the order the
 * passages first came.
 *
 * @throws {Error} when a figure's passage or shape is not in the bundle (a bundle that is not whole).
 */
export function unpackFigures(packed: PackedFigures, passagesById: ReadonlyMap<string, Passage>): Figure[] {
  const figures: Figure[] = [];
  for (const [passageId, list] of packed.passages) {
    const passage = passagesById.get(passageId);
    if (!passage) throw new Error(`prebuilt index: figures of an unknown passage ${passageId}`);
    for (const values of list) {
      const shape = packed.shapes[values[0] as number];
      if (!shape) throw new Error(`prebuilt index: a figure of ${passageId} has an unknown shape`);
      const figure: Record<string, unknown> = {};
      let next = 1;
      for (const key of shape) {
        if (key === 'passageId') figure.passageId = passageId;
        else if (key === 'docId') figure.docId = passage.docId;
        else {
          const value = values[next++];
          if (key === 'id') figure.id = `${passageId}~${value}`;
          else if (key === 'sentence' && Array.isArray(value))
            figure.sentence = passage.text.slice(value[0] as number, value[1] as number);
          else figure[key] = value;
        }
      }
      figures.push(figure as unknown as Figure);
    }
  }
  return figures;
}
