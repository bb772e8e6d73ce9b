/**
 * The document model every format loads into: headings, paragraphs and tables, in reading order,
 * each with the page it stands on where the format has pages. Passages, figures and citations are
 * made from this model, whatever the file's format.
 */

/** A heading (`level` 1 is the document's top heading). */
export interface HeadingBlock {
  kind: 'heading';
  level: number;
  text: string;
  page?: number;
}

/** A paragraph of running text, already folded onto one line. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  page?: number;
}

/** One body row of a table: its label (first column) and one cell per value column. */
export interface TableRow {
  /** The row label as written; empty for an unlabelled row (often a total). */
  label: string;
  /** A label row with no values above this row, e.g. `Non-current assets` over `Americas`. */
  group?: string;
  /** One cell per entry of {@link TableBlock.columns}, as written (`196.9`, `(3.4)`, `—`). */
  cells: string[];
}

/** A table: column headers (the label column excluded), a unit per column, and labelled rows. */
export interface TableBlock {
  kind: 'table';
  caption?: string;
  /** The header of the label column, if it has one (`Region`). */
  labelHeader?: string;
  /** The header of each value column, header rows joined (`2019`, `Revenue 2019`). */
  columns: string[];
  /** The unit each column's header or the caption gives (`$ million`, `%`), if any. */
  units: Array<string | undefined>;
  rows: TableRow[];
  page?: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

/** What a loader produces for one file, before front matter or a sidecar override its metadata. */
export interface LoadedContent {
  blocks: Block[];
  /** Metadata the format itself carries (PDF info, DOCX core properties, HTML head). */
  meta: {
    title?: string;
    published?: string;
    url?: string;
    source?: string;
    language?: string;
  };
}
