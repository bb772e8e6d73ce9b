import type { KnowledgeBase } from '../knowledge-base.js';
import { tableLeadIns } from '../text/passages.js';
import type { Passage } from '../types.js';

/** What an answer quotes for one passage. */
export interface Quote {
  /** The text quoted: the passage's, followed by the table it introduces when it is a table's lead-in. */
  text: string;
  /**
   * The passages the quote holds, the passage itself first: for a lead-in, also its table and the
   * table's rows, whose figures are the quote's figures.
   */
  sources: string[];
  /** The paragraph the quote ends in, when it is not the passage's own (the table a lead-in introduces). */
  lastParagraph?: number;
}

/** The table each lead-in introduces, with its rows (`doc#p4.r1`, …), read once per knowledge base. */
function introducedTables(kb: KnowledgeBase): ReadonlyMap<string, { table: Passage; rows: string[] }> {
  return kb.memo.get('table-lead-ins', () => {
    const introduced = new Map<string, { table: Passage; rows: string[] }>();
    for (const [leadIn, tableId] of tableLeadIns(kb.passages)) {
      const table = kb.passagesById.get(tableId);
      if (!table) continue;
      const rows: string[] = [];
      while (kb.passagesById.has(`${tableId}.r${rows.length + 1}`))
        rows.push(`${tableId}.r${rows.length + 1}`);
      introduced.set(leadIn, { table, rows });
    }
    return introduced;
  });
}

/**
 * What an answer quotes for a passage. The paragraph (or heading) that stands right above a
 * table is quoted with the table: "The components of inventories are as follows:" answers
 * nothing by itself, and the figures it introduces are in the table. Any other passage is
 * quoted as it is.
 *
 * @example
 * quoteOf(kb, kb.passagesById.get('report#p2')).text
 * // → 'Revenue by region was as follows:\nregion | 2024 — Americas: 196.9; …'
 */
export function quoteOf(kb: KnowledgeBase, passage: Passage): Quote {
  const introduced = introducedTables(kb).get(passage.id);
  if (!introduced) return ownQuote(passage);
  return {
    text: `${passage.text}\n${introduced.table.text}`,
    sources: [passage.id, introduced.table.id, ...introduced.rows],
    lastParagraph: introduced.table.paragraph,
  };
}

/** The passage alone, as a quote: for a lead-in whose table the answer already quotes. */
export function ownQuote(passage: Passage): Quote {
  return { text: passage.text, sources: [passage.id] };
}
