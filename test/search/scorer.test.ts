import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Scorer, type ScoreOptions, type TermSpec } from '../../src/search/scorer.js';
import { miniSearchQuery } from '../../src/search/search-index.js';

/** A small corpus with repeated words, shared titles (ties) and near-spellings (fuzzy, prefix). */
const RECORDS = [
  { id: 'a#1', title: 'harbour report', text: 'port revenue rose to 12 million in 2023 revenue' },
  { id: 'a#2', title: 'harbour report', text: 'the harbour employs 540 people' },
  { id: 'a#3', title: 'harbour report', text: 'cargo volume fell by 3 percent' },
  { id: 'b#1', title: 'city budget', text: 'the city budget for schools is 40 million' },
  { id: 'b#2', title: 'city budget', text: 'revenues from parking rose' },
  { id: 'b#3', title: 'city budget', text: 'the budget balance revenue revenue revenue' },
  { id: 'c#1', title: 'hospital annual report', text: 'the hospital treated 20000 patients' },
  { id: 'c#2', title: 'hospital annual report', text: 'patient waiting times fell' },
  { id: 'c#3', title: 'hospital annual report', text: 'staff numbers rose to 1200 in the year' },
];
const WORDS = [
  'revenue',
  'revenu',
  'revenues',
  'harbour',
  'harbor',
  'report',
  'budget',
  'city',
  'patients',
  'patient',
  'rose',
  'fell',
  'hospital',
  'million',
  'staff',
  'nothing',
  'rev',
  'pat',
];

function index(): MiniSearch {
  const miniSearch = new MiniSearch({ fields: ['text', 'title'], tokenize: (text) => text.split(' ') });
  miniSearch.addAll(RECORDS);
  return miniSearch;
}

/** MiniSearch's own results for the same groups and options, cut to the limit. */
function miniSearchResults(miniSearch: MiniSearch, groups: TermSpec[][], options: ScoreOptions) {
  return miniSearch
    .search(miniSearchQuery(groups), {
      fields: [...options.fields],
      boost: { ...options.boost },
      bm25: options.bm25,
    })
    .slice(0, options.limit);
}

const OPTIONS: ScoreOptions = {
  fields: ['text', 'title'],
  boost: { title: 2 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  limit: 5,
};
const spec = (term: string, extra: Partial<TermSpec> = {}): TermSpec => ({
  term,
  fuzzy: false,
  prefix: false,
  boost: 1,
  ...extra,
});

describe('Bm25Scorer', () => {
  it('gives the scores and order of MiniSearch.search for exact terms', () => {
    const miniSearch = index();
    const groups = [[spec('revenue'), spec('rose'), spec('harbour')]];
    const expected = miniSearchResults(miniSearch, groups, OPTIONS);
    const { hits, matched } = new Bm25Scorer(miniSearch).search(groups, OPTIONS);
    expect(hits.map((hit) => [hit.id, hit.score])).toEqual(
      expected.map((result) => [result.id, result.score]),
    );
    expect(matched).toBe(miniSearch.search(miniSearchQuery(groups), { fields: [...OPTIONS.fields] }).length);
  });

  it('reports the matched terms, query terms and fields as MiniSearch does', () => {
    const miniSearch = index();
    const groups = [[spec('revenu', { fuzzy: 2 }), spec('harbour')], [spec('budget', { boost: 0.3 })]];
    const options = { ...OPTIONS, limit: 9 };
    const expected = miniSearchResults(miniSearch, groups, options);
    const hits = new Bm25Scorer(miniSearch).search(groups, options).hits;
    expect(hits.map((hit) => ({ id: hit.id, terms: hit.terms.sort(), queryTerms: hit.queryTerms }))).toEqual(
      expected.map((result) => ({
        id: result.id,
        terms: result.terms.sort(),
        queryTerms: result.queryTerms,
      })),
    );
    expect(hits.find((hit) => hit.id === 'b#2')?.match.revenues).toEqual(['text']);
  });

  it('keeps documents with equal scores in the order MiniSearch does', () => {
    // Every passage of a document matches the title word alike: their scores tie.
    const miniSearch = index();
    const groups = [[spec('report')]];
    const options = { ...OPTIONS, limit: 4 };
    const hits = new Bm25Scorer(miniSearch).search(groups, options).hits;
    expect(hits.map((hit) => hit.id)).toEqual(
      miniSearchResults(miniSearch, groups, options).map((r) => r.id),
    );
    expect(new Set(hits.map((hit) => hit.score)).size).toBeLessThan(hits.length);
  });

  it('searches only the fields it is given', () => {
    const miniSearch = index();
    const options = { ...OPTIONS, fields: ['title'] };
    const hits = new Bm25Scorer(miniSearch).search([[spec('revenue'), spec('city')]], options).hits;
    expect(hits.map((hit) => hit.id)).toEqual(['b#1', 'b#2', 'b#3']);
    expect(hits.every((hit) => hit.match.city?.join() === 'title')).toBe(true);
  });

  it('returns nothing for a term no document holds', () => {
    expect(new Bm25Scorer(index()).search([[spec('zebra')]], OPTIONS)).toEqual({ hits: [], matched: 0 });
  });

  it('matches MiniSearch on any query of fuzzy, prefix and boosted terms in groups', () => {
    const miniSearch = index();
    const scorer = new Bm25Scorer(miniSearch);
    const term = fc.record({
      term: fc.constantFrom(...WORDS),
      fuzzy: fc.constantFrom(false as const, 1, 2, 0.2),
      prefix: fc.boolean(),
      boost: fc.constantFrom(1, 0.3, 0, 2),
    });
    const groups = fc
      .array(fc.uniqueArray(term, { selector: (t) => t.term, minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 2,
      })
      .filter((list) => new Set(list.flat().map((t) => t.term)).size === list.flat().length);
    const options = fc.record({
      fields: fc.constantFrom<string[]>(['text', 'title'], ['text'], ['title']),
      boost: fc.constantFrom<Record<string, number>>({}, { title: 2 }, { text: 1, title: 0.5 }),
      bm25: fc.constantFrom({ k: 1.2, b: 0.7, d: 0.5 }, { k: 0.9, b: 0.4, d: 0 }),
      limit: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(groups, options, (query, opts) => {
        const expected = miniSearchResults(miniSearch, query, opts);
        const hits = scorer.search(query, opts).hits;
        expect(hits.map((hit) => [hit.id, hit.score, hit.queryTerms])).toEqual(
          expected.map((result) => [result.id, result.score, result.queryTerms]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an index with discarded documents, whose postings it cannot tell apart', () => {
    const miniSearch = index();
    miniSearch.discard('a#1');
    expect(() => new Bm25Scorer(miniSearch)).toThrow(
      'Bm25Scorer: the index has discarded documents; build a fresh index instead',
    );
  });
});
