import MiniSearch, { type AsPlainObject, type Options, type Query } from 'minisearch';
import { findNonFigures } from '../figures/matchers.js';
import type { DocumentMeta, Figure, Passage } from '../types.js';
import { abbreviates, wordsOf } from './abbreviation.js';
import { analyzeWords, tokenize, type WordUnit } from './analyzer.js';
import { BackgroundSpecificity } from './background.js';
import { DEFAULT_MODEL, type RankFeature, type RankingModel } from './model.js';
import { type Bm25Params, Bm25Scorer, type ScoredHit, type TermSpec } from './scorer.js';
import type { Synonyms } from './synonyms.js';

/** What the passage index stores per passage (each field already analysed, terms joined by spaces). */
interface PassageRecord {
  id: string;
  text: string;
  title: string;
}

/** What the figure index stores per figure: what a topic is called, its label and its document's title. */
interface FigureRecord {
  id: string;
  label: string;
  title: string;
}

const identity = (term: string) => term;
const splitOnSpace = (text: string) => text.split(' ').filter((term) => term.length > 0);

/** The fields of the passage index, in MiniSearch's order. */
const PASSAGE_FIELDS = ['text', 'title'];
/** The fields of the figure index and their boosts: a figure is found by its label first. */
const FIGURE_FIELDS = ['label', 'title'];
const FIGURE_BOOST = { label: 3, title: 0.5 };
/** MiniSearch's default BM25 parameters, which the figure index keeps. */
const DEFAULT_BM25: Bm25Params = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * MiniSearch options for the passage index, shared by build and load (MiniSearch requires the same
 * options on both sides). Fields reach MiniSearch already analysed by {@link tokenize}.
 */
export function passageIndexOptions(model: RankingModel = DEFAULT_MODEL): Options<PassageRecord> {
  return {
    idField: 'id',
    fields: PASSAGE_FIELDS,
    tokenize: splitOnSpace,
    processTerm: identity,
    searchOptions: { boost: { ...model.boost }, bm25: { ...model.bm25 } },
  };
}

/** MiniSearch options for the figure index, shared by build and load. */
export const FIGURE_INDEX_OPTIONS: Options<FigureRecord> = {
  idField: 'id',
  fields: FIGURE_FIELDS,
  tokenize: splitOnSpace,
  processTerm: identity,
  searchOptions: { boost: FIGURE_BOOST },
};

/** A word of a question (or a phrase a synonym brings in), with its index terms and weight. */
export interface QuestionWord {
  terms: string[];
  weight: number;
}

/** A query analysed once, ready to run against either index. */
export interface PlannedQuery {
  units: WordUnit[];
  /** Each unit's weight: its IDF over the passages, or, for a word no passage holds, its everyday specificity. */
  weights: number[];
  /** Whether each unit has a term some passage holds. */
  known: boolean[];
  /** The phrases synonym groups bring in, and the units that called each in. */
  expansions: { terms: string[]; triggeredBy: number[] }[];
  /** Years the question names, as index terms. */
  years: Set<string>;
  /** Units that name documents: words of one title or a few (a company, a province). */
  selectors: WordUnit[];
  /** The terms searched, in groups whose scores add up: the question's own terms, then its synonyms. */
  groups: TermSpec[][];
}

/**
 * A MiniSearch query that runs `groups` as {@link Bm25Scorer} does: one OR subquery per group.
 * For `MiniSearch.search` itself, what the scorer stands in for (its tests, the benchmarks).
 */
export function miniSearchQuery(groups: readonly (readonly TermSpec[])[]): Query {
  return {
    combineWith: 'OR',
    queries: groups.map((specs) => {
      const of = new Map(specs.map((spec) => [spec.term, spec]));
      return {
        queries: [specs.map((spec) => spec.term).join(' ')],
        fuzzy: (term: string) => of.get(term)?.fuzzy ?? false,
        prefix: (term: string) => of.get(term)?.prefix ?? false,
        boostTerm: (term: string) => of.get(term)?.boost ?? 1,
      };
    }),
    tokenize: splitOnSpace,
    processTerm: identity,
  };
}

/** A passage found for a query, with the features it is ranked by. */
export interface Candidate {
  passageId: string;
  docId: string;
  /** MiniSearch's BM25 score. */
  bm25: number;
  features: Record<Exclude<RankFeature, 'figureFit' | 'reason' | 'stated' | 'wholeTable'>, number>;
  /**
   * Share of the question's weight that no passage of the knowledge holds and that this passage
   * did not match through a typo either: what the question asks about that the documents lack.
   */
  absent: number;
  /** The question words the passage matched, as the user wrote them. */
  matchedWords: string[];
  /** Terms of the passage that matched (analysed), for highlighting. */
  matchedTerms: string[];
}

/** A figure found for a topic. */
export interface FigureHit {
  figureId: string;
  score: number;
}

/** The analysed records of both indexes (see {@link SearchIndex.analyse}). */
export interface AnalysedRecords {
  passages: PassageRecord[];
  figures: FigureRecord[];
}

/** How many records are indexed between two turns of the event loop in an asynchronous build. */
const ASYNC_CHUNK = 250;

/** The serialised form of a {@link SearchIndex}. */
export interface SearchIndexJSON {
  passages: AsPlainObject;
  /**
   * The figure index as MiniSearch's JSON text: a string parses in a few milliseconds, and the
   * index is read from it on the first figure search (see `figureIndex`).
   */
  figures: string;
  /** What the index learnt from the passages beside the postings, so a load need not walk them again. */
  terms: TermStatisticsJSON;
}

/**
 * {@link TermStatistics} in a form that parses fast: parallel arrays, and terms as indexes into
 * `terms` (a document's terms are a few hundred of the vocabulary's).
 */
interface TermStatisticsJSON {
  /** Every term of the passages, and in how many passages each occurs (`df[i]` for `terms[i]`). */
  terms: string[];
  df: number[];
  /** Per document: its id and the indexes of the terms of its passages' text. */
  documentTerms: [string, number[]][];
  /** Per title term: its index, how many passages' text holds it, and how many of those are its own documents'. */
  titleTermUse: [number, number, number][];
  /** Per paragraph: its id and the years it names. */
  years: [string, string[]][];
  /** Per document: its id and the analysed terms of its title. */
  titles: [string, string[]][];
}

/** An index term that is a calendar year (`1998`, `2024`). */
const YEAR_TERM = /^(?:19|20)\d\d$/;
/** An index term that is a number: digits (`75000`), or Chinese numerals (`十三`, `万`, `五千`). */
const NUMBER_TERM = /^(?:\p{N}|[零〇一二两三四五六七八九十百千万亿点]+$)/u;

/**
 * The number terms of a question that name a thing (`Route 66`, `district 42`, `17号线`; see
 * `findNonFigures`): a name, which a passage must hold to match, not a value it may round.
 */
function identifierNumbers(text: string): Set<string> {
  const terms = new Set<string>();
  for (const { start, end } of findNonFigures(text))
    for (const unit of analyzeWords(text.slice(start, end)))
      for (const term of unit.terms) if (NUMBER_TERM.test(term)) terms.add(term);
  return terms;
}
/** How many unknown words of one question get typo tolerance (a walk of the term tree each). */
const MAX_FUZZY_TERMS = 3;
/** The least share of a title word's uses in its own documents for it to name them (see `isName`). */
const NAME_SHARE = 0.6;

let background: BackgroundSpecificity | undefined;
/** The everyday-language table, read once per process on first use (immutable). */
function backgroundTable(): BackgroundSpecificity {
  background ??= BackgroundSpecificity.load();
  return background;
}

/** What the index knows of the passages beyond MiniSearch's postings. */
interface Corpus {
  passages: ReadonlyMap<string, Passage>;
  /** Years each paragraph names, by paragraph id: the parts of a split paragraph share their time. */
  years: Map<string, Set<string>>;
  /** Per title term: in how many passages' text it occurs, and how many of those are its own documents'. */
  titleTermUse: Map<string, { own: number; total: number }>;
  /** Every term of each document's passages, by document id: what the document as a whole is about. */
  documentTerms: Map<string, Set<string>>;
}

/**
 * The two MiniSearch indexes of a knowledge base (passages and figures) and the features of a
 * question's candidates: BM25 over text, paragraph context, title and figure labels; how much of
 * the question a passage covers (each word weighted by its IDF); how close together the matched
 * words stand; whether the passage is from the document the question names; the year it asks
 * about; recency. How the features are combined is the ranking model's business (`src/answer/rank.ts`).
 */
export class SearchIndex {
  private readonly unknownWeight: number;
  private readonly titleDf = new Map<string, number>();
  private readonly titleTerms: Map<string, Set<string>>;
  private readonly recency: Map<string, number>;
  private readonly tokens = new Map<string, string[]>();
  private readonly words = new Map<string, string[]>();
  private readonly contexts = new Map<string, ReadonlySet<string>>();
  private readonly few: number;
  private scorers: { passages?: Bm25Scorer; figures?: Bm25Scorer } = {};

  private constructor(
    private readonly passageIndex: MiniSearch<PassageRecord>,
    /** The figure index, or its serialised form, read on the first figure search. */
    private figureSource: MiniSearch<FigureRecord> | string,
    private readonly synonyms: Synonyms,
    /** Document frequency of every term of the passages: in how many passages any field holds it. */
    private readonly vocabulary: Map<string, number>,
    private readonly corpus: Corpus,
    documents: readonly DocumentMeta[],
    public model: RankingModel,
    /** Each document's title terms, when a prebuilt index brings them (analysing 10k titles takes 30 ms). */
    titleTerms?: Map<string, Set<string>>,
  ) {
    this.unknownWeight = Math.log(1 + passageIndex.documentCount / 0.5);
    this.titleTerms =
      titleTerms ?? new Map(documents.map((doc) => [doc.id, new Set(titleTermsOf(doc.title))]));
    for (const terms of this.titleTerms.values())
      for (const term of terms) this.titleDf.set(term, (this.titleDf.get(term) ?? 0) + 1);
    this.recency = recencyOf(documents);
    this.few = Math.max(2, Math.floor(this.titleTerms.size / 4));
  }

  /**
   * Analyses passages and figures into the records the two indexes store: the heavy part of a
   * build (word splitting, stemming, numbers), pure data that a worker thread can send back.
   */
  static analyse(documents: DocumentMeta[], passages: Passage[], figures: Figure[]): AnalysedRecords {
    const titles = new Map(documents.map((doc) => [doc.id, titleTermsOf(doc.title).join(' ')]));
    return {
      passages: passages.map((passage) => ({
        id: passage.id,
        text: tokenize(passage.text).join(' '),
        title: titles.get(passage.docId) ?? '',
      })),
      figures: figures.map((figure) => ({
        id: figure.id,
        label: tokenize(figure.label).join(' '),
        title: titles.get(figure.docId) ?? '',
      })),
    };
  }

  /** Indexes passages and figures; `documents` supply titles and dates. */
  static build(
    documents: DocumentMeta[],
    passages: Passage[],
    figures: Figure[],
    synonyms: Synonyms,
    model: RankingModel = DEFAULT_MODEL,
  ): SearchIndex {
    return SearchIndex.fromAnalysed(
      SearchIndex.analyse(documents, passages, figures),
      documents,
      passages,
      synonyms,
      model,
    );
  }

  /** Indexes records made by {@link SearchIndex.analyse}, at once. */
  static fromAnalysed(
    records: AnalysedRecords,
    documents: DocumentMeta[],
    passages: Passage[],
    synonyms: Synonyms,
    model: RankingModel = DEFAULT_MODEL,
  ): SearchIndex {
    const passageIndex = new MiniSearch<PassageRecord>(passageIndexOptions(model));
    passageIndex.addAll(records.passages);
    const figureIndex = new MiniSearch<FigureRecord>(FIGURE_INDEX_OPTIONS);
    figureIndex.addAll(records.figures);
    const terms = new TermStatistics(documents, passages);
    terms.note(records.passages);
    return SearchIndex.assemble(passageIndex, figureIndex, terms, documents, synonyms, model);
  }

  /**
   * Indexes records made by {@link SearchIndex.analyse} in chunks, yielding to the event loop
   * between them, so that a reload never stalls the answers being served meanwhile.
   */
  static async fromAnalysedAsync(
    records: AnalysedRecords,
    documents: DocumentMeta[],
    passages: Passage[],
    synonyms: Synonyms,
    model: RankingModel = DEFAULT_MODEL,
  ): Promise<SearchIndex> {
    const passageIndex = new MiniSearch<PassageRecord>(passageIndexOptions(model));
    await passageIndex.addAllAsync(records.passages, { chunkSize: ASYNC_CHUNK });
    const figureIndex = new MiniSearch<FigureRecord>(FIGURE_INDEX_OPTIONS);
    await figureIndex.addAllAsync(records.figures, { chunkSize: ASYNC_CHUNK });
    // The term statistics too, a chunk at a time: at 100k passages, read at once, they held the
    // event loop for seconds at the end of a reload.
    const terms = new TermStatistics(documents, passages);
    for (let i = 0; i < records.passages.length; i += ASYNC_CHUNK) {
      terms.note(records.passages.slice(i, i + ASYNC_CHUNK));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return SearchIndex.assemble(passageIndex, figureIndex, terms, documents, synonyms, model);
  }

  private static assemble(
    passageIndex: MiniSearch<PassageRecord>,
    figureIndex: MiniSearch<FigureRecord>,
    terms: TermStatistics,
    documents: DocumentMeta[],
    synonyms: Synonyms,
    model: RankingModel,
  ): SearchIndex {
    return new SearchIndex(
      passageIndex,
      figureIndex,
      synonyms,
      terms.vocabulary,
      terms.corpus,
      documents,
      model,
    );
  }

  /** Restores an index written by {@link SearchIndex.toJSON}, without analysing any text again. */
  static fromJSON(
    json: SearchIndexJSON,
    documents: DocumentMeta[],
    passages: Passage[],
    synonyms: Synonyms,
    model: RankingModel = DEFAULT_MODEL,
  ): SearchIndex {
    const { vocabulary, corpus } = readTermStatistics(json.terms, passages);
    return new SearchIndex(
      MiniSearch.loadJS(json.passages, passageIndexOptions(model)),
      // Only `/figure`'s autocomplete searches figures: an `/ask` never waits for their index.
      json.figures,
      synonyms,
      vocabulary,
      corpus,
      documents,
      model,
      new Map(json.terms.titles.map(([docId, terms]) => [docId, new Set(terms)])),
    );
  }

  toJSON(): SearchIndexJSON {
    return {
      passages: this.passageIndex.toJSON(),
      figures: typeof this.figureSource === 'string' ? this.figureSource : JSON.stringify(this.figureSource),
      terms: writeTermStatistics(this.vocabulary, this.corpus, this.titleTerms),
    };
  }

  /** The passages' scorer, made on first use (its arrays are as long as the index). */
  private passageScorer(): Bm25Scorer {
    this.scorers.passages ??= new Bm25Scorer(this.passageIndex);
    return this.scorers.passages;
  }

  /** The figure index, read from its serialised form on first use. */
  private figureIndex(): MiniSearch<FigureRecord> {
    if (typeof this.figureSource === 'string')
      this.figureSource = MiniSearch.loadJSON<FigureRecord>(this.figureSource, FIGURE_INDEX_OPTIONS);
    return this.figureSource;
  }

  /**
   * Reads the figure index from its serialised form in the background, a batch of terms per turn
   * of the event loop (MiniSearch's `loadJSONAsync`), so that the first `/figure` autocomplete
   * after a start does not wait for it: 2.4 s at 100k passages. Resolves at once when it is read.
   */
  async warmFigureIndex(): Promise<void> {
    if (typeof this.figureSource !== 'string') return;
    const index = await MiniSearch.loadJSONAsync<FigureRecord>(this.figureSource, FIGURE_INDEX_OPTIONS);
    // A figure search meanwhile read it at once: keep that one, which its scorer was made from.
    if (typeof this.figureSource === 'string') this.figureSource = index;
  }

  /** The figures' scorer, made on first use. */
  private figureScorer(): Bm25Scorer {
    this.scorers.figures ??= new Bm25Scorer(this.figureIndex());
    return this.scorers.figures;
  }

  /** How many passages the index holds. */
  get size(): number {
    return this.passageIndex.documentCount;
  }

  /**
   * How much a term tells: its IDF over the passages. A term no passage holds weighs by how
   * specific it is in everyday language (see {@link BackgroundSpecificity}): "kind" or "reason"
   * little, "Apollo" as much as the rarest term of the documents.
   */
  weightOf(term: string): number {
    const df = this.vocabulary.get(term) ?? 0;
    if (df > 0) return Math.log(1 + this.passageIndex.documentCount / (df + 0.5));
    // A number no passage holds is a value the question states, often rounded ("about 2.8bn",
    // "more than 1.1m"), not a subject the documents lack: it neither counts nor vetoes.
    if (NUMBER_TERM.test(term)) return 0;
    return this.unknownWeight * backgroundTable().of(term);
  }

  /**
   * A word the documents lack, with the known term it becomes when two neighbouring letters are
   * swapped back (`frieght` → `freight`, `singel` → `single`): the commonest typo, which MiniSearch's
   * edit distance counts as two edits.
   */
  private withTransposition(unit: WordUnit): WordUnit {
    if (unit.terms.some((term) => this.knows(term))) return unit;
    const fixes = new Set<string>();
    for (const term of unit.terms) {
      if (term.length < 4 || !/^\p{Script=Latin}+$/u.test(term)) continue;
      for (let i = 0; i + 1 < term.length; i++) {
        if (term[i] === term[i + 1]) continue;
        const swapped = `${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`;
        if (this.knows(swapped)) fixes.add(swapped);
      }
    }
    return fixes.size > 0 ? { ...unit, terms: [...unit.terms, ...fixes] } : unit;
  }

  /** Whether any passage holds the term. */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /**
   * Analyses a question into a MiniSearch query: its terms (OR), typo tolerance for a few terms
   * the vocabulary lacks (a known word is never "corrected" into another), synonyms at a lower
   * weight, and prefix matching on the last word when `prefixLast` (autocomplete).
   */
  plan(text: string, { prefixLast = false }: { prefixLast?: boolean } = {}): PlannedQuery {
    const identifiers = identifierNumbers(text);
    const units = analyzeWords(text).map((unit) =>
      this.withTransposition(
        unit.terms.some((term) => identifiers.has(term)) ? { ...unit, name: true } : unit,
      ),
    );
    // A name the documents lack ("Apple", "France") is as specific as the rarest word, however
    // often it is said in everyday speech.
    // A Chinese unit weighs as its word when the documents know it: the character pairs it carries
    // are guesses at a cut, there to match, and a rare pair (部小 of 这部小说) must not make a
    // measure word weigh as a name. They weigh only for a word the documents lack (涂 尔 干 of an
    // unknown 涂尔干), and a pair no passage holds never weighs (it is not a word they lack).
    const weights = units.map((unit) => {
      const word = unit.terms.filter((term) => !unit.pairs?.includes(term));
      const pairs = (unit.pairs ?? []).filter((term) => this.knows(term));
      const counted = word.some((term) => this.knows(term)) ? word : [...word, ...pairs];
      return Math.max(
        ...counted.map((term) => (unit.name && !this.knows(term) ? this.unknownWeight : this.weightOf(term))),
      );
    });
    const known = units.map((unit) => unit.terms.some((term) => this.knows(term)));
    const terms = [...new Set(units.flatMap((unit) => unit.terms))];
    const lastTerms = new Set(units.at(-1)?.terms ?? []);
    const fuzzyTerms = new Set(
      terms
        .filter((term) => term.length >= 4 && !this.knows(term) && !/^[\p{N}\p{Script=Han}]/u.test(term))
        .filter((term) => !(prefixLast && lastTerms.has(term)))
        .slice(0, MAX_FUZZY_TERMS),
    );
    const words = new Set(units.flatMap((unit) => unit.terms.filter((term) => !unit.pairs?.includes(term))));
    const pairWeight = this.model.pairWeight;
    const groups: TermSpec[][] = [
      terms.map((term) => ({
        term,
        fuzzy: fuzzyTerms.has(term) ? (term.length >= 8 ? 2 : 1) : false,
        prefix: prefixLast && lastTerms.has(term) && !/^\p{N}/u.test(term),
        boost: words.has(term) ? 1 : pairWeight,
      })),
    ];
    const expansions = this.synonyms.expand(units);
    const expansionTerms = [...new Set(expansions.flatMap((expansion) => expansion.terms))].filter(
      (term) => !terms.includes(term),
    );
    if (expansionTerms.length > 0 && this.model.synonymWeight > 0) {
      const weight = this.model.synonymWeight;
      groups.push(expansionTerms.map((term) => ({ term, fuzzy: false, prefix: false, boost: weight })));
    }
    return {
      units,
      weights,
      known,
      expansions,
      years: new Set(terms.filter((term) => YEAR_TERM.test(term))),
      selectors: units.filter((unit) => unit.terms.some((term) => this.isSelector(term))),
      groups,
    };
  }

  /**
   * The words of a planned question with their weights, and the synonyms they call in, for
   * ranking figures. Words the best passage matched through a typo are added as the terms it matched.
   */
  questionWords(planned: PlannedQuery, matchedTerms: readonly string[] = []): QuestionWord[] {
    const words: QuestionWord[] = planned.units.map((unit, i) => {
      const corrected = planned.known[i]
        ? []
        : matchedTerms.filter((term) => unit.terms.some((t) => isTypoOf(t, term)));
      return { terms: [...unit.terms, ...corrected], weight: 1 };
    });
    for (const expansion of planned.expansions)
      words.push({ terms: expansion.terms, weight: this.model.synonymWeight });
    return words;
  }

  /**
   * The passages MiniSearch finds for a question (at most the model's pool), each with its
   * ranking features. `limit` raises the pool when more are needed (paging).
   */
  candidates(
    text: string,
    { limit = 0, prefixLast = false } = {},
  ): { planned: PlannedQuery; candidates: Candidate[] } {
    const planned = this.plan(text, { prefixLast });
    if (planned.units.length === 0) return { planned, candidates: [] };
    const pool = this.passageScorer().search(planned.groups, {
      fields: PASSAGE_FIELDS,
      boost: this.model.boost,
      bm25: this.model.bm25,
      limit: Math.max(this.model.pool, limit),
    }).hits;
    const best = pool[0]?.score ?? 1;
    const pairs = neighbourPairs(planned);
    const titleFit = this.titleFitOf(planned);
    return {
      planned,
      candidates: pool.map((result) => this.candidateOf(planned, pairs, titleFit, result, best)),
    };
  }

  /**
   * How much of a document's title the question says, weighted by IDF, per document (memoised for
   * one question): an article titled `前肛鳗` fits "前肛鳗的体长是多少" wholly, one titled
   * `异齿前肛鳗` in part, and a release's long headline only as far as the question repeats it.
   */
  private titleFitOf(planned: PlannedQuery): (docId: string) => number {
    const asked = new Set(planned.units.flatMap((unit) => unit.terms));
    const fits = new Map<string, number>();
    return (docId) => {
      let fit = fits.get(docId);
      if (fit === undefined) {
        let total = 0;
        let said = 0;
        for (const term of this.titleTerms.get(docId) ?? []) {
          const weight = this.weightOf(term);
          total += weight;
          if (asked.has(term)) said += weight;
        }
        fit = total > 0 ? said / total : 0;
        fits.set(docId, fit);
      }
      return fit;
    };
  }

  private candidateOf(
    planned: PlannedQuery,
    pairs: NeighbourPairs,
    titleFit: (docId: string) => number,
    result: ScoredHit,
    best: number,
  ): Candidate {
    const passageId = String(result.id);
    const docId = docIdOf(passageId);
    const title = this.titleTerms.get(docId);
    let total = 0;
    let own = 0;
    let any = 0;
    let inDocument = 0;
    let absent = 0;
    const documentTerms = this.corpus.documentTerms.get(docId);
    const matchedWords: string[] = [];
    const ownUnits: WordUnit[] = [];
    const context = this.contextOf(passageId);
    planned.units.forEach((unit, i) => {
      const weight = planned.weights[i] ?? 0;
      let inOwn = false;
      let inAny = false;
      for (const term of unit.terms) {
        const fields = result.match[term];
        if (fields?.includes('text')) inOwn = true;
        if (fields || context.has(term)) inAny = true;
      }
      // A number the question states (not a year) is a value to check, often rounded ("more
      // than 1.1m"): it counts for a passage that holds it, and against none that does not.
      if (
        !inAny &&
        !inOwn &&
        !unit.name &&
        unit.terms.every((term) => NUMBER_TERM.test(term) && !YEAR_TERM.test(term))
      )
        return;
      total += weight;
      // A typo matched: MiniSearch reports the terms of the passage, not the question's.
      if (!inOwn && !planned.known[i] && result.queryTerms.some((q) => unit.terms.includes(q))) inOwn = true;
      let credit = inOwn ? 1 : 0;
      // A synonym matched: the phrase the group brings in stands in the passage's text.
      if (!inOwn)
        for (const expansion of planned.expansions)
          if (
            expansion.triggeredBy.includes(i) &&
            expansion.terms.every((term) => result.match[term]?.includes('text'))
          ) {
            credit = this.model.synonymWeight;
            inAny = true;
          }
      // An abbreviation the passage spells out (EPS: earnings per share; coop: cooperative).
      if (credit === 0 && !planned.known[i] && this.model.abbreviationWeight > 0) {
        if (abbreviates(unit.word, this.wordsOfPassage(passageId))) {
          credit = this.model.abbreviationWeight;
          inAny = true;
        }
      }
      if (!planned.known[i] && credit === 0) absent += weight;
      if (inOwn) ownUnits.push(unit);
      if (inAny || inOwn || unit.terms.some((term) => documentTerms?.has(term))) inDocument += weight;
      own += weight * credit;
      if (inAny || inOwn) {
        any += weight;
        matchedWords.push(unit.word);
      }
    });
    const named =
      planned.selectors.length === 0
        ? 1
        : planned.selectors.filter((unit) =>
            unit.terms.some((term) => title?.has(term) || result.match[term] !== undefined),
          ).length / planned.selectors.length;
    return {
      passageId,
      docId,
      bm25: result.score,
      absent: total > 0 ? absent / total : 0,
      matchedWords,
      matchedTerms: result.terms,
      features: {
        bm25: best > 0 ? result.score / best : 0,
        coverage: total > 0 ? own / total : 0,
        contextCoverage: total > 0 ? any / total : 0,
        documentCoverage: total > 0 ? inDocument / total : 0,
        proximity: this.proximity(passageId, ownUnits),
        phrase: this.phraseMatch(pairs, passageId),
        named,
        titleFit: titleFit(docId),
        period: this.periodMatch(planned.years, passageId),
        // The newer of two reports answers a question that names no period; one that names a year, that year's.
        recency: planned.years.size === 0 ? (this.recency.get(docId) ?? 0) : 0,
      },
    };
  }

  /**
   * The terms around a passage that tell what it is about: its document's title, its section
   * heading, and, for a part of a split paragraph, the paragraph's first part and the part before
   * (where the subject is named: "Apollo 11 …" in part 1, "The astronauts returned …" in part 3).
   */
  private contextOf(passageId: string): ReadonlySet<string> {
    return remembered(this.contexts, passageId, () => {
      const passage = this.corpus.passages.get(passageId);
      const terms = new Set(this.titleTerms.get(docIdOf(passageId)) ?? []);
      if (!passage) return terms;
      const section = (passage as Passage & { section?: string }).section;
      if (section) for (const term of tokenize(section)) terms.add(term);
      if (passage.part > 1) {
        const paragraph = paragraphIdOf(passageId);
        for (const part of new Set([1, passage.part - 1]))
          for (const term of this.tokensOf(`${paragraph}.${part}`)) terms.add(term);
      }
      return terms;
    });
  }

  /**
   * How tightly the matched words stand together in the passage: the number of distinct matched
   * words over the length of the shortest stretch of the passage holding them all (1 when they
   * stand side by side, 0 when fewer than two words match).
   */
  private proximity(passageId: string, units: readonly WordUnit[]): number {
    if (units.length < 2) return 0;
    const tokens = this.tokensOf(passageId);
    const unitOf = new Map<string, number>();
    units.forEach((unit, i) => {
      for (const term of unit.terms) if (!unitOf.has(term)) unitOf.set(term, i);
    });
    const positions: [number, number][] = [];
    tokens.forEach((token, position) => {
      const unit = unitOf.get(token);
      if (unit !== undefined) positions.push([position, unit]);
    });
    const wanted = new Set(positions.map(([, unit]) => unit)).size;
    if (wanted < 2) return 0;
    const counts = new Map<number, number>();
    let have = 0;
    let shortest = Number.POSITIVE_INFINITY;
    let left = 0;
    for (const [position, unit] of positions) {
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
      if (counts.get(unit) === 1) have++;
      while (have === wanted) {
        const [start, first] = positions[left] as [number, number];
        shortest = Math.min(shortest, position - start + 1);
        counts.set(first, (counts.get(first) ?? 1) - 1);
        if (counts.get(first) === 0) have--;
        left++;
      }
    }
    return wanted / shortest;
  }

  /**
   * How much of the question's word order the passage keeps: of each two neighbouring words of
   * the question (weighted by their IDF), the share that stand side by side, in that order, in
   * the passage (`total assets` in "Total assets", not in "Total deferred tax asset"; the pieces of
   * a Chinese name the segmenter split, `前肛鳗`). 0 for a question of one word.
   */
  private phraseMatch(pairs: NeighbourPairs, passageId: string): number {
    if (pairs.total === 0) return 0;
    const found = new Set<number>();
    const tokens = this.tokensOf(passageId);
    for (let p = 0; p + 1 < tokens.length; p++) {
      const here = pairs.unitsOf.get(tokens[p] as string);
      if (!here) continue;
      const next = pairs.unitsOf.get(tokens[p + 1] as string);
      if (next) for (const i of here) if (next.includes(i + 1)) found.add(i);
    }
    let matched = 0;
    pairs.weights.forEach((weight, i) => {
      if (found.has(i)) matched += weight;
    });
    return matched / pairs.total;
  }

  private wordsOfPassage(passageId: string): string[] {
    return remembered(this.words, passageId, () => wordsOf(this.corpus.passages.get(passageId)?.text ?? ''));
  }

  private tokensOf(passageId: string): string[] {
    return remembered(this.tokens, passageId, () =>
      tokenize(this.corpus.passages.get(passageId)?.text ?? ''),
    );
  }

  /** +1 when the passage's paragraph names a year the question asks about, −1 when it names only others, else 0. */
  private periodMatch(years: ReadonlySet<string>, passageId: string): number {
    if (years.size === 0) return 0;
    const named = this.corpus.years.get(paragraphIdOf(passageId));
    if (!named || named.size === 0) return 0;
    for (const year of years) if (named.has(year)) return 1;
    return -1;
  }

  /**
   * Whether a question term names documents: a word of one title or a few, not a number, used
   * mostly in the documents whose titles hold it (`Lanshan`), unlike a common word a title happens
   * to use (`results`, `report`).
   */
  private isSelector(term: string): boolean {
    const df = this.titleDf.get(term) ?? 0;
    if (df === 0 || df > this.few || df >= this.titleTerms.size || /^\p{N}/u.test(term)) return false;
    const use = this.corpus.titleTermUse.get(term);
    return !use || use.own / use.total >= NAME_SHARE;
  }

  /**
   * Finds figures whose label or document title match `text`, best first (for `/figure`
   * autocomplete): what a topic is called, not every sentence that mentions it, which keeps each
   * keystroke cheap.
   */
  searchFigures(
    text: string,
    { limit = 10, prefixLast = false }: { limit?: number; prefixLast?: boolean } = {},
  ): FigureHit[] {
    const planned = this.plan(text, { prefixLast });
    if (planned.units.length === 0) return [];
    return this.figureScorer()
      .search(planned.groups, {
        fields: FIGURE_FIELDS,
        boost: FIGURE_BOOST,
        bm25: DEFAULT_BM25,
        limit,
      })
      .hits.map((result) => ({ figureId: result.id, score: result.score }));
  }
}

/** A question's neighbouring words, read once for all its candidates (see `phraseMatch`). */
interface NeighbourPairs {
  /** The units each term belongs to. */
  unitsOf: Map<string, number[]>;
  /** The weight of the pair of unit `i` and unit `i + 1`: the mean of their weights. */
  weights: number[];
  total: number;
}

function neighbourPairs({ units, weights }: PlannedQuery): NeighbourPairs {
  const unitsOf = new Map<string, number[]>();
  units.forEach((unit, i) => {
    for (const term of unit.terms) unitsOf.set(term, [...(unitsOf.get(term) ?? []), i]);
  });
  const pairWeights: number[] = [];
  for (let i = 0; i + 1 < units.length; i++)
    pairWeights.push(((weights[i] ?? 0) + (weights[i + 1] ?? 0)) / 2);
  return { unitsOf, weights: pairWeights, total: pairWeights.reduce((sum, w) => sum + w, 0) };
}

/** What an index learns from the analysed passages besides MiniSearch's postings, passage by passage. */
class TermStatistics {
  private readonly titles: TitleVocabulary;
  readonly corpus: Corpus;
  /** Document frequency of every term, in any field. */
  readonly vocabulary = new Map<string, number>();

  constructor(documents: readonly DocumentMeta[], passages: readonly Passage[]) {
    this.titles = titleVocabularyOf(documents);
    this.corpus = emptyCorpus(passages);
  }

  note(records: readonly PassageRecord[]): void {
    for (const record of records) {
      const seen = new Set<string>();
      for (const field of [record.text, record.title])
        for (const term of field.split(' ')) if (term) seen.add(term);
      for (const term of seen) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
      for (const term of new Set(record.text.split(' '))) noteTerm(this.corpus, term, record.id, this.titles);
    }
  }
}

function emptyCorpus(passages: readonly Passage[]): Corpus {
  return {
    passages: new Map(passages.map((passage) => [passage.id, passage])),
    years: new Map(),
    titleTermUse: new Map(),
    documentTerms: new Map(),
  };
}

/** The analysed terms of a title, without numbers: a title's figure belongs to one passage, not to all. */
function titleTermsOf(title: string): string[] {
  return tokenize(title).filter((term) => !/^\p{N}/u.test(term));
}

/** The analysed title terms of each document and all of them together. */
interface TitleVocabulary {
  byDocument: Map<string, Set<string>>;
  all: Set<string>;
}

function titleVocabularyOf(documents: readonly DocumentMeta[]): TitleVocabulary {
  const byDocument = new Map(documents.map((doc) => [doc.id, new Set(titleTermsOf(doc.title))]));
  return { byDocument, all: new Set([...byDocument.values()].flatMap((terms) => [...terms])) };
}

/** Notes what one distinct term of a passage's text tells: a year of its paragraph, a use of a title word. */
function noteTerm(corpus: Corpus, term: string, passageId: string, titles: TitleVocabulary): void {
  const docId = docIdOf(passageId);
  const terms = corpus.documentTerms.get(docId) ?? new Set<string>();
  if (terms.size === 0) corpus.documentTerms.set(docId, terms);
  terms.add(term);
  if (titles.all.has(term)) {
    const use = corpus.titleTermUse.get(term) ?? { own: 0, total: 0 };
    use.total++;
    if (titles.byDocument.get(docId)?.has(term)) use.own++;
    corpus.titleTermUse.set(term, use);
  }
  if (YEAR_TERM.test(term)) {
    const paragraph = paragraphIdOf(passageId);
    const years = corpus.years.get(paragraph) ?? new Set<string>();
    years.add(term);
    corpus.years.set(paragraph, years);
  }
}

/** How many passages each per-passage cache of the index keeps (its words, terms and context). */
const PASSAGE_CACHE_SIZE = 20_000;

/**
 * The value kept in `cache` for a passage, computed and kept first when absent. A bounded cache:
 * when full it starts again, so the passages asked about most stay analysed.
 */
function remembered<T>(cache: Map<string, T>, passageId: string, compute: () => T): T {
  let value = cache.get(passageId);
  if (value === undefined) {
    value = compute();
    if (cache.size > PASSAGE_CACHE_SIZE) cache.clear();
    cache.set(passageId, value);
  }
  return value;
}

/** {@link TermStatistics} as written into a prebuilt index (see {@link TermStatisticsJSON}). */
function writeTermStatistics(
  vocabulary: ReadonlyMap<string, number>,
  corpus: Corpus,
  titles: ReadonlyMap<string, ReadonlySet<string>>,
): TermStatisticsJSON {
  const terms = [...vocabulary.keys()];
  const indexOf = new Map(terms.map((term, i) => [term, i]));
  const at = (term: string) => indexOf.get(term) ?? -1;
  return {
    terms,
    df: [...vocabulary.values()],
    documentTerms: [...corpus.documentTerms].map(([docId, own]) => [docId, [...own].map(at)]),
    titleTermUse: [...corpus.titleTermUse].map(([term, use]) => [at(term), use.own, use.total]),
    years: [...corpus.years].map(([paragraph, years]) => [paragraph, [...years]]),
    titles: [...titles].map(([docId, terms]) => [docId, [...terms]]),
  };
}

/** Reads back what {@link writeTermStatistics} wrote. */
function readTermStatistics(
  json: TermStatisticsJSON,
  passages: readonly Passage[],
): { vocabulary: Map<string, number>; corpus: Corpus } {
  const { terms } = json;
  const vocabulary = new Map(terms.map((term, i) => [term, json.df[i] ?? 0]));
  const corpus = emptyCorpus(passages);
  for (const [docId, own] of json.documentTerms)
    corpus.documentTerms.set(docId, new Set(own.map((i) => terms[i] as string)));
  for (const [i, own, total] of json.titleTermUse)
    corpus.titleTermUse.set(terms[i] as string, { own, total });
  for (const [paragraph, years] of json.years) corpus.years.set(paragraph, new Set(years));
  return { vocabulary, corpus };
}

/**
 * Whether `candidate` is within the typo tolerance of `term`: one edit for a short word, two for a
 * long one.
 */
export function isTypoOf(term: string, candidate: string): boolean {
  const allowed = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  if (allowed === 0 || Math.abs(term.length - candidate.length) > allowed) return false;
  return editDistance(term, candidate) <= allowed;
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
export function paragraphIdOf(passageId: string): string {
  return passageId.replace(/\.\d+$/, '');
}

/** The document id of a passage or figure id (`doc#p3.1`, `doc#p3.1~2` → `doc`). */
export function docIdOf(id: string): string {
  const hash = id.lastIndexOf('#');
  return hash < 0 ? id : id.slice(0, hash);
}

/** Each document's recency, 0 (oldest or undated) to 1 (newest), by the rank of its publication date. */
export function recencyOf(documents: readonly DocumentMeta[]): Map<string, number> {
  const dates = [
    ...new Set(documents.map((doc) => doc.published).filter((d): d is string => Boolean(d))),
  ].sort();
  return new Map(
    documents.map((doc) => {
      const rank = doc.published ? dates.indexOf(doc.published) : -1;
      return [doc.id, rank < 0 || dates.length < 2 ? 0 : rank / (dates.length - 1)];
    }),
  );
}
