import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import type { DocumentMeta, Figure, Passage } from '../types.js';
import { analyzeWords, tokenize, type WordUnit } from './analyzer.js';
import type { Synonyms } from './synonyms.js';

/** What the passage index stores per passage. */
interface PassageRecord {
  id: string;
  text: string;
  title: string;
  labels: string;
}

/** What the figure index stores per figure. */
interface FigureRecord {
  id: string;
  label: string;
  sentence: string;
  text: string;
  title: string;
}

const identity = (term: string) => term;
const splitOnSpace = (text: string) => text.split(' ').filter((term) => term.length > 0);

/**
 * MiniSearch options for the passage index, shared by build and load (MiniSearch requires the same
 * options on both sides). Text is analysed once by {@link tokenize}: numbers canonicalised, stop
 * words dropped, words stemmed, compounds joined.
 */
export const PASSAGE_INDEX_OPTIONS: Options<PassageRecord> = {
  idField: 'id',
  fields: ['text', 'title', 'labels'],
  tokenize,
  processTerm: identity,
  searchOptions: { boost: { text: 1, title: 0.5, labels: 0.8 } },
};

/** MiniSearch options for the figure index, shared by build and load. */
export const FIGURE_INDEX_OPTIONS: Options<FigureRecord> = {
  idField: 'id',
  fields: ['label', 'sentence', 'text', 'title'],
  tokenize,
  processTerm: identity,
  searchOptions: { boost: { label: 3, sentence: 1, text: 1, title: 0.5 } },
};

/** A passage found for a query. */
export interface PassageHit {
  passageId: string;
  /** Relevance after re-ranking; comparable within one query only. */
  score: number;
  /** Share (0–1) of the query's words that the passage matched, directly, by typo or by synonym. */
  coverage: number;
  /** The query words the passage matched, as the user wrote them. */
  matchedWords: string[];
  /** Terms of the passage that matched (stemmed), for highlighting. */
  matchedTerms: string[];
}

/** A figure found for a topic. */
export interface FigureHit {
  figureId: string;
  score: number;
  coverage: number;
}

/** A query analysed once, ready to run against either index. */
export interface PlannedQuery {
  units: WordUnit[];
  query: Query;
}

/** The serialised form of a {@link SearchIndex}. */
export interface SearchIndexJSON {
  passages: AsPlainObject;
  figures: AsPlainObject;
}

/**
 * The two MiniSearch indexes of a knowledge base (passages and figures) and the query planning
 * around them: synonyms, typo tolerance only for words the vocabulary lacks, prefix matching for
 * autocomplete, and a re-ranking by how much of the question a passage covers.
 */
export class SearchIndex {
  private readonly vocabulary: Set<string>;

  private constructor(
    private readonly passageIndex: MiniSearch<PassageRecord>,
    private readonly figureIndex: MiniSearch<FigureRecord>,
    private readonly synonyms: Synonyms,
    vocabulary: Iterable<string>,
  ) {
    this.vocabulary = new Set(vocabulary);
  }

  /**
   * Indexes passages and figures. `documents` supply the titles, so that a name in a document's
   * title (a province, a company) pulls its passages up.
   */
  static build(documents: DocumentMeta[], passages: Passage[], figures: Figure[], synonyms: Synonyms): SearchIndex {
    const titles = new Map(documents.map((doc) => [doc.id, doc.title]));
    const labelsByPassage = new Map<string, string[]>();
    for (const figure of figures) {
      const labels = labelsByPassage.get(figure.passageId) ?? [];
      labels.push(figure.label);
      labelsByPassage.set(figure.passageId, labels);
    }
    // The vocabulary is collected while indexing, which costs nothing extra, instead of being read
    // back from a serialisation of the whole index.
    const vocabulary = new Set<string>();
    const collecting = (text: string) => {
      const terms = tokenize(text);
      for (const term of terms) vocabulary.add(term);
      return terms;
    };
    const passageIndex = new MiniSearch<PassageRecord>({ ...PASSAGE_INDEX_OPTIONS, tokenize: collecting });
    passageIndex.addAll(
      passages.map((passage) => ({
        id: passage.id,
        text: passage.text,
        title: titles.get(passage.docId) ?? '',
        labels: (labelsByPassage.get(passage.id) ?? []).join(' ; '),
      })),
    );
    const figureIndex = new MiniSearch<FigureRecord>(FIGURE_INDEX_OPTIONS);
    figureIndex.addAll(
      figures.map((figure) => ({
        id: figure.id,
        label: figure.label,
        sentence: figure.sentence,
        text: `${figure.text} ${figure.unit}`,
        title: titles.get(figure.docId) ?? '',
      })),
    );
    return new SearchIndex(passageIndex, figureIndex, synonyms, vocabulary);
  }

  /** Restores an index written by {@link SearchIndex.toJSON}. */
  static fromJSON(json: SearchIndexJSON, synonyms: Synonyms): SearchIndex {
    return new SearchIndex(
      MiniSearch.loadJS(json.passages, PASSAGE_INDEX_OPTIONS),
      MiniSearch.loadJS(json.figures, FIGURE_INDEX_OPTIONS),
      synonyms,
      vocabularyOf(json.passages),
    );
  }

  toJSON(): SearchIndexJSON {
    return { passages: this.passageIndex.toJSON(), figures: this.figureIndex.toJSON() };
  }

  /** True when the term (already analysed) occurs somewhere in the passages. */
  hasTerm(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * Analyses a question into a MiniSearch query: its terms (OR), typo tolerance for the terms the
   * vocabulary lacks (a known word is never "corrected" into another), synonyms at a lower weight,
   * and prefix matching on the last word when `prefixLast` (autocomplete).
   */
  plan(text: string, { prefixLast = false }: { prefixLast?: boolean } = {}): PlannedQuery {
    const units = analyzeWords(text);
    const terms = [...new Set(units.flatMap((unit) => unit.terms))];
    const lastTerms = new Set(units.at(-1)?.terms ?? []);
    const fuzzy = (term: string) => {
      if (this.vocabulary.has(term) || /^\p{N}/u.test(term)) return false;
      return term.length >= 7 ? 2 : term.length >= 4 ? 1 : false;
    };
    const prefix = (term: string) => prefixLast && lastTerms.has(term) && !/^\p{N}/u.test(term);
    const queries: Query[] = [{ queries: [terms.join(' ')], fuzzy, prefix }];
    const expansionTerms = [...new Set(this.synonyms.expand(units).flatMap((expansion) => expansion.terms))].filter(
      (term) => !terms.includes(term),
    );
    if (expansionTerms.length > 0) {
      queries.push({ queries: [expansionTerms.join(' ')], boostTerm: () => 0.6, fuzzy: false, prefix: false });
    }
    return { units, query: { combineWith: 'OR', queries, tokenize: splitOnSpace, processTerm: identity } };
  }

  /**
   * Finds the passages that best answer `text`, re-ranked so that a passage covering more of the
   * question's words beats one that repeats a single word.
   *
   * @example
   * index.searchPassages('How many high-tech enterprises?', { limit: 3 })[0].passageId // → 'guangdong…#p3.2'
   */
  searchPassages(text: string, { limit = 10, prefixLast = false } = {}): PassageHit[] {
    const planned = this.plan(text, { prefixLast });
    if (planned.units.length === 0) return [];
    const results = this.passageIndex.search(planned.query);
    return this.rerank(planned, results, limit).map((hit) => ({
      passageId: String(hit.result.id),
      score: hit.score,
      coverage: hit.coverage,
      matchedWords: hit.matchedWords,
      matchedTerms: hit.result.terms,
    }));
  }

  /** Finds figures whose label, sentence or value match `text`, best first. */
  searchFigures(text: string, { limit = 10, prefixLast = false } = {}): FigureHit[] {
    const planned = this.plan(text, { prefixLast });
    if (planned.units.length === 0) return [];
    const results = this.figureIndex.search(planned.query);
    return this.rerank(planned, results, limit).map((hit) => ({
      figureId: String(hit.result.id),
      score: hit.score,
      coverage: hit.coverage,
    }));
  }

  private rerank(planned: PlannedQuery, results: SearchResult[], limit: number) {
    const expansions = this.synonyms.expand(planned.units);
    // Re-ranking looks deeper than `limit` so that a well-covering passage with a lower BM25 score
    // can still rise, without scoring the whole result list.
    const pool = results.slice(0, Math.max(50, limit * 5));
    const ranked = pool.map((result) => {
      const matched = new Set(result.queryTerms);
      const covered = planned.units.map(
        (unit, index) =>
          unit.terms.some((term) => matched.has(term)) ||
          expansions.some((e) => e.triggeredBy.includes(index) && e.terms.some((term) => matched.has(term))),
      );
      const coverage = covered.filter(Boolean).length / planned.units.length;
      return {
        result,
        coverage,
        matchedWords: planned.units.filter((_, index) => covered[index]).map((unit) => unit.word),
        score: result.score * (0.25 + coverage) ** 2,
      };
    });
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit);
  }
}

/** The terms of a serialised MiniSearch index, without reloading it. */
function vocabularyOf(json: AsPlainObject): string[] {
  return json.index.map(([term]) => term);
}
