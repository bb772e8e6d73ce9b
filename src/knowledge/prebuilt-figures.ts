import type { Figure, Passage } from '../types.js';

/**
 * A figure as the prebuilt index stores it: without what its passage already says (its id,
 * passage and document ids), and its sentence as a span of the passage's text when it is one.
 * At 10k passages this is 4 of the bundle's 19 MB that a load no longer reads and parses.
 */
export type PackedFigure = Omit<Figure, 'id' | 'passageId' | 'docId' | 'sentence'> & {
  /** The number after `~` in the figure's id. */
  n: number;
  sentence: string | [start: number, end: number];
};

/** The figures of one passage: its id, then its figures. */
export type PackedFigures = [passageId: string, figures: PackedFigure[]][];

/**
 * Every field of a figure, which {@link unpackFigures} copies one by one: a field added to
 * `Figure` fails to compile here until unpacking copies it too.
 */
export const FIGURE_FIELDS: Readonly<Record<keyof Figure, true>> = {
  id: true,
  kind: true,
  text: true,
  value: true,
  unit: true,
  qualifier: true,
  label: true,
  sentence: true,
  role: true,
  period: true,
  high: true,
  passageId: true,
  docId: true,
};

/** Packs figures for the prebuilt index (see {@link unpackFigures}). */
export function packFigures(
  figures: readonly Figure[],
  passagesById: ReadonlyMap<string, Passage>,
): PackedFigures {
  const packed = new Map<string, PackedFigure[]>();
  for (const figure of figures) {
    const { id, passageId, docId: _docId, sentence, ...rest } = figure;
    const text = passagesById.get(passageId)?.text ?? '';
    const start = text.indexOf(sentence);
    const list = packed.get(passageId) ?? [];
    list.push({
      ...rest,
      n: Number(id.slice(id.lastIndexOf('~') + 1)),
      sentence: start >= 0 ? [start, start + sentence.length] : sentence,
    });
    packed.set(passageId, list);
  }
  return [...packed];
}

/**
 * The figures {@link packFigures} packed, as they were, in the same order.
 *
 * @throws {Error} when a figure's passage is not among the passages (a bundle that is not whole).
 */
export function unpackFigures(packed: PackedFigures, passagesById: ReadonlyMap<string, Passage>): Figure[] {
  const figures: Figure[] = [];
  for (const [passageId, list] of packed) {
    const passage = passagesById.get(passageId);
    if (!passage) throw new Error(`prebuilt index: figures of an unknown passage ${passageId}`);
    for (const packedFigure of list) {
      // Field by field, not by spreading: 20k figures at 10k passages, and a spread costs a load
      // a third of its figures' time.
      const { n, sentence, kind, text, value, unit, qualifier, label, role, period, high } = packedFigure;
      const figure: Figure = {
        id: `${passageId}~${n}`,
        kind,
        text,
        value,
        unit,
        label,
        sentence: typeof sentence === 'string' ? sentence : passage.text.slice(sentence[0], sentence[1]),
        passageId,
        docId: passage.docId,
      };
      if (qualifier !== undefined) figure.qualifier = qualifier;
      if (role !== undefined) figure.role = role;
      if (period !== undefined) figure.period = period;
      if (high !== undefined) figure.high = high;
      figures.push(figure);
    }
  }
  return figures;
}
