import { markdownBlocks, paragraphText } from '../document/markdown.js';
import type { Block, TableBlock, TableRow } from '../document/model.js';
import { splitSentences } from '../figures/sentences.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/** How large a passage may grow before a paragraph is split. */
export interface PassageLimits {
  /** A paragraph longer than this (in characters) is split into parts. */
  maxChars: number;
  /** The most sentences one part holds. */
  maxSentences: number;
}

export const DEFAULT_PASSAGE_LIMITS: PassageLimits = { maxChars: 320, maxSentences: 3 };

/**
 * The limits for a paragraph written in Chinese. Its sentences are short and carry their subject
 * only in the first ("《战国无双3》是……。本作……。"), so parts of three sentences lose what they
 * are about: on the CMRC development set, 3-sentence parts put the answer first for 85% of the
 * questions, whole paragraphs up to this size for 96% (first 600 questions, same ranking).
 */
export const CHINESE_PASSAGE_LIMITS: PassageLimits = { maxChars: 1000, maxSentences: 20 };

const HAN = /\p{Script=Han}/gu;
/** Whether a paragraph is mostly Chinese. */
const isChinese = (text: string) => (text.match(HAN)?.length ?? 0) > text.length / 3;

/**
 * Turns Markdown-ish body text into plain paragraphs: blank lines separate paragraphs, single line
 * breaks inside one are folded into spaces, and light Markdown markup (`#` headings, `*emphasis*`,
 * `[links](url)`, list bullets) is removed so that quotes read cleanly in a chat message.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((block) => paragraphText(block.split('\n')))
    .filter((text) => text.length > 0);
}

/**
 * Groups sentences greedily into parts of at most `limits.maxChars` characters and
 * `limits.maxSentences` sentences; a single sentence longer than the budget stays whole
 * (a passage never ends mid-sentence).
 */
function groupSentences(sentences: string[], limits: PassageLimits, joiner = ' '): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed.length === 0) continue;
    if (
      current.length > 0 &&
      (length + trimmed.length > limits.maxChars || current.length >= limits.maxSentences)
    ) {
      parts.push(current.join(joiner));
      current = [];
      length = 0;
    }
    current.push(trimmed);
    length += trimmed.length + 1;
  }
  if (current.length > 0) parts.push(current.join(joiner));
  return parts;
}

/** The text of one table row: `Group, Label — 2019: 196.9; 2018: 184.6 ($ million)`. */
export function tableRowText(table: TableBlock, row: TableRow): string {
  const filled = row.cells
    .map((cell, i) => ({ cell, column: table.columns[i] ?? `column ${i + 2}`, unit: table.units[i] }))
    .filter((entry) => entry.cell !== '');
  const units = new Set(filled.map((entry) => entry.unit));
  const shared = units.size === 1 ? [...units][0] : undefined;
  const values = filled
    .map(({ cell, column, unit }) => {
      const own = unit && !shared && !cell.includes(unit) ? ` (${unit})` : '';
      return `${column}: ${cell}${own}`;
    })
    .join('; ');
  const label = row.group ? `${row.group}, ${row.label}` : row.label;
  const allPercent = filled.every((entry) => /%|pts?$/.test(entry.cell));
  const tail =
    shared && !allPercent && !filled.every((entry) => entry.cell.endsWith(shared)) ? ` (${shared})` : '';
  return `${label} — ${values}${/^ \([a-z]/i.test(tail) ? tail.replace(' (', ' (in ') : tail}`;
}

/**
 * A whole table in one line: `2023 | 2022 ($ million) — Americas: 196.9 | 184.6; Europe: 11.5 | 5.1`.
 */
export function compactTableText(table: TableBlock): string {
  const units = new Set(table.units.filter(Boolean));
  const unit = units.size === 1 ? ` (${[...units][0]})` : '';
  const rows = table.rows.map((row) => {
    const label = row.group ? `${row.group}, ${row.label}` : row.label;
    return `${label}: ${row.cells.map((cell) => cell || '–').join(' | ')}`;
  });
  return `${table.columns.join(' | ')}${unit} — ${rows.join('; ')}`;
}

/** The blocks of a document: its model when a loader made one, else its body read as Markdown. */
export function blocksOf(document: KnowledgeDocument): Block[] {
  return document.blocks ?? markdownBlocks(document.body);
}

/** A passage with the table row it was made from, for figures from the row's cells. */
export interface RowPassage {
  passage: Passage;
  table: TableBlock;
  row: TableRow;
}

/**
 * Passages of a document and, for table rows, the table and row each came from. Headings and
 * paragraphs are numbered ¶1, ¶2, … in reading order (a table takes one number); a long paragraph
 * is split at sentence boundaries into parts (`doc#p3.2`), a table into one passage per row
 * (`doc#p4.r1`). Each passage carries the heading it stands under and its page.
 */
export function documentPassages(
  document: KnowledgeDocument,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): { passages: Passage[]; rows: RowPassage[] } {
  const passages: Passage[] = [];
  const rows: RowPassage[] = [];
  let section: string | undefined;
  blocksOf(document).forEach((block, index) => {
    const paragraph = index + 1;
    const place = (passage: Passage, blockSection = section): Passage => {
      if (blockSection) passage.section = blockSection;
      if (block.page !== undefined) passage.page = block.page;
      passages.push(passage);
      return passage;
    };
    if (block.kind === 'table') {
      const tableSection = block.caption ?? section;
      // The whole table as one compact passage too, for questions that span its rows.
      place(
        {
          id: `${document.id}#p${paragraph}`,
          docId: document.id,
          paragraph,
          part: 0,
          text: compactTableText(block),
          kind: 'table',
        },
        tableSection,
      );
      block.rows.forEach((row, r) => {
        const passage = place(
          {
            id: `${document.id}#p${paragraph}.r${r + 1}`,
            docId: document.id,
            paragraph,
            part: r + 1,
            text: tableRowText(block, row),
            kind: 'table-row',
          },
          tableSection,
        );
        rows.push({ passage, table: block, row });
      });
      return;
    }
    if (block.kind === 'heading') {
      section = block.text;
      place(
        { id: `${document.id}#p${paragraph}`, docId: document.id, paragraph, part: 1, text: block.text },
        undefined,
      );
      return;
    }
    const chinese = isChinese(block.text);
    const own = chinese && limits === DEFAULT_PASSAGE_LIMITS ? CHINESE_PASSAGE_LIMITS : limits;
    const parts =
      block.text.length > own.maxChars
        ? groupSentences(
            splitSentences(block.text).map((sentence) => sentence.text),
            own,
            chinese ? '' : ' ',
          )
        : [block.text];
    parts.forEach((text, partIndex) => {
      const part = partIndex + 1;
      const id = parts.length === 1 ? `${document.id}#p${paragraph}` : `${document.id}#p${paragraph}.${part}`;
      place({ id, docId: document.id, paragraph, part, text });
    });
  });
  return { passages, rows };
}

const isTablePassage = (passage: Passage | undefined) =>
  passage?.kind === 'table' || passage?.kind === 'table-row';

/**
 * The tables among passages in reading order, by the passage that introduces each: the last part
 * of the paragraph, or the heading, that stands directly above the table in the same document
 * ("The components of inventories are as follows:"). Maps the lead-in's id to the table's.
 *
 * @example
 * tableLeadIns(splitPassages(doc)) // → Map { 'report#p2' => 'report#p3' } for a table in ¶3
 */
export function tableLeadIns(passages: Iterable<Passage>): Map<string, string> {
  const leadIns = new Map<string, string>();
  let previous: Passage | undefined;
  for (const passage of passages) {
    if (
      passage.kind === 'table' &&
      previous &&
      !isTablePassage(previous) &&
      previous.docId === passage.docId &&
      previous.paragraph === passage.paragraph - 1
    )
      leadIns.set(previous.id, passage.id);
    previous = passage;
  }
  return leadIns;
}

/**
 * Splits a document into passages: one per paragraph or heading, several when a paragraph is
 * longer than `limits.maxChars` (cut at sentence boundaries), one per table row. Ids are stable
 * for the same text: `doc#p3` for an unsplit paragraph, `doc#p3.2` for the second part of a split
 * one, `doc#p4.r1` for the first row of a table.
 *
 * @example
 * splitPassages(doc).map((p) => p.id) // → ['guangdong#p1', 'guangdong#p2', 'guangdong#p3.1', 'guangdong#p3.2', ...]
 */
export function splitPassages(
  document: KnowledgeDocument,
  limits: PassageLimits = DEFAULT_PASSAGE_LIMITS,
): Passage[] {
  return documentPassages(document, limits).passages;
}
