/**
 * Where a question's time goes: the same questions through raw MiniSearch, through factdesk's
 * passage index with parts of the planned query taken away (synonyms, typo tolerance, the title
 * field), through `candidates`, `ask`, the figure index and autocomplete,
 * with the postings each variant walks. Run after `npm run bench` has generated and prebuilt a size:
 *
 *   tsx --expose-gc bench/attribution.ts --size 10k [--repeat 3]
 *
 * It reads SearchIndex internals (private fields) for the experiment only; nothing in src/ depends
 * on it, and it stops with a message if those internals are renamed.
 */

import path from 'node:path';
import MiniSearch, { type Query } from 'minisearch';
import { eng as englishStopWords } from 'stopword';
import { ask } from '../src/answer/ask.js';
import { suggestQuestions } from '../src/answer/suggest.js';
import { type KnowledgeBase, openKnowledgeBase } from '../src/knowledge-base.js';
import type { TermSpec } from '../src/search/scorer.js';
import { miniSearchQuery, type PlannedQuery } from '../src/search/search-index.js';
import { ensureCorpus } from './synthetic.js';

interface Internals {
  passageIndex: MiniSearch;
  figureIndex: MiniSearch;
}

/** MiniSearch's inverted index: term → field id → short document id → term frequency. */
type InvertedIndex = { get(term: string): Map<number, Map<number, number>> | undefined };

function internals(kb: KnowledgeBase): Internals {
  // The figure index is read on first use (see SearchIndex.figureIndex): asking for it reads it.
  const inner = kb.index as unknown as { passageIndex?: unknown; figureIndex?: () => unknown };
  const figureIndex = typeof inner.figureIndex === 'function' ? inner.figureIndex.call(kb.index) : undefined;
  if (!(inner.passageIndex instanceof MiniSearch) || !(figureIndex instanceof MiniSearch)) {
    throw new Error('SearchIndex no longer has passageIndex/figureIndex(): update bench/attribution.ts');
  }
  return { passageIndex: inner.passageIndex, figureIndex };
}

/** Postings (field × document pairs) that a list of exact terms makes MiniSearch walk. */
function postingsOf(index: MiniSearch, terms: string[], fields?: string[]): number {
  const inverted = (index as unknown as { _index: InvertedIndex })._index;
  const fieldIds = (index as unknown as { _fieldIds: Record<string, number> })._fieldIds;
  const wanted = fields ? new Set(fields.map((field) => fieldIds[field])) : undefined;
  let total = 0;
  for (const term of terms) {
    for (const [fieldId, docs] of inverted.get(term) ?? [])
      if (!wanted || wanted.has(fieldId)) total += docs.size;
  }
  return total;
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

interface Row {
  name: string;
  p50: number;
  p99: number;
  mean: number;
  candidates?: number;
  postings?: number;
}

function measure(
  name: string,
  inputs: string[],
  repeat: number,
  fn: (input: string) => unknown,
  extra?: { candidates?: (input: string) => number; postings?: (input: string) => number },
): Row {
  for (const input of inputs) fn(input);
  const samples: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const input of inputs) {
      const started = performance.now();
      fn(input);
      samples.push(performance.now() - started);
    }
  }
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  const avg = (f?: (input: string) => number) =>
    f ? Math.round(inputs.reduce((sum, input) => sum + f(input), 0) / inputs.length) : undefined;
  return {
    name,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    mean,
    candidates: avg(extra?.candidates),
    postings: avg(extra?.postings),
  };
}

/** The planned query's own terms (first group) and synonym terms (second), as lists. */
function termsOf(planned: PlannedQuery): { own: string[]; synonyms: string[] } {
  const terms = (group: TermSpec[] | undefined) => (group ?? []).map((spec) => spec.term);
  return { own: terms(planned.groups[0]), synonyms: terms(planned.groups[1]) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const size = args[args.indexOf('--size') + 1] ?? '10k';
  const repeat = Number(args.includes('--repeat') ? args[args.indexOf('--repeat') + 1] : 3);
  const corpus = await ensureCorpus(size);
  const kb = await openKnowledgeBase({ dir: corpus.knowledgeDir });
  const { passageIndex, figureIndex } = internals(kb);
  const questions = corpus.queries.questions.map((q) => q.text);
  const plans = new Map(questions.map((q) => [q, kb.index.plan(q)]));
  const planOf = (q: string) => plans.get(q) as PlannedQuery;
  const queryOf = (q: string) => miniSearchQuery(planOf(q).groups);

  const stopWords = new Set(englishStopWords);
  const raw = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm: (term) => (stopWords.has(term.toLowerCase()) ? null : term.toLowerCase()),
  });
  raw.addAll(kb.passages.map((p) => ({ id: p.id, text: p.text })));
  const rawTerms = (q: string) =>
    [
      ...new Set(
        (q.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.toLowerCase()).filter((t) => !stopWords.has(t)),
      ),
    ] as string[];

  const variant = (q: string, change: (spec: Query & object) => Query & object) => {
    const planned = planOf(q);
    if (planned.units.length === 0) return undefined;
    return change(miniSearchQuery(planned.groups) as Query & object);
  };
  const ownOnly = (spec: Query & object) => ({
    ...spec,
    queries: [(spec as { queries: Query[] }).queries[0] as Query],
  });
  const noFuzzy = (spec: Query & object) => {
    const first = (spec as { queries: Query[] }).queries[0] as Query & object;
    return { ...spec, queries: [{ ...first, fuzzy: false }] };
  };
  const textOnly = (spec: Query & object) => ({ ...noFuzzy(spec), fields: ['text'] });
  const run = (index: MiniSearch, q: Query | undefined, fields?: string[]) =>
    q === undefined ? [] : index.search(q as Query, fields ? { fields } : {});

  const rows: Row[] = [];
  rows.push(
    measure('raw MiniSearch (text, default options)', questions, repeat, (q) => raw.search(q), {
      candidates: (q) => raw.search(q).length,
      postings: (q) => postingsOf(raw, rawTerms(q)),
    }),
  );
  rows.push(
    measure(
      'passage index, planned query (as in ask)',
      questions,
      repeat,
      (q) => run(passageIndex, queryOf(q)),
      {
        candidates: (q) => run(passageIndex, queryOf(q)).length,
        postings: (q) => {
          const t = termsOf(planOf(q));
          return postingsOf(passageIndex, [...t.own, ...t.synonyms]);
        },
      },
    ),
  );
  rows.push(
    measure('  without synonym expansion', questions, repeat, (q) => run(passageIndex, variant(q, ownOnly)), {
      candidates: (q) => run(passageIndex, variant(q, ownOnly)).length,
      postings: (q) => postingsOf(passageIndex, termsOf(planOf(q)).own),
    }),
  );
  rows.push(
    measure('  … and without fuzzy', questions, repeat, (q) => run(passageIndex, variant(q, noFuzzy)), {
      candidates: (q) => run(passageIndex, variant(q, noFuzzy)).length,
    }),
  );
  rows.push(
    measure('  … and text field only', questions, repeat, (q) => run(passageIndex, variant(q, textOnly)), {
      candidates: (q) => run(passageIndex, variant(q, textOnly)).length,
      postings: (q) => postingsOf(passageIndex, termsOf(planOf(q)).own, ['text']),
    }),
  );
  // Selective terms only: the question's terms that at most 5 % of passages hold (falling back to
  // all of them when none is that rare). Common terms would then be checked per candidate (a bitset
  // per common term), not walked.
  const documentFrequency = (term: string) => {
    const inverted = (passageIndex as unknown as { _index: InvertedIndex })._index;
    const docs = new Set<number>();
    for (const [, postings] of inverted.get(term) ?? []) for (const id of postings.keys()) docs.add(id);
    return docs.size;
  };
  const rareLimit = 0.05 * passageIndex.documentCount;
  const selective = new Map(
    questions.map((q) => {
      const own = termsOf(planOf(q)).own;
      const rare = own.filter((term) => documentFrequency(term) <= rareLimit);
      return [q, rare.length > 0 ? rare : own];
    }),
  );
  const selectiveQuery = (q: string) => ({
    combineWith: 'OR' as const,
    queries: [(selective.get(q) ?? []).join(' ')],
    fields: ['text'],
    tokenize: (text: string) => text.split(' ').filter(Boolean),
    processTerm: (term: string) => term,
  });
  rows.push(
    measure(
      '  … and only terms in ≤ 5 % of passages',
      questions,
      repeat,
      (q) => passageIndex.search(selectiveQuery(q)),
      {
        candidates: (q) => passageIndex.search(selectiveQuery(q)).length,
        postings: (q) => postingsOf(passageIndex, selective.get(q) ?? [], ['text']),
      },
    ),
  );
  const inverted = (passageIndex as unknown as { _index: { keys(): Iterable<string> } })._index;
  let commonTerms = 0;
  for (const term of inverted.keys()) if (documentFrequency(term) > rareLimit) commonTerms++;
  const bitsetKB = Math.round((commonTerms * passageIndex.documentCount) / 8 / 1024);
  rows.push(measure('plan()', questions, repeat, (q) => kb.index.plan(q)));
  rows.push(measure('candidates()', questions, repeat, (q) => kb.index.candidates(q)));
  rows.push(measure('ask()', questions, repeat, (q) => ask(kb, q)));
  rows.push(
    measure('figure index, planned query', questions, repeat, (q) => run(figureIndex, queryOf(q)), {
      candidates: (q) => run(figureIndex, queryOf(q)).length,
      postings: (q) => {
        const t = termsOf(planOf(q));
        return postingsOf(figureIndex, [...t.own, ...t.synonyms]);
      },
    }),
  );
  rows.push(
    measure('searchFigures(limit 15)', questions, repeat, (q) => kb.index.searchFigures(q, { limit: 15 })),
  );

  const prefixes = corpus.queries.prefixes;
  const prefixPlans = new Map(
    prefixes.map((p) => [p, kb.index.plan(p.trim(), { prefixLast: !/\s$/.test(p) })]),
  );
  rows.push(
    measure(
      'autocomplete: figure index, prefix query',
      prefixes,
      repeat * 3,
      (p) => {
        const planned = prefixPlans.get(p);
        return planned && planned.units.length > 0 ? figureIndex.search(miniSearchQuery(planned.groups)) : [];
      },
      {
        candidates: (p) => {
          const planned = prefixPlans.get(p);
          return planned && planned.units.length > 0
            ? figureIndex.search(miniSearchQuery(planned.groups)).length
            : 0;
        },
      },
    ),
  );
  rows.push(measure('autocomplete: suggestQuestions', prefixes, repeat * 3, (p) => suggestQuestions(kb, p)));

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `${size}: ${kb.passages.length} passages, ${kb.figures.length} figures, ${questions.length} questions`,
  );
  console.log(
    `${'variant'.padEnd(width)}  ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)} ${'results'.padStart(8)} ${'postings'.padStart(9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(width)}  ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.mean.toFixed(2).padStart(8)} ${String(r.candidates ?? '').padStart(8)} ${String(r.postings ?? '').padStart(9)}`,
    );
  }

  // The prefixes that expand most: how many index terms the last word's prefix reaches.
  const termCount = (index: MiniSearch, prefix: string) =>
    (index as unknown as { _index: { atPrefix(p: string): { size: number } } })._index.atPrefix(prefix).size;
  const expansions = prefixes
    .map((p) => {
      const planned = prefixPlans.get(p);
      const last = planned?.units.at(-1)?.terms ?? [];
      return { prefix: p, terms: last.map((t) => `${t}→${termCount(figureIndex, t)}`).join(' ') };
    })
    .filter((e) => e.terms)
    .slice(0, 12);
  console.log('\nprefix expansion of the last word in the figure index (term → index terms it prefixes):');
  for (const e of expansions) console.log(`  "${e.prefix}": ${e.terms}`);
  console.log(
    `\nterms in > 5 % of passages: ${commonTerms} (one bitset each over the passages: ${bitsetKB} KB in all)`,
  );
  console.log(`(${path.relative(process.cwd(), corpus.knowledgeDir)}, origin ${kb.origin})`);
}

await main();
