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
  /**
   * False when the question names documents (by the words of their titles, such as a province or
   * a company) and this passage is from none of them and does not name them either: it is then
   * unlikely to be what is asked.
   */
  named: boolean;
}

/** A word of a question (or a phrase a synonym brings in), with its index terms and weight. */
export interface QuestionWord {
  terms: string[];
  weight: number;
}

/** A figure found for a topic. */
export interface FigureHit {
  figureId: string;
  score: number;
  coverage: number;
  /** As {@link PassageHit.named}: false when the figure is from none of the documents the question names. */
  named: boolean;
}

/** A query analysed once, ready to run against either index. */
export interface PlannedQuery {
  units: WordUnit[];
  query: Query;
  /** For a word the vocabulary lacks, the known terms it becomes by swapping two adjacent letters, by word index. */
  swaps: Map<number, string[]>;
}

/** The serialised form of a {@link SearchIndex}. */
export interface SearchIndexJSON {
  passages: AsPlainObject;
  figures: AsPlainObject;
}

/**
 * What a question says about time and outlook, read once per query: the years it names and
 * whether it asks about plans and targets.
 */
interface QueryScope {
  /** Years the question names (`2023`), as index terms. */
  years: Set<string>;
  /** True when the question asks about the future: a target, a plan, guidance, a forecast. */
  outlook: boolean;
}

/** An index term that is a calendar year (`1998`, `2024`). */
const YEAR_TERM = /^(?:19|20)\d\d$/;

/**
 * Stems of the words that mark a forward-looking statement (a target, a plan, guidance): such a
 * passage answers "what does X have" less well than one reporting what X has.
 */
const OUTLOOK_TERMS = new Set([
  'aim',
  'target',
  'plan',
  'goal',
  'expect',
  'forecast',
  'guidanc',
  'outlook',
  'intend',
]);

/** Words of a question that ask about the future: its targets, plans, guidance. */
const OUTLOOK_QUESTION_TERMS = new Set([
  ...OUTLOOK_TERMS,
  'want',
  'next',
  'futur',
  'guid',
  'project',
  'predict',
]);

/** Weight of a term that a synonym of a question's word brings in. */
export const SYNONYM_TERM_WEIGHT = 0.8;
/** The least share of a title word's uses in its own documents for it to name them. */
const NAME_SHARE = 0.6;
/** Weight of a year that the passage's paragraph names, but not the passage itself. */
const PARAGRAPH_YEAR_CREDIT = 0.8;
/** Weight of a title-only match of a question word that does not name the document. */
const TITLE_ONLY_CREDIT = 0.5;
/** How much BM25 counts beside coverage: its score, relative to the best, is raised to this power. */
const RELEVANCE_EXPONENT = 0.5;
/** How much coverage counts: it is raised to this power. */
const COVERAGE_EXPONENT = 2;
/** Factor for a passage naming other years than the one asked about. */
const OTHER_YEAR_FACTOR = 0.7;
/** Factor for a passage of a document that a newer one supersedes, when the question names no year. */
const SUPERSEDED_FACTOR = 0.8;
/** Factor for a forward-looking passage when the question does not ask about the future. */
const OUTLOOK_FACTOR = 0.85;

/**
 * The two MiniSearch indexes of a knowledge base (passages and figures) and the query planning
 * around them: synonyms, typo tolerance only for words the vocabulary lacks, prefix matching for
 * autocomplete, and a re-ranking by how much of the question a passage covers, whether it is
 * from the document the question names, and the year the question asks about.
 */
export class SearchIndex {
  /** ln(1 + N / 0.5): the weight of a word no passage contains. */
  private readonly unknownWeight: number;
  /** In how many document titles each term occurs. */
  private readonly titleDf: Map<string, number>;
  /** Years each document's title names, by document id. */
  private readonly titleYears: Map<string, Set<string>>;
  /** Documents that a newer document about the same named subject supersedes. */
  private readonly superseded: Set<string>;

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
    /** Facts about the passages' texts that the re-ranking uses: years named, outlook. */
    private readonly features: PassageFeatures,
  ) {
    this.unknownWeight = Math.log(1 + passageIndex.documentCount / 0.5);
    const titleDf = new Map<string, number>();
    for (const terms of titleTerms.values())
      for (const term of terms) titleDf.set(term, (titleDf.get(term) ?? 0) + 1);
    this.titleDf = titleDf;
    this.titleYears = new Map(
      [...titleTerms].map(([docId, terms]) => [
        docId,
        new Set([...terms].filter((term) => YEAR_TERM.test(term))),
      ]),
    );
    this.superseded = this.supersededDocuments();
  }

  /**
   * The question's words that name a document: words of one title or of a few (a province, a
   * company, a university), not numbers. A passage from a document whose title has none of them
   * is unlikely to be the one asked about, however well it matches the other words.
   */
  private selectorsOf(units: WordUnit[]): WordUnit[] {
    const few = Math.max(2, Math.floor(this.titleTerms.size / 4));
    return units.filter((unit) => unit.terms.some((term) => this.isSelector(term, few)));
  }

  private isSelector(term: string, few: number): boolean {
    const df = this.titleDf.get(term) ?? 0;
    return df > 0 && df <= few && df < this.titleTerms.size && !/^\p{N}/u.test(term) && this.isName(term);
  }

  /**
   * Whether a title word is used as a name: the passages whose text holds it are mostly passages
   * of the documents whose titles hold it (`Lanshan`, `Harrowgate`), unlike a common word that a
   * title happens to use (`sets`, `targets`, `results`).
   */
  private isName(term: string): boolean {
    const use = this.features.titleTermUse.get(term);
    return !use || use.own / use.total >= NAME_SHARE;
  }

  /**
   * The documents for which a newer one names the same subject in its title (`Lanshan … 2024`
   * and `Lanshan … 2025`): when a question names no year, the newer report of a metric answers.
   */
  private supersededDocuments(): Set<string> {
    const few = Math.max(2, Math.floor(this.titleTerms.size / 4));
    const newest = new Map<string, number>();
    const named = new Map<string, string[]>();
    for (const [docId, terms] of this.titleTerms) {
      const names = [...terms].filter((term) => this.isSelector(term, few));
      named.set(docId, names);
      const age = this.recency.get(docId) ?? 1;
      for (const name of names) newest.set(name, Math.max(newest.get(name) ?? 0, age));
    }
    const superseded = new Set<string>();
    for (const [docId, names] of named) {
      const age = this.recency.get(docId) ?? 1;
      if (names.some((name) => (newest.get(name) ?? 0) > age)) superseded.add(docId);
    }
    return superseded;
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
  static build(
    documents: DocumentMeta[],
    passages: Passage[],
    figures: Figure[],
    synonyms: Synonyms,
  ): SearchIndex {
    const titles = new Map(documents.map((doc) => [doc.id, titleIndexText(doc.title)]));
    const titleVocabulary = titleVocabularyOf(documents);
    const labelsByPassage = new Map<string, string[]>();
    for (const figure of figures) {
      const labels = labelsByPassage.get(figure.passageId) ?? [];
      labels.push(figure.label);
      labelsByPassage.set(figure.passageId, labels);
    }
    const vocabulary = new Map<string, number>();
    const features: PassageFeatures = { titleTermUse: new Map(), years: new Map(), outlook: new Set() };
    const analysed = (text: string) => tokenize(text).join(' ');
    const passageIndex = new MiniSearch<PassageRecord>(PASSAGE_INDEX_OPTIONS);
    passageIndex.addAll(
      passages.map((passage) => {
        const record = {
          id: passage.id,
          text: analysed(passage.text),
          title: titles.get(passage.docId) ?? '',
          labels: analysed((labelsByPassage.get(passage.id) ?? []).join(' ; ')),
        };
        for (const term of new Set(`${record.text} ${record.title} ${record.labels}`.split(' '))) {
          if (term) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
        }
        for (const term of new Set(record.text.split(' ')))
          noteFeature(features, term, passage.id, titleVocabulary);
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
        title: titles.get(figure.docId) ?? '',
      })),
    );
    return new SearchIndex(
      passageIndex,
      figureIndex,
      synonyms,
      vocabulary,
      recencyBoosts(documents),
      titleTermsOf(documents),
      features,
    );
  }

  /** Restores an index written by {@link SearchIndex.toJSON}. */
  static fromJSON(json: SearchIndexJSON, documents: DocumentMeta[], synonyms: Synonyms): SearchIndex {
    const { vocabulary, features } = readPostings(json.passages, titleVocabularyOf(documents));
    return new SearchIndex(
      MiniSearch.loadJS(json.passages, PASSAGE_INDEX_OPTIONS),
      MiniSearch.loadJS(json.figures, FIGURE_INDEX_OPTIONS),
      synonyms,
      vocabulary,
      recencyBoosts(documents),
      titleTermsOf(documents),
      features,
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
    const swaps = new Map<number, string[]>();
    units.forEach((unit, index) => {
      const known = unit.terms.flatMap((term) => this.swapsOf(term));
      if (known.length > 0) swaps.set(index, known);
    });
    const terms = [...new Set([...units.flatMap((unit) => unit.terms), ...[...swaps.values()].flat()])];
    const lastTerms = new Set(units.at(-1)?.terms ?? []);
    // Typo tolerance is the costliest part of a search (a walk of the whole term tree per word),
    // so it goes only to the first few words the documents lack; a word being typed (autocomplete)
    // gets prefix matching instead.
    const fuzzyTerms = new Set(
      terms
        .filter((term) => term.length >= 4 && !this.vocabulary.has(term) && !/^\p{N}/u.test(term))
        .filter((term) => !(prefixLast && lastTerms.has(term)))
        .slice(0, MAX_FUZZY_TERMS),
    );
    const fuzzy = (term: string) => (fuzzyTerms.has(term) ? (term.length >= 8 ? 2 : 1) : false);
    const prefix = (term: string) => prefixLast && lastTerms.has(term) && !/^\p{N}/u.test(term);
    const queries: Query[] = [{ queries: [terms.join(' ')], fuzzy, prefix }];
    const expansionTerms = [
      ...new Set(this.synonyms.expand(units).flatMap((expansion) => expansion.terms)),
    ].filter((term) => !terms.includes(term));
    if (expansionTerms.length > 0) {
      queries.push({
        queries: [expansionTerms.join(' ')],
        boostTerm: () => 0.6,
        fuzzy: false,
        prefix: false,
      });
    }
    return {
      units,
      swaps,
      query: { combineWith: 'OR', queries, tokenize: splitOnSpace, processTerm: identity },
    };
  }

  /**
   * The known terms an unknown term becomes by swapping two adjacent letters (`proift` → `profit`):
   * the commonest typing slip, which an edit distance of one does not reach.
   */
  private swapsOf(term: string): string[] {
    if (term.length < 4 || this.vocabulary.has(term) || /^\p{N}/u.test(term)) return [];
    const found: string[] = [];
    for (let i = 0; i + 1 < term.length; i++) {
      if (term[i] === term[i + 1]) continue;
      const swapped = `${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`;
      if (this.vocabulary.has(swapped) && !found.includes(swapped)) found.push(swapped);
    }
    return found;
  }

  /**
   * The words of a question, each with its index terms and weight, for matching against figure
   * labels: the question's own words weigh 1, the phrases its synonyms bring in
   * {@link SYNONYM_TERM_WEIGHT}, and so do the terms that the search matched for a misspelt word
   * (pass the best hit's `matchedTerms`).
   *
   * @example
   * index.questionWords('how many R&D staff?')
   * // → [{ terms: ['rd'], weight: 1 }, { terms: ['staff'], weight: 1 }, { terms: ['research', 'develop'], weight: 0.8 }, …]
   */
  questionWords(text: string, matchedTerms: readonly string[] = []): QuestionWord[] {
    const units = analyzeWords(text);
    const words: QuestionWord[] = units.map((unit) => ({ terms: unit.terms, weight: 1 }));
    const own = new Set(units.flatMap((unit) => unit.terms));
    for (const expansion of this.synonyms.expand(units)) {
      const terms = expansion.terms.filter((term) => !own.has(term));
      if (terms.length > 0) words.push({ terms, weight: SYNONYM_TERM_WEIGHT });
    }
    // A misspelt word ("aplications") stands for the terms the search matched in its place.
    for (const unit of units) {
      if (unit.terms.some((term) => this.vocabulary.has(term) || /^\p{N}/u.test(term))) continue;
      const corrections = matchedTerms.filter(
        (candidate) => !own.has(candidate) && unit.terms.some((term) => isTypoOf(term, candidate)),
      );
      if (corrections.length > 0) words.push({ terms: corrections, weight: SYNONYM_TERM_WEIGHT });
    }
    return words;
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
    return this.rerank(planned, results, limit, PASSAGE_CONTENT_FIELDS).map((hit) => ({
      passageId: String(hit.result.id),
      score: hit.score,
      coverage: hit.coverage,
      matchedWords: hit.matchedWords,
      matchedTerms: hit.result.terms,
      named: hit.named,
    }));
  }

  /** Finds figures whose label, sentence or value match `text`, best first. */
  searchFigures(
    text: string,
    {
      limit = 10,
      prefixLast = false,
      fields,
    }: { limit?: number; prefixLast?: boolean; fields?: string[] } = {},
  ): FigureHit[] {
    const planned = this.plan(text, { prefixLast });
    if (planned.units.length === 0) return [];
    const results = this.figureIndex.search(planned.query, fields ? { fields } : {});
    return this.rerank(planned, results, limit, FIGURE_CONTENT_FIELDS).map((hit) => ({
      figureId: String(hit.result.id),
      score: hit.score,
      coverage: hit.coverage,
      named: hit.named,
    }));
  }

  /**
   * How much of the question a result covers, each word weighted by {@link weightOf}: a word the
   * result's own text contains counts fully, one matched through a synonym or a typo a little
   * less, one found only in the document's title half (unless it names the document), a year
   * that another part of the same paragraph names (or, when the paragraph names none, the
   * document's title) nearly fully, one missing not at all.
   */
  private coverage(
    planned: PlannedQuery,
    result: SearchResult,
    expansions: Expansion[],
    selectors: Set<WordUnit>,
    contentFields: ReadonlySet<string>,
    weights: readonly number[],
  ) {
    const inContent = (term: string) =>
      result.match[term]?.some((field) => contentFields.has(field)) ?? false;
    const documentTerms = new Set(result.terms);
    const queryTerms = new Set(result.queryTerms);
    // The years of the passage's paragraph, or, when it names none, of its document's title.
    const id = String(result.id);
    const paragraphYears =
      this.features.years.get(paragraphIdOf(passageIdOf(id))) ?? this.titleYears.get(docIdOf(id));
    let total = 0;
    let covered = 0;
    const matchedWords: string[] = [];
    planned.units.forEach((unit, index) => {
      const weight = weights[index] ?? 0;
      total += weight;
      const titleCredit = selectors.has(unit) ? 1 : TITLE_ONLY_CREDIT;
      let credit = 0;
      const direct = unit.terms.filter((term) => documentTerms.has(term));
      if (direct.length > 0) credit = direct.some(inContent) ? 1 : titleCredit;
      if (credit < 0.9) {
        for (const expansion of expansions) {
          if (!expansion.triggeredBy.includes(index)) continue;
          const found = expansion.terms.filter((term) => documentTerms.has(term));
          if (found.length > 0) credit = Math.max(credit, 0.9 * (found.some(inContent) ? 1 : titleCredit));
        }
      }
      if (credit === 0 && unit.terms.some((term) => queryTerms.has(term))) credit = 0.8;
      if (credit === 0 && planned.swaps.get(index)?.some((term) => documentTerms.has(term))) credit = 0.8;
      if (credit === 0 && paragraphYears?.size && unit.terms.some((term) => paragraphYears.has(term))) {
        credit = PARAGRAPH_YEAR_CREDIT;
      }
      if (credit > 0) matchedWords.push(unit.word);
      covered += credit * weight;
    });
    return { coverage: total === 0 ? 0 : covered / total, matchedWords };
  }

  /** The years a question names and whether it asks about plans. */
  private scopeOf(units: WordUnit[]): QueryScope {
    const terms = units.flatMap((unit) => unit.terms);
    return {
      years: new Set(terms.filter((term) => YEAR_TERM.test(term))),
      outlook: terms.some((term) => OUTLOOK_QUESTION_TERMS.has(term)),
    };
  }

  /**
   * A factor for the year the question asks about: a passage naming that year is in scope, one
   * naming only other years is likely about another period (last year's report, next year's
   * target). A passage split from a paragraph takes the years of the whole paragraph ("In 2023,
   * … . The enterprises … received …"); a paragraph naming no year takes its title's years.
   */
  private yearFactor(scope: QueryScope, passageId: string, docId: string): number {
    if (scope.years.size === 0) return 1;
    const named = this.features.years.get(paragraphIdOf(passageId)) ?? this.titleYears.get(docId);
    if (!named || named.size === 0) return 1;
    for (const year of scope.years) if (named.has(year)) return 1;
    return OTHER_YEAR_FACTOR;
  }

  /**
   * Re-ranks MiniSearch's results: BM25 relative to the best (softened by
   * {@link RELEVANCE_EXPONENT}) times coverage² (how much of the question the result holds), times
   * factors for the document's recency, whether its title names what the question names, the year
   * asked about, a forward-looking passage when the question asks about what is, and a document a
   * newer report of the same subject supersedes when the question names no year.
   */
  private rerank(
    planned: PlannedQuery,
    results: SearchResult[],
    limit: number,
    contentFields: ReadonlySet<string>,
  ) {
    const expansions = this.synonyms.expand(planned.units);
    // Re-ranking looks deeper than `limit` so that a well-covering passage with a lower BM25 score
    // can still rise, without scoring the whole result list.
    const pool = results.slice(0, Math.max(50, limit * 5));
    const selectors = this.selectorsOf(planned.units);
    const selectorSet = new Set(selectors);
    const scope = this.scopeOf(planned.units);
    const best = pool.reduce((max, result) => Math.max(max, result.score), 0) || 1;
    // A word's weight depends on the question only: computed once, not once per pooled result.
    const weights = planned.units.map((unit) => Math.max(...unit.terms.map((term) => this.weightOf(term))));
    const ranked = pool.map((result) => {
      const { coverage, matchedWords } = this.coverage(
        planned,
        result,
        expansions,
        selectorSet,
        contentFields,
        weights,
      );
      const id = String(result.id);
      const docId = docIdOf(id);
      const passageId = passageIdOf(id);
      const recency = this.recency.get(docId) ?? 1;
      const title = this.titleTerms.get(docId);
      const named = selectors.filter((unit) => unit.terms.some((term) => title?.has(term))).length;
      const selection = selectors.length === 0 ? 1 : 0.4 + (0.6 * named) / selectors.length;
      const period = this.yearFactor(scope, passageId, docId);
      const outlook = !scope.outlook && this.features.outlook.has(passageId) ? OUTLOOK_FACTOR : 1;
      const current = scope.years.size === 0 && this.superseded.has(docId) ? SUPERSEDED_FACTOR : 1;
      const relevance = (result.score / best) ** RELEVANCE_EXPONENT;
      const score =
        100 * relevance * coverage ** COVERAGE_EXPONENT * recency * selection * period * outlook * current;
      // A passage is about what the question names when its document's title names it, or when it
      // names it itself ("two scientists at Yunhe University").
      const mentioned = selectors.some((unit) =>
        unit.terms.some((term) => result.match[term]?.some((field) => contentFields.has(field))),
      );
      return {
        result,
        coverage,
        matchedWords,
        score,
        named: selectors.length === 0 || named > 0 || mentioned,
      };
    });
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit);
  }
}

/** Fields of a passage record that hold the passage's own words (not its document's title). */
const PASSAGE_CONTENT_FIELDS: ReadonlySet<string> = new Set(['text', 'labels']);
/** Fields of a figure record that hold the figure's own words. */
const FIGURE_CONTENT_FIELDS: ReadonlySet<string> = new Set(['label', 'sentence', 'text']);

/** Facts about each passage's text that re-ranking needs, kept by passage id. */
interface PassageFeatures {
  /**
   * For each term of a document title: in how many passages' text it occurs, and how many of
   * those are of a document whose title has it.
   */
  titleTermUse: Map<string, { own: number; total: number }>;
  /** Years each paragraph names, by paragraph id (see {@link paragraphIdOf}): a passage split from a paragraph shares its time. */
  years: Map<string, Set<string>>;
  /** Passages that state a target, a plan or guidance. */
  outlook: Set<string>;
}

/** The analysed title terms of each document (numbers left out) and all of them together. */
interface TitleVocabulary {
  byDocument: Map<string, Set<string>>;
  all: Set<string>;
}

function titleVocabularyOf(documents: readonly DocumentMeta[]): TitleVocabulary {
  const byDocument = new Map(documents.map((doc) => [doc.id, new Set(titleIndexText(doc.title).split(' '))]));
  return { byDocument, all: new Set([...byDocument.values()].flatMap((terms) => [...terms])) };
}

/** Notes what one term of a passage's text (each distinct term once per passage) tells. */
function noteFeature(
  features: PassageFeatures,
  term: string,
  passageId: string,
  titles: TitleVocabulary,
): void {
  if (titles.all.has(term)) {
    const use = features.titleTermUse.get(term) ?? { own: 0, total: 0 };
    use.total++;
    if (titles.byDocument.get(docIdOf(passageId))?.has(term)) use.own++;
    features.titleTermUse.set(term, use);
  }
  if (YEAR_TERM.test(term)) {
    const paragraph = paragraphIdOf(passageId);
    const years = features.years.get(paragraph) ?? new Set<string>();
    years.add(term);
    features.years.set(paragraph, years);
  } else if (OUTLOOK_TERMS.has(term)) features.outlook.add(passageId);
}

/**
 * The text indexed for a document's title: its words without numbers, since a title's figure
 * (`passes 1.45 trillion yuan`) belongs to one passage, not to every passage of the document.
 */
function titleIndexText(title: string): string {
  return tokenize(title)
    .filter((term) => !/^\p{N}/u.test(term))
    .join(' ');
}

/**
 * Whether `candidate` is within the typo tolerance of `term` (see {@link SearchIndex.plan}): one
 * edit for a short word, two for a long one, or two adjacent letters swapped.
 */
export function isTypoOf(term: string, candidate: string): boolean {
  const allowed = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
  if (allowed === 0 || Math.abs(term.length - candidate.length) > allowed) return false;
  return editDistance(term, candidate) <= allowed || isSwap(term, candidate);
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === (diff[0] ?? -2) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0];
}

/** Levenshtein distance (for the few short terms of a question). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The paragraph of a passage id: `doc#p3.2` → `doc#p3` (the parts of a split paragraph share it). */
function paragraphIdOf(passageId: string): string {
  return passageId.replace(/\.\d+$/, '');
}

/** The passage id of a passage or figure id (`doc#p3.1~2` → `doc#p3.1`). */
function passageIdOf(id: string): string {
  const tilde = id.lastIndexOf('~');
  return tilde < 0 ? id : id.slice(0, tilde);
}

/** The most a document's recency adds to a passage's score (the newest document gets it all). */
const RECENCY_BOOST = 0.25;

/** The analysed terms of each document's title. */
function titleTermsOf(documents: readonly DocumentMeta[]): Map<string, Set<string>> {
  return new Map(documents.map((doc) => [doc.id, new Set(tokenize(doc.title))]));
}

type Expansion = ReturnType<Synonyms['expand']>[number];

/** How many unknown words of one question get typo tolerance. */
const MAX_FUZZY_TERMS = 3;

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
  const dates = [
    ...new Set(documents.map((doc) => doc.published).filter((d): d is string => Boolean(d))),
  ].sort();
  const boosts = new Map<string, number>();
  for (const doc of documents) {
    const rank = doc.published ? dates.indexOf(doc.published) : -1;
    boosts.set(doc.id, rank < 0 || dates.length < 2 ? 1 : 1 + (RECENCY_BOOST * rank) / (dates.length - 1));
  }
  return boosts;
}

/**
 * What {@link SearchIndex.build} learns while analysing the passages, read back from a serialised
 * MiniSearch index without re-analysing any text: the document frequency of every term (in how
 * many passages any field holds it) and the {@link PassageFeatures} of the text field.
 */
function readPostings(
  json: AsPlainObject,
  titles: TitleVocabulary,
): { vocabulary: Map<string, number>; features: PassageFeatures } {
  const vocabulary = new Map<string, number>();
  const features: PassageFeatures = { titleTermUse: new Map(), years: new Map(), outlook: new Set() };
  const textField = String(json.fieldIds.text);
  for (const [term, fields] of json.index) {
    const postingLists = Object.values(fields);
    if (postingLists.length === 1) vocabulary.set(term, Object.keys(postingLists[0] ?? {}).length);
    else {
      const passages = new Set<string>();
      for (const postings of postingLists) for (const shortId of Object.keys(postings)) passages.add(shortId);
      vocabulary.set(term, passages.size);
    }
    if (!YEAR_TERM.test(term) && !OUTLOOK_TERMS.has(term) && !titles.all.has(term)) continue;
    for (const shortId of Object.keys(fields[textField] ?? {})) {
      noteFeature(features, term, String(json.documentIds[shortId]), titles);
    }
  }
  return { vocabulary, features };
}
