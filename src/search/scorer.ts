import type MiniSearch from 'minisearch';

/**
 * One term of a query, as MiniSearch runs it: its own edit-distance and prefix expansion, and a boost.
 * `fuzzy` means what MiniSearch's `fuzzy` option means: below 1 a share of the term's length, from 1
 * up an edit distance; `false` for none.
 */
export interface TermSpec {
  term: string;
  fuzzy: number | false;
  prefix: boolean;
  boost: number;
}

/** MiniSearch's BM25+ parameters. */
export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

/** What a search runs over and how many results it keeps. */
export interface ScoreOptions {
  /** The fields searched, in MiniSearch's field order. */
  fields: readonly string[];
  /** A boost per field (1 when missing), as MiniSearch's `boost`. */
  boost: Readonly<Record<string, number>>;
  bm25: Bm25Params;
  /** How many of the best results to return. */
  limit: number;
}

/** One result: the same numbers and match details as MiniSearch's `SearchResult`. */
export interface ScoredHit {
  id: string;
  score: number;
  /** The index terms that matched (a fuzzy or prefix match names the passage's term). */
  terms: string[];
  /** The query terms that matched. */
  queryTerms: string[];
  /** Per matched index term, the fields it matched in. */
  match: Record<string, string[]>;
}

/** What MiniSearch keeps per term: field id → (short document id → term frequency). */
type FieldPostings = Map<number, Map<number, number>>;

/**
 * The parts of a MiniSearch instance a search reads. They are private to MiniSearch 7, so this is
 * the one place that names them, and `test/search/scorer.test.ts` checks against `MiniSearch.search`
 * on real indexes that reading them gives the very same results.
 */
interface MiniSearchInternals {
  _index: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/** MiniSearch's default weights of fuzzy and prefix matches, and its cap on a fractional edit distance. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
const MAX_FUZZY = 6;

/** One index term a query term reached (itself, or a fuzzy or prefix match), and its postings. */
interface Reached {
  source: string;
  derived: string;
  postings: FieldPostings;
}

/**
 * MiniSearch's OR search, computed over MiniSearch's own postings with flat arrays instead of a
 * result object per document and term, and keeping only the best `limit` results: the same scores
 * and order as `MiniSearch.search` (scores summed term by term within a group, then group by group;
 * each multiplied by the number of query terms matched; ties in the order documents were first
 * reached), at a fraction of the allocation. A question's ranking needs its best 30 passages, not
 * the thousands a common word reaches.
 *
 * @example
 * const scorer = new Bm25Scorer(miniSearch);
 * scorer.search([[{ term: 'revenu', fuzzy: false, prefix: false, boost: 1 }]], {
 *   fields: ['text', 'title'], boost: { title: 2 }, bm25: { k: 1.2, b: 0.7, d: 0.5 }, limit: 10,
 * });
 */
export class Bm25Scorer {
  private readonly internals: MiniSearchInternals;
  private readonly size: number;
  private norms: { key: string; byField: Float64Array[] } | undefined;
  private readonly total: Float64Array;
  private readonly group: Float64Array;
  private readonly term: Float64Array;
  private readonly matched: Uint16Array;
  private readonly groupStamp: Int32Array;
  private readonly termStamp: Int32Array;
  private readonly totalStamp: Int32Array;
  private stamp = 0;

  constructor(index: MiniSearch<never>) {
    this.internals = index as unknown as MiniSearchInternals;
    // MiniSearch skips a discarded document's postings as it meets them; these arrays know only
    // the documents of an index built whole, as factdesk builds every index (a reload rebuilds).
    if (this.internals._dirtCount > 0 || this.internals._documentIds.size !== this.internals._documentCount)
      throw new Error('Bm25Scorer: the index has discarded documents; build a fresh index instead');
    this.size = this.internals._nextId;
    this.total = new Float64Array(this.size);
    this.group = new Float64Array(this.size);
    this.term = new Float64Array(this.size);
    this.matched = new Uint16Array(this.size);
    this.groupStamp = new Int32Array(this.size);
    this.termStamp = new Int32Array(this.size);
    this.totalStamp = new Int32Array(this.size);
  }

  /**
   * The best `limit` results of an OR search over groups of terms, best first, and how many
   * documents matched at all. Query terms must be distinct (MiniSearch counts each once).
   */
  search(
    groups: readonly (readonly TermSpec[])[],
    options: ScoreOptions,
  ): { hits: ScoredHit[]; matched: number } {
    const { fields, boost, bm25 } = options;
    const internals = this.internals;
    const fieldIds = fields.map((field) => internals._fieldIds[field] ?? -1);
    const fieldBoosts = fields.map((field) => boost[field] || 1);
    const norms = this.normsFor(bm25);
    const { k, d } = bm25;
    const k1 = k + 1;
    const count = internals._documentCount;
    const order: number[] = [];
    const reached: Reached[] = [];
    const totalMark = this.nextStamp();

    for (const specs of groups) {
      const groupMark = this.nextStamp();
      const groupOrder: number[] = [];
      for (const spec of specs) {
        const termMark = this.nextStamp();
        const termOrder: number[] = [];
        const score = (derived: string, postings: FieldPostings | undefined, weight: number) => {
          if (!postings) return;
          reached.push({ source: spec.term, derived, postings });
          for (let f = 0; f < fieldIds.length; f++) {
            const fieldId = fieldIds[f] ?? -1;
            const freqs = postings.get(fieldId);
            const norm = norms[fieldId];
            if (!freqs || !norm) continue;
            const matching = freqs.size;
            const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
            const factor = weight * spec.boost * (fieldBoosts[f] ?? 1);
            freqs.forEach((tf, doc) => {
              const raw = idf * (d + (tf * k1) / (tf + (norm[doc] ?? 0)));
              if (this.termStamp[doc] !== termMark) {
                this.termStamp[doc] = termMark;
                this.term[doc] = factor * raw;
                termOrder.push(doc);
              } else this.term[doc] = (this.term[doc] ?? 0) + factor * raw;
            });
          }
        };
        score(spec.term, internals._index.get(spec.term), 1);
        let fuzzyMatches: Map<string, [FieldPostings, number]> | undefined;
        if (spec.fuzzy !== false && spec.fuzzy > 0) {
          const distance =
            spec.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(spec.term.length * spec.fuzzy)) : spec.fuzzy;
          if (distance) fuzzyMatches = internals._index.fuzzyGet(spec.term, distance);
        }
        if (spec.prefix)
          for (const [term, postings] of internals._index.atPrefix(spec.term)) {
            const distance = term.length - spec.term.length;
            if (!distance) continue;
            fuzzyMatches?.delete(term);
            score(term, postings, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
          }
        if (fuzzyMatches)
          for (const [term, [postings, distance]] of fuzzyMatches) {
            if (!distance) continue;
            score(term, postings, (FUZZY_WEIGHT * term.length) / (term.length + distance));
          }
        // The term's sum joins its group's, as MiniSearch's OR combines one term's results at a time.
        for (const doc of termOrder) {
          if (this.groupStamp[doc] !== groupMark) {
            this.groupStamp[doc] = groupMark;
            this.group[doc] = this.term[doc] ?? 0;
            groupOrder.push(doc);
            if (this.totalStamp[doc] !== totalMark) this.matched[doc] = 0;
          } else this.group[doc] = (this.group[doc] ?? 0) + (this.term[doc] ?? 0);
          this.matched[doc] = (this.matched[doc] ?? 0) + 1;
        }
      }
      for (const doc of groupOrder) {
        if (this.totalStamp[doc] !== totalMark) {
          this.totalStamp[doc] = totalMark;
          this.total[doc] = this.group[doc] ?? 0;
          order.push(doc);
        } else this.total[doc] = (this.total[doc] ?? 0) + (this.group[doc] ?? 0);
      }
    }
    const best = this.best(order, options.limit);
    return { hits: best.map((doc) => this.hitOf(doc, reached, fields, fieldIds)), matched: order.length };
  }

  /** A fresh mark for the per-document stamps (cheaper than clearing the arrays). */
  private nextStamp(): number {
    this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) {
      this.groupStamp.fill(0);
      this.termStamp.fill(0);
      this.totalStamp.fill(0);
    }
    return this.stamp;
  }

  /** `k·(1 − b + b·length/average)` per field and document, computed as MiniSearch computes it. */
  private normsFor({ k, b }: Bm25Params): Float64Array[] {
    const key = `${k}/${b}`;
    if (this.norms?.key === key) return this.norms.byField;
    const internals = this.internals;
    const byField = internals._avgFieldLength.map((average, fieldId) => {
      const norm = new Float64Array(this.size);
      for (const [doc, lengths] of internals._fieldLength)
        norm[doc] = k * (1 - b + (b * (lengths[fieldId] ?? 0)) / average);
      return norm;
    });
    this.norms = { key, byField };
    return byField;
  }

  /** The final score: the sum times the number of query terms matched, as MiniSearch weighs it. */
  private finalScore(doc: number): number {
    return (this.total[doc] ?? 0) * (this.matched[doc] || 1);
  }

  /**
   * The best `limit` documents, best first; equal scores keep the order documents were first
   * reached (MiniSearch sorts its results stably). One pass keeping a short sorted list: the rest
   * are never sorted.
   */
  private best(order: readonly number[], limit: number): number[] {
    const scores: number[] = [];
    const docs: number[] = [];
    for (const doc of order) {
      const score = this.finalScore(doc);
      if (docs.length === limit && !(score > (scores[limit - 1] ?? Infinity))) continue;
      // After every equal score: a document reached later ranks below it.
      let at = docs.length;
      while (at > 0 && (scores[at - 1] ?? 0) < score) at--;
      scores.splice(at, 0, score);
      docs.splice(at, 0, doc);
      if (docs.length > limit) {
        scores.pop();
        docs.pop();
      }
    }
    return docs;
  }

  /** A result with its match details, read back from the postings the query reached. */
  private hitOf(
    doc: number,
    reached: readonly Reached[],
    fields: readonly string[],
    fieldIds: number[],
  ): ScoredHit {
    const match: Record<string, string[]> = {};
    const queryTerms: string[] = [];
    for (const { source, derived, postings } of reached)
      fields.forEach((field, f) => {
        if (!postings.get(fieldIds[f] ?? -1)?.has(doc)) return;
        if (!queryTerms.includes(source)) queryTerms.push(source);
        const fieldsOf = Object.hasOwn(match, derived) ? match[derived] : undefined;
        if (fieldsOf) fieldsOf.push(field);
        else match[derived] = [field];
      });
    return {
      id: String(this.internals._documentIds.get(doc)),
      score: this.finalScore(doc),
      terms: Object.keys(match),
      queryTerms,
      match,
    };
  }
}
