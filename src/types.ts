/**
 * The shapes the core passes around. Nothing here knows about Discord or the terminal.
 */

import type { Block } from './document/model.js';

/** Metadata of one document in the knowledge folder. */
export interface DocumentMeta {
  /** Stable slug, from the file name without extension (`guangdong-first-conference-of-spring-2024`). */
  id: string;
  title: string;
  /** Publisher or wire service, e.g. `PR Newswire`. */
  source?: string;
  url?: string;
  /** Publication date as `YYYY-MM-DD`. */
  published?: string;
  language?: string;
  tags: string[];
  /** Path of the file relative to the knowledge folder. */
  file: string;
}

/** A loaded document: its metadata and its body text (front matter removed). */
export interface KnowledgeDocument extends DocumentMeta {
  body: string;
  /**
   * The document's headings, paragraphs and tables, for formats read into the document model
   * (PDF, Word, HTML, CSV). Without it the body is read as Markdown.
   */
  blocks?: Block[];
}

/** A passage: one paragraph, or a few sentences of a long paragraph. The unit of search and citation. */
export interface Passage {
  /** `docId#p<paragraph>` or `docId#p<paragraph>.<part>` when the paragraph was split. Stable across builds. */
  id: string;
  docId: string;
  /** 1-based paragraph number within the document body, for "¶3" citations. */
  paragraph: number;
  /** 1-based part within the paragraph (1 when the paragraph was not split). */
  part: number;
  text: string;
  /**
   * `table-row` for one row of a table (its text reads `label — column: value; …`), `table` for a
   * whole table in one compact line; text otherwise.
   */
  kind?: 'text' | 'table' | 'table-row';
  /** The heading the passage stands under (or the table's caption), when there is one. */
  section?: string;
  /** The page the passage starts on, for formats with pages (PDF). */
  page?: number;
}

/** What kind of number a figure is. */
export type FigureKind = 'amount' | 'count' | 'percent' | 'streak' | 'rank' | 'multiple' | 'date' | 'year';

/**
 * What a figure is in its sentence: the value it reports (`current`), an earlier period's value
 * (`previous`: "up from $1.11 billion", "(2018: $2.0 million)"), a value it is compared with
 * (`comparison`: "versus"), a change ("an increase of 5,200", "up 12%"), a part of a whole ("of
 * which"), or a target.
 */
export type FigureRole = 'current' | 'previous' | 'change' | 'comparison' | 'part' | 'target';

/** A figure found in a passage, with what it measures. */
export interface Figure {
  /** `passageId~n`, n the 0-based index of the figure within its passage. */
  id: string;
  kind: FigureKind;
  /**
   * The figure exactly as the source writes it, without qualifier, with its currency or unit of
   * measure: `13 trillion yuan`, `75,000`, `35 consecutive years`, `24.6 million TEU`, `13万亿元`.
   */
  text: string;
  /** Normalised value: `13 trillion yuan` → 13000000000000, `75th` → 75, `18.4 percent` → 18.4. Dates: YYYYMMDD (or YYYYMM00). */
  value: number;
  /** `yuan`, `USD`, `percent`, `years`, `enterprises`, `times`, `date`, ... */
  unit: string;
  /** `more than`, `over`, `about`, ... when the source qualifies the number. */
  qualifier?: string;
  /** A short phrase saying what the figure measures: `regional GDP`, `high-tech enterprises`. */
  label: string;
  /** The sentence the figure stands in. */
  sentence: string;
  /** For amounts, counts, percents and multiples: the figure's role in its sentence. */
  role?: FigureRole;
  /**
   * The period the figure belongs to, read from its sentence and normalised: `2024-Q3`, `Q3`,
   * `2024-H1`, `FY2024`, `2023/24`, `2024-11`, `2024` (see `src/figures/periods.ts`).
   */
  period?: string;
  /** For a range (`10–15%`, `between 3 and 5 million`): the high end; `value` is the low end. */
  high?: number;
  passageId: string;
  docId: string;
}

/** One problem found while loading the knowledge folder. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the knowledge folder. */
  file: string;
  /** The field at fault (`title`, `published`, `front matter`, `body`, `encoding`, `id`). */
  field: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** A citation for a passage. */
export interface Citation {
  docId: string;
  title: string;
  source?: string;
  published?: string;
  url?: string;
  paragraph: number;
  /** The last paragraph the quote spans, when it spans more than one (a lead-in and its table: ¶3–4). */
  lastParagraph?: number;
  /** The page, for formats with pages (cited `p. 3`). */
  page?: number;
  /** The section heading the passage stands under. */
  section?: string;
}

/** The outcome of a (re)load of the knowledge folder: counts, and the problems found. */
export interface LoadReport {
  ok: boolean;
  documents: number;
  passages: number;
  figures: number;
  problems: string[];
}
