import type { Block } from './model.js';
import { normaliseText } from './normalise.js';
import { tableFromGrid, unitInText } from './table.js';

/** `| --- | :---: |`: the line under a pipe table's header row. */
const SEPARATOR_LINE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const PIPE_LINE = /^\s*\|.*\|\s*$/;

/** The cells of one pipe-table line; `\|` is a literal bar inside a cell. */
function pipeCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => stripInline(cell.replace(/\\\|/g, '|')).trim());
}

/** Removes light inline Markdown (`**bold**`, `*emphasis*`, `[links](url)`) so quotes read cleanly. */
export function stripInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** One block of lines as a paragraph: line breaks folded, headings marks, bullets and quotes removed. */
export function paragraphText(lines: string[]): string {
  return stripInline(
    lines
      .map((line) =>
        line
          .replace(/^\s{0,3}#{1,6}\s+/, '')
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
          .replace(/^\s*>\s?/, '')
          .trim(),
      )
      .filter((line) => line.length > 0)
      .join(' '),
  );
}

/** Splits the lines of one blank-line-separated block into its text runs and its pipe tables. */
function blocksOfChunk(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let text: string[] = [];
  const flushText = () => {
    if (text.length === 0) return;
    const only = text.length === 1 ? /^\s{0,3}(#{1,6})\s+(.*)$/.exec(text[0] ?? '') : null;
    const folded = paragraphText(text);
    if (only && folded) blocks.push({ kind: 'heading', level: only[1]?.length ?? 1, text: folded });
    else if (folded) blocks.push({ kind: 'paragraph', text: folded });
    text = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (PIPE_LINE.test(line) && SEPARATOR_LINE.test(lines[i + 1] ?? '')) {
      let end = i + 2;
      while (end < lines.length && PIPE_LINE.test(lines[end] ?? '')) end++;
      const grid = [pipeCells(line), ...lines.slice(i + 2, end).map(pipeCells)];
      const table = tableFromGrid(grid, { headerRows: 1 });
      if (table) {
        flushText();
        blocks.push(table);
        i = end - 1;
        continue;
      }
    }
    text.push(line);
  }
  flushText();
  return blocks;
}

/**
 * Reads Markdown (or plain text) into blocks: blank lines separate blocks, a block that is one
 * `#` line is a heading, pipe tables (`| a | b |` over `| --- | --- |`) are tables, the rest are
 * paragraphs with line breaks folded and light markup removed.
 *
 * @example
 * markdownBlocks('# Results\n\nRevenue rose.\n\n| | 2019 |\n| --- | --- |\n| Americas | 196.9 |')
 * // → [{ kind: 'heading', level: 1, text: 'Results' }, { kind: 'paragraph', text: 'Revenue rose.' },
 * //    { kind: 'table', columns: ['2019'], rows: [{ label: 'Americas', cells: ['196.9'] }], … }]
 */
export function markdownBlocks(body: string): Block[] {
  const blocks = normaliseText(body)
    .split(/\n[ \t]*\n+/)
    .flatMap((chunk) => blocksOfChunk(chunk.split('\n')));
  return withIntroducedUnits(blocks);
}

/**
 * A table whose columns name no unit takes the one the paragraph introducing it gives
 * ("… in the following table (in millions, except percentages):").
 */
export function withIntroducedUnits(blocks: Block[]): Block[] {
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (block.kind !== 'table' || before?.kind !== 'paragraph') return;
    if (!/:\s*$|\btable\b/i.test(before.text)) return;
    const unit = unitInText(before.text);
    if (unit) block.units = block.units.map((own) => own ?? unit);
  });
  return blocks;
}
