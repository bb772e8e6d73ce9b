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
 * options on both sides). Fields reach MiniSearch already analysed by {@link tokenize} (numbers
 * canonicalised, stop words dropped, words stemmed, compounds joined) and joined by spaces, so
 * each text is analysed once and the terms are counted on the way.
 */
export const PASSAGE_INDEX_OPTIONS: Options<PassageRecord> = {
  idField: 'id',
  fields: ['text', 'title', 'labels'],
  tokenize: splitOnSpace,
  processTerm: identity,
  searchOptions: { boost: { text: 1, title: 0.5, labels: 0.8 } },
};

/** MiniSearch options for the figure index, shared by build and load. */
export const FIGURE_INDEX_OPTIONS: Options<FigureRecord> = {
  idField: 'id',
  fields: ['label', 'sentence', 'text', 'title'],
  tokenize: splitOnSpace,
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
  /** ln(1 + N / 0.5): the weight of a word no passage contains. */
  private readonly unknownWeight: number;

  private constructor(
    private readonly passageIndex: MiniSearch<PassageRecord>,
    private readonly figureIndex: MiniSearch<FigureRecord>,
    private readonly synonyms: Synonyms,
    /** Document frequency of every term of the passages: in how many passages it occurs. */
    private readonly vocabulary: Map<string, number>,
    /** Score factor per document id, from {@link recencyBoosts}. */
    private readonly recency: Map<string, number>,
    /** The analysed terms of each document's title, by document id. */
    private readonly titleTerms: Map<string, Set<string>>,
  ) {
    this.unknownWeight = Math.log(1 + passageIndex.documentCount / 0.5);
    const titleDf = new Map<string, number>();
    for (const terms of titleTerms.values()) for (const term of terms) titleDf.set(term, (titleDf.get(term) ?? 0) + 1);
    this.titleDf = titleDf;
  }

  /** In how many document titles each term occurs. */
  private readonly titleDf: Map<string, number>;

  /**
   * The question's words that name a document: words of one title or of a few (a province, a
   * company, a university), not numbers. A passage from a document whose title has none of them
   * is unlikely to be the one asked about, however well it matches the other words.
   */
  private selectorsOf(units: WordUnit[]): WordUnit[] {
    const few = Math.max(2, Math.floor(this.titleTerms.size / 4));
    return units.filter((unit) =>
      unit.terms.some((term) => {
        const df = this.titleDf.get(term) ?? 0;
        return df > 0 && df <= few && df < this.titleTerms.size && !/^\p{N}/u.test(term);
      }),
    );
  }

  /**
   * How much a term tells: its inverse document frequency over the passages. A word that no
   * passage contains weighs most, so a question about something absent (a country, a product)
   * is not taken as answered by a passage matching only its generic words.
   */
  weightOf(term: string): number {
    const df = this.vocabulary.get(term) ?? 0;
    return df === 0 ? this.unknownWeight : Math.log(1 + this.passageIndex.documentCount / (df + 0.5));
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
    const vocabulary = new Map<string, number>();
    const analysed = (text: string) => tokenize(text).join(' ');
    const passageIndex = new MiniSearch<PassageRecord>(PASSAGE_INDEX_OPTIONS);
    passageIndex.addAll(
      passages.map((passage) => {
        const record = {
          id: passage.id,
          text: analysed(passage.text),
          title: analysed(titles.get(passage.docId) ?? ''),
          labels: analysed((labelsByPassage.get(passage.id) ?? []).join(' ; ')),
        };
        for (const term of new Set(`${record.text} ${record.title} ${record.labels}`.split(' '))) {
          if (term) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
        }
        return record;
      }),
    );
    const figureIndex = new MiniSearch<FigureRecord>(FIGURE_INDEX_OPTIONS);
    figureIndex.addAll(
      figures.map((figure) => ({
        id: figure.id,
        label: analysed(figure.label),
        sentence: analysed(figure.sentence),
        text: analysed(`${figure.text} ${figure.unit}`),
        title: analysed(titles.get(figure.docId) ?? ''),
      })),
    );
    return new SearchIndex(passageIndex, figureIndex, synonyms, vocabulary, recencyBoosts(documents), titleTermsOf(documents));
  }

  /** Restores an index written by {@link SearchIndex.toJSON}. */
  static fromJSON(json: SearchIndexJSON, documents: DocumentMeta[], synonyms: Synonyms): SearchIndex {
    return new SearchIndex(
      MiniSearch.loadJS(json.passages, PASSAGE_INDEX_OPTIONS),
      MiniSearch.loadJS(json.figures, FIGURE_INDEX_OPTIONS),
      synonyms,
      vocabularyOf(json.passages),
      recencyBoosts(documents),
      titleTermsOf(documents),
    );
  }

  toJSON(): SearchIndexJSON {
    return { passages: this.passageIndex.toJSON(), figures: this.figureIndex.toJSON() };
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

  /**
   * How much of the question a result covers, each word weighted by {@link weightOf}: a word the
   * result contains counts fully, one matched through a synonym or a typo a little less, one
   * missing not at all.
   */
  private coverage(planned: PlannedQuery, result: SearchResult, expansions: Expansion[]) {
    const documentTerms = new Set(result.terms);
    const queryTerms = new Set(result.queryTerms);
    let total = 0;
    let covered = 0;
    const matchedWords: string[] = [];
    planned.units.forEach((unit, index) => {
      const weight = Math.max(...unit.terms.map((term) => this.weightOf(term)));
      total += weight;
      let credit = 0;
      if (unit.terms.some((term) => documentTerms.has(term))) credit = 1;
      else if (expansions.some((e) => e.triggeredBy.includes(index) && e.terms.some((term) => documentTerms.has(term))))
        credit = 0.9;
      else if (unit.terms.some((term) => queryTerms.has(term))) credit = 0.8;
      if (credit > 0) matchedWords.push(unit.word);
      covered += credit * weight;
    });
    return { coverage: total === 0 ? 0 : covered / total, matchedWords };
  }

  private rerank(planned: PlannedQuery, results: SearchResult[], limit: number) {
    const expansions = this.synonyms.expand(planned.units);
    // Re-ranking looks deeper than `limit` so that a well-covering passage with a lower BM25 score
    // can still rise, without scoring the whole result list.
    const pool = results.slice(0, Math.max(50, limit * 5));
    const selectors = this.selectorsOf(planned.units);
    const ranked = pool.map((result) => {
      const { coverage, matchedWords } = this.coverage(planned, result, expansions);
      const docId = docIdOf(String(result.id));
      const recency = this.recency.get(docId) ?? 1;
      const title = this.titleTerms.get(docId);
      const named = selectors.filter((unit) => unit.terms.some((term) => title?.has(term))).length;
      const selection = selectors.length === 0 ? 1 : 0.4 + (0.6 * named) / selectors.length;
      return { result, coverage, matchedWords, score: result.score * coverage ** 2 * recency * selection };
    });
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit);
  }
}

/** The most a document's recency adds to a passage's score (the newest document gets it all). */
const RECENCY_BOOST = 0.25;

/** The analysed terms of each document's title. */
function titleTermsOf(documents: readonly DocumentMeta[]): Map<string, Set<string>> {
  return new Map(documents.map((doc) => [doc.id, new Set(tokenize(doc.title))]));
}

type Expansion = ReturnType<Synonyms['expand']>[number];

/** The document id of a passage or figure id (`doc#p3.1`, `doc#p3.1~2` → `doc`). */
export function docIdOf(id: string): string {
  const hash = id.lastIndexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/**
 * A boost for newer documents (up to +25% for the newest), so that when two documents report the
 * same metric equally well, the newer one answers first. Undated documents get none.
 */
export function recencyBoosts(documents: readonly DocumentMeta[]): Map<string, number> {
  const dates = [...new Set(documents.map((doc) => doc.published).filter((d): d is string => Boolean(d)))].sort();
  const boosts = new Map<string, number>();
  for (const doc of documents) {
    const rank = doc.published ? dates.indexOf(doc.published) : -1;
    boosts.set(doc.id, rank < 0 || dates.length < 2 ? 1 : 1 + (RECENCY_BOOST * rank) / (dates.length - 1));
  }
  return boosts;
}

/**
 * The document frequency of every term of a serialised MiniSearch index, read from its postings
 * (the most passages any one field holds the term in), without re-analysing any text.
 */
function vocabularyOf(json: AsPlainObject): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const [term, fields] of json.index) {
    let df = 0;
    for (const postings of Object.values(fields)) df = Math.max(df, Object.keys(postings).length);
    vocabulary.set(term, df);
  }
  return vocabulary;
}
