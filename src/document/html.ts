import type { Block } from './model.js';
import { foldSpaces } from './normalise.js';
import { tableFromGrid } from './table.js';

/** The few DOM members read here, so that any DOM (linkedom's) fits. */
export interface ElementLike {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<ElementLike>;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getAttribute(name: string): string | null;
}

const HEADING = /^H([1-6])$/;
const PARAGRAPHS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'FIGCAPTION', 'ADDRESS']);
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'SVG',
  'FORM',
  'BUTTON',
  'IFRAME',
]);
const CONTAINERS_OF_BLOCKS =
  /^(?:P|H[1-6]|UL|OL|LI|TABLE|DIV|SECTION|ARTICLE|BLOCKQUOTE|PRE|DL|FIGURE|HEADER|FOOTER|MAIN|ASIDE)$/;

const childrenOf = (element: ElementLike): ElementLike[] => Array.from(element.children);

/** Rows of a table element (thead, tbody, tfoot or direct), each a list of cells with their colspan. */
function tableBlock(table: ElementLike): Block | undefined {
  const rows: ElementLike[] = [];
  let headerRows = 0;
  let inHeader = true;
  const visit = (element: ElementLike, section?: string) => {
    for (const child of childrenOf(element)) {
      if (child.tagName === 'TR') {
        const cells = childrenOf(child).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
        const allHeaders = cells.length > 0 && cells.every((c) => c.tagName === 'TH');
        if (inHeader && (section === 'THEAD' || allHeaders)) headerRows++;
        else inHeader = false;
        rows.push(child);
      } else if (['THEAD', 'TBODY', 'TFOOT'].includes(child.tagName)) visit(child, child.tagName);
    }
  };
  visit(table);
  const grid = rows.map((row, r) =>
    childrenOf(row)
      .filter((c) => c.tagName === 'TD' || c.tagName === 'TH')
      .flatMap((cell) => {
        const span = Math.max(1, Math.min(50, Number(cell.getAttribute('colspan') ?? 1) || 1));
        const text = foldSpaces(cell.textContent ?? '');
        // A header spanning columns heads each of them; a body cell spanning columns fills the first.
        return Array.from({ length: span }, (_, i) => (i === 0 || r < headerRows ? text : ''));
      }),
  );
  const caption = childrenOf(table).find((c) => c.tagName === 'CAPTION')?.textContent ?? undefined;
  return tableFromGrid(grid, { headerRows: Math.max(headerRows, 1), ...(caption ? { caption } : {}) });
}

/**
 * Walks an HTML element in reading order into blocks: `h1`–`h6` headings, paragraphs (`p`, `li`,
 * text directly inside a `div`), and tables with their header rows and caption. Scripts, styles,
 * navigation and forms are skipped.
 */
export function htmlBlocks(root: ElementLike): Block[] {
  const blocks: Block[] = [];
  const walk = (element: ElementLike) => {
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    const heading = HEADING.exec(tag);
    if (heading) {
      const text = foldSpaces(element.textContent ?? '');
      if (text) blocks.push({ kind: 'heading', level: Number(heading[1]), text });
      return;
    }
    if (tag === 'TABLE') {
      const table = tableBlock(element);
      if (table) blocks.push(table);
      return;
    }
    const children = childrenOf(element);
    const hasBlockChildren = children.some((child) => CONTAINERS_OF_BLOCKS.test(child.tagName.toUpperCase()));
    if (PARAGRAPHS.has(tag) && !hasBlockChildren) {
      const text = foldSpaces(element.textContent ?? '');
      if (text) blocks.push({ kind: 'paragraph', text });
      return;
    }
    if (!hasBlockChildren) {
      const text = foldSpaces(element.textContent ?? '');
      if (text && tag !== 'CAPTION') blocks.push({ kind: 'paragraph', text });
      return;
    }
    // Text lying directly in a container beside block children is a paragraph of its own.
    let loose = '';
    const flushLoose = () => {
      const text = foldSpaces(loose);
      if (text) blocks.push({ kind: 'paragraph', text });
      loose = '';
    };
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType === 3) loose += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as unknown as ElementLike;
        if (
          CONTAINERS_OF_BLOCKS.test(child.tagName.toUpperCase()) ||
          SKIPPED.has(child.tagName.toUpperCase())
        ) {
          flushLoose();
          walk(child);
        } else loose += child.textContent ?? '';
      }
    }
    flushLoose();
  };
  walk(root);
  return blocks;
}
