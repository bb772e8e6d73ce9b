import { getDocumentProxy, getMeta } from 'unpdf';
import type { Block, LoadedContent } from '../../document/model.js';
import { foldSpaces } from '../../document/normalise.js';
import { isNumericCell, tableFromGrid } from '../../document/table.js';

/** A PDF whose pages hold no text (a scan). */
export class NoTextLayerError extends Error {
  override name = 'NoTextLayerError';
}

/** One text run placed on a page. */
interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** One visual line: runs at the same height, left to right, with cells where runs are far apart. */
interface Line {
  page: number;
  y: number;
  size: number;
  text: string;
  /** Runs merged where they touch; more than one means a gap wide enough to separate table cells. */
  cells: Array<{ text: string; x: number; right: number }>;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

function linesOfPage(items: TextItemLike[], page: number): Line[] {
  const runs: Run[] = [];
  for (const item of items) {
    const text = item.str ?? '';
    if (!text.trim() || !item.transform) continue;
    const size = Math.abs(item.transform[3] ?? item.height ?? 10) || 10;
    const x = item.transform[4] ?? 0;
    runs.push({ text, x, right: x + (item.width ?? 0), y: item.transform[5] ?? 0, size });
  }
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: Run[] = [];
  const flush = () => {
    if (current.length === 0) return;
    current.sort((a, b) => a.x - b.x);
    const size = Math.max(...current.map((run) => run.size));
    const cells: Line['cells'] = [];
    for (const run of current) {
      const last = cells[cells.length - 1];
      // Runs closer than two spaces belong to one cell (a word split by kerning, a bold word).
      if (last && run.x - last.right < size * 1.2) {
        last.text += run.x - last.right > size * 0.15 ? ` ${run.text}` : run.text;
        last.right = run.right;
      } else cells.push({ text: run.text, x: run.x, right: run.right });
    }
    for (const cell of cells) cell.text = foldSpaces(cell.text);
    lines.push({ page, y: current[0]?.y ?? 0, size, text: cells.map((c) => c.text).join(' '), cells });
    current = [];
  };
  for (const run of runs) {
    if (current.length > 0 && Math.abs((current[0]?.y ?? 0) - run.y) > run.size * 0.4) flush();
    current.push(run);
  }
  flush();
  return lines;
}

/** `Page 3`, `3`, `3 / 10`, `- 3 -`: a page number standing alone. */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*(?:(?:\/|of)\s*\d{1,4})?\s*[-–—]?$/i;

/**
 * Drops running headers and footers: the first and last lines of each page that repeat (digits
 * ignored) on at least half the pages, and page numbers standing alone at the top or bottom.
 */
function dropRunningLines(pages: Line[][]): Line[][] {
  const shape = (line: Line) => line.text.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[1], lines[lines.length - 2], lines[lines.length - 1]]);
    for (const line of edges) if (line) counts.set(shape(line), (counts.get(shape(line)) ?? 0) + 1);
  }
  const repeated = (line: Line) =>
    pages.length >= 2 && (counts.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const atEdge = i < 2 || i >= lines.length - 2;
      return !(atEdge && (repeated(line) || PAGE_NUMBER.test(line.text)));
    }),
  );
}

/** Joins the lines of one paragraph: a word hyphenated at a line end is joined (`con-` + `tainer`). */
function joinLines(lines: Line[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line.text;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else text += ` ${line.text}`;
  }
  return foldSpaces(text);
}

/** Reads consecutive lines of several cells, numbers at their ends, as a table (the line above as its header). */
function tableOfLines(lines: Line[]): Block | undefined {
  const anchor = lines.reduce((best, line) => (line.cells.length > best.cells.length ? line : best));
  const centres = anchor.cells.map((cell) => cell.right);
  const grid = lines.map((line) => {
    const row = new Array<string>(centres.length).fill('');
    line.cells.forEach((cell, i) => {
      if (i === 0 && cell.x <= (anchor.cells[1]?.x ?? Number.POSITIVE_INFINITY)) {
        row[0] = cell.text;
        return;
      }
      let best = 1;
      centres.forEach((right, c) => {
        if (c > 0 && Math.abs(right - cell.right) < Math.abs((centres[best] ?? 0) - cell.right)) best = c;
      });
      row[best] = row[best] ? `${row[best]} ${cell.text}` : cell.text;
    });
    return row;
  });
  return tableFromGrid(grid, { headerRows: 1 });
}

const isRowLine = (line: Line) =>
  line.cells.length >= 2 && line.cells.slice(1).every((cell) => isNumericCell(cell.text) || cell.text === '');
const isHeaderLine = (line: Line, next: Line | undefined) =>
  next !== undefined && isRowLine(next) && line.cells.length >= 2 && !isRowLine(line);

/**
 * Rebuilds blocks from a page's lines: a vertical gap wider than a line or a change of type size
 * ends a paragraph; a short line in larger type is a heading; runs of lines whose cells are
 * numbers are tables.
 */
function blocksOfPage(lines: Line[], bodySize: number, page: number): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: joinLines(paragraph), page });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1];
    if (isHeaderLine(line, next) || isRowLine(line)) {
      let end = i + 1;
      while (end < lines.length && isRowLine(lines[end] as Line)) end++;
      if (end - i >= 2) {
        const table = tableOfLines(lines.slice(i, end));
        if (table) {
          flush();
          blocks.push({ ...table, page });
          i = end - 1;
          continue;
        }
      }
    }
    if (line.size > bodySize * 1.15 && line.text.length < 120) {
      flush();
      const level = line.size > bodySize * 1.6 ? 1 : line.size > bodySize * 1.3 ? 2 : 3;
      const previous = blocks[blocks.length - 1];
      // A heading set on two lines is one heading.
      if (
        previous?.kind === 'heading' &&
        previous.level === level &&
        i > 0 &&
        lines[i - 1]?.size === line.size
      )
        previous.text = `${previous.text} ${line.text}`;
      else blocks.push({ kind: 'heading', level, text: line.text, page });
      continue;
    }
    const last = paragraph[paragraph.length - 1];
    if (last && (last.y - line.y > last.size * 1.9 || Math.abs(last.size - line.size) > 0.5)) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** `D:20240220103000Z` (a PDF date) → `2024-02-20`. */
function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * Reads a PDF's text layer into blocks, with the page of each, and its title and date from the
 * document information.
 *
 * @throws {NoTextLayerError} when no page has text (a scan without OCR).
 */
export async function loadPdf(bytes: Uint8Array): Promise<LoadedContent> {
  // Verbosity 0: pdf.js would print its warnings ("Indexing all PDF objects") on standard output.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOfPage(content.items as TextItemLike[], n));
      page.cleanup();
    }
    if (pages.every((lines) => lines.length === 0)) throw new NoTextLayerError('no text layer');
    const kept = dropRunningLines(pages);
    const sizes = kept.flat().map((line) => Math.round(line.size * 2) / 2);
    const tally = new Map<number, number>();
    for (const size of sizes) tally.set(size, (tally.get(size) ?? 0) + 1);
    const bodySize = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
    const blocks = kept.flatMap((lines, i) => blocksOfPage(lines, bodySize, i + 1));
    const { info } = (await getMeta(pdf)) as { info: Record<string, unknown> };
    const meta: LoadedContent['meta'] = {};
    const title = typeof info.Title === 'string' ? foldSpaces(info.Title) : '';
    if (title) meta.title = title;
    const published = pdfDate(info.CreationDate);
    if (published) meta.published = published;
    return { blocks, meta };
  } finally {
    await pdf.destroy();
  }
}
