/**
 * `npm run bench`: how factdesk's engine scales with the size of the knowledge folder.
 *
 * For each size (synthetic folders of about 1k, 10k and 100k passages, see `bench/synthetic.ts`) it
 * measures, each in a fresh child process (`node --expose-gc --import tsx`):
 * - build: `openKnowledgeBase({ usePrebuilt: false })`, then `writePrebuiltIndex` (bytes);
 * - load: `openKnowledgeBase` with the prebuilt index present (median of several fresh processes),
 *   and the heap used after load (after `gc()`);
 * - latency (p50/p99 after a warm-up) of `ask`, `lookupFigure`, `suggestQuestions` and
 *   `suggestFigureChoices`, beside a raw MiniSearch (`text` only, lowercase + stop words) on the
 *   same passages and questions, timed interleaved with `ask` question by question so that their
 *   ratio survives a busy machine. Functions are called directly: the per-knowledge-base memo of
 *   the commands is not in the way (the figure-analysis cache of src/answer is warm after the first
 *   pass, which is reported on its own).
 * Beside p99 over all calls, `[robust]` is the p99 of each input's median over the passes.
 * It prints a table, the targets with PASS/MISS (a miss never fails the process), then one JSON object
 * (also written to bench/.data/last-results.json). See bench/attribution.ts and
 * bench/profile-summary.ts to find where the time goes.
 *
 * Options:
 *   --sizes 1k,10k        sizes to run (default 1k,10k,100k)
 *   --repeat N            passes over the question list when timing (default 5)
 *   --budget S            stop adding passes to one timing after S seconds (default 15; one pass at least)
 *   --load-runs N         fresh processes for the load median (default 5)
 *   --no-breakdown        skip the per-stage build and load timings
 *   --profile             write V8 CPU profiles of the workers to bench/.data/profiles/
 *   --only ask|figure|suggest|raw   time only that part of the query worker (with --profile)
 *   --max-old-space-size N          heap limit of the workers, in MB (default: node's)
 *   --force-generate      regenerate the synthetic folders
 */

import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type SearchResult } from 'minisearch';
import { eng as englishStopWords } from 'stopword';
import { ask } from '../src/answer/ask.js';
import { lookupFigure } from '../src/answer/figure-lookup.js';
import { suggestFigureChoices, suggestQuestions } from '../src/answer/suggest.js';
import { extractFigures } from '../src/figures/extract.js';
import { loadDocuments } from '../src/knowledge/load.js';
import { type PackedFigures, packFigures, unpackFigures } from '../src/knowledge/prebuilt-figures.js';
import {
  hashKnowledgeFolder,
  type KnowledgeBase,
  openKnowledgeBase,
  PREBUILT_INDEX_FILE,
  SYNONYMS_FILE,
  writePrebuiltIndex,
} from '../src/knowledge-base.js';
import { analyzeWords } from '../src/search/analyzer.js';
import {
  FIGURE_INDEX_OPTIONS,
  miniSearchQuery,
  passageIndexOptions,
  SearchIndex,
  type SearchIndexJSON,
} from '../src/search/search-index.js';
import { loadSynonyms } from '../src/search/synonyms.js';
import { splitPassages } from '../src/text/passages.js';
import type { DocumentMeta, Passage } from '../src/types.js';
import { DATA_ROOT, ensureCorpus, type QuerySet } from './synthetic.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const PROJECT_ROOT = path.resolve(path.dirname(THIS_FILE), '..');
const RESULT_MARK = '@@bench-result ';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Latency statistics of one operation, in milliseconds. */
interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  if (samples.length === 0)
    return { n: 0, p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((sum, x) => sum + x, 0) / sorted.length),
  };
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function maxRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Keeps results alive so the work is not optimised away; printed by the workers. */
let sink = 0;

// ---------------------------------------------------------------------------------------------
// Workers (one fresh process each)
// ---------------------------------------------------------------------------------------------

interface BuildResult {
  documents: number;
  passages: number;
  figures: number;
  problems: number;
  vocabulary: number;
  buildMs: number;
  heapAfterBuildMB: number;
  writeMs?: number;
  bytes?: number;
  writeError?: string;
  /** Bytes of each part of the prebuilt bundle, serialised alone. */
  parts?: Record<string, number>;
  /** Build stages timed one by one (a second build). */
  stages?: Record<string, number>;
  maxRssMB: number;
}

async function buildWorker(dir: string, breakdown: boolean): Promise<BuildResult> {
  collectGarbage();
  let started = performance.now();
  let kb: KnowledgeBase | undefined = await openKnowledgeBase({ dir, usePrebuilt: false });
  const buildMs = ms(started);
  collectGarbage();
  const result: BuildResult = {
    documents: kb.documents.length,
    passages: kb.passages.length,
    figures: kb.figures.length,
    problems: kb.problems.length,
    vocabulary: new Set(analyzeWords(kb.passages.map((p) => p.text).join(' ')).flatMap((u) => u.terms)).size,
    buildMs,
    heapAfterBuildMB: mb(process.memoryUsage().heapUsed),
    maxRssMB: 0,
  };
  started = performance.now();
  try {
    const written = await writePrebuiltIndex(kb);
    result.writeMs = ms(started);
    result.bytes = written.bytes;
  } catch (error) {
    result.writeError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  try {
    const index = kb.index.toJSON();
    const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    result.parts = {
      documents: size(kb.documents),
      passages: size(kb.passages),
      figures: size(packFigures(kb.figures, kb.passagesById)),
      passageIndex: size(index.passages),
      figureIndex: Buffer.byteLength(index.figures),
    };
  } catch {
    // A part too large to serialise alone is already reported by writeError.
  }
  if (breakdown) {
    kb = undefined;
    collectGarbage();
    const stages: Record<string, number> = {};
    started = performance.now();
    const { synonyms } = await loadSynonyms(path.join(dir, SYNONYMS_FILE), SYNONYMS_FILE);
    stages.synonyms = ms(started);
    started = performance.now();
    await hashKnowledgeFolder(dir, path.join(dir, SYNONYMS_FILE));
    stages.hash = ms(started);
    started = performance.now();
    const loaded = await loadDocuments(dir);
    stages.readAndParseDocuments = ms(started);
    started = performance.now();
    const passages = loaded.documents.flatMap((doc) => splitPassages(doc));
    stages.splitPassages = ms(started);
    started = performance.now();
    const figures = passages.flatMap((passage) => extractFigures(passage));
    stages.extractFigures = ms(started);
    started = performance.now();
    const metas = loaded.documents.map(({ body: _body, ...meta }) => meta);
    SearchIndex.build(metas, passages, figures, synonyms);
    stages.indexBuild = ms(started);
    result.stages = stages;
  }
  result.maxRssMB = maxRssMB();
  return result;
}

interface LoadResult {
  loadMs: number;
  /** The first `/figure` autocomplete after the load: it reads the figure index, which a load leaves serialised. */
  firstFigureMs: number;
  loadavg1: number;
  origin: string;
  heapBeforeMB: number;
  heapAfterLoadMB: number;
  rssAfterLoadMB: number;
  maxRssMB: number;
}

async function loadWorker(dir: string): Promise<LoadResult> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const kb = await openKnowledgeBase({ dir });
  const loadMs = ms(started);
  const figureStarted = performance.now();
  sink += suggestFigureChoices(kb, 'revenu').length;
  const firstFigureMs = ms(figureStarted);
  collectGarbage();
  const memory = process.memoryUsage();
  sink += kb.passages.length;
  return {
    loadMs,
    firstFigureMs,
    loadavg1: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    origin: kb.origin,
    heapBeforeMB: mb(heapBefore),
    heapAfterLoadMB: mb(memory.heapUsed),
    rssAfterLoadMB: mb(memory.rss),
    maxRssMB: maxRssMB(),
  };
}

/** The steps of `openKnowledgeBase` with a prebuilt index, timed one by one. */
async function loadBreakdownWorker(dir: string): Promise<Record<string, number>> {
  const stages: Record<string, number> = {};
  let started = performance.now();
  const { synonyms } = await loadSynonyms(path.join(dir, SYNONYMS_FILE), SYNONYMS_FILE);
  stages.synonyms = ms(started);
  started = performance.now();
  await hashKnowledgeFolder(dir, path.join(dir, SYNONYMS_FILE));
  stages.hashFolder = ms(started);
  started = performance.now();
  const text = await readFile(path.join(dir, PREBUILT_INDEX_FILE), 'utf8');
  stages.readFile = ms(started);
  started = performance.now();
  const bundle = JSON.parse(text) as {
    index: SearchIndexJSON;
    documents: DocumentMeta[];
    passages: Passage[];
    figures: PackedFigures;
  };
  stages.jsonParse = ms(started);
  started = performance.now();
  const byId = new Map(bundle.passages.map((p) => [p.id, p]));
  const figures = unpackFigures(bundle.figures, byId);
  const figuresById = new Map(figures.map((f) => [f.id, f]));
  stages.figuresAndMaps = ms(started);
  started = performance.now();
  const passageIndex = MiniSearch.loadJS(bundle.index.passages, passageIndexOptions());
  stages.loadJsPassages = ms(started);
  started = performance.now();
  const index = SearchIndex.fromJSON(bundle.index, bundle.documents, bundle.passages, synonyms);
  stages.searchIndexFromJSON = ms(started);
  started = performance.now();
  // Not part of a load: the figure index is read on the first figure search.
  const figureIndex = MiniSearch.loadJSON(bundle.index.figures, FIGURE_INDEX_OPTIONS);
  stages.figureIndexOnFirstUse = ms(started);
  sink += passageIndex.documentCount + figureIndex.documentCount + byId.size + figuresById.size;
  sink += index.weightOf('gdp');
  return stages;
}

type TimingStats = ReturnType<typeof timingStats>;

interface QueryResult {
  origin: string;
  repeat: number;
  answeredShare: number;
  ask?: TimingStats;
  askAnswered?: Stats;
  askUnanswered?: Stats;
  stages?: Record<string, TimingStats>;
  lookupFigure?: TimingStats;
  suggestQuestions?: TimingStats;
  suggestFigureChoices?: TimingStats;
  slowestAutocomplete?: { prefix: string; ms: number }[];
  slowestQuestions?: { question: string; kind: string; ms: number }[];
  raw?: TimingStats;
  rawBuildMs?: number;
  meanCandidates?: { factdesk: number; raw: number };
  ratioP99?: number;
  ratioP50?: number;
  /** ask / raw on the per-question medians: the ratio with the machine's noise mostly removed. */
  ratioRobustP99?: number;
  loadavg: number[];
  sink: number;
}

type Timed = { ms: number; label: string };

/** Latencies of one operation: over all calls, and robust to a busy machine (per-input medians). */
interface Timing {
  samples: number[];
  timed: Timed[];
  passes: number;
  /** The warm-up pass: JIT and the per-figure analysis caches of src/answer still cold. */
  firstPass: number[];
}

/**
 * Times `fn` over `inputs` after one warm-up pass: `repeat` passes, or fewer when a pass would
 * start after `budgetMs` (at least one pass is always timed).
 */
function timeAll(inputs: string[], repeat: number, budgetMs: number, fn: (input: string) => unknown): Timing {
  const firstPass: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    sink += fn(input) ? 1 : 0;
    firstPass.push(performance.now() - started);
  }
  const samples: number[] = [];
  const timed: Timed[] = [];
  const begun = performance.now();
  let passes = 0;
  while (passes < repeat && (passes === 0 || performance.now() - begun < budgetMs)) {
    for (const input of inputs) {
      const started = performance.now();
      const result = fn(input);
      const elapsed = performance.now() - started;
      samples.push(elapsed);
      timed.push({ ms: elapsed, label: input });
      sink += result ? 1 : 0;
    }
    passes++;
  }
  return { samples, timed, passes, firstPass };
}

/**
 * Times two operations on the same inputs interleaved (input by input, alternating which goes
 * first), so that a busy machine slows both alike and their ratio stays meaningful.
 */
function timePaired(
  inputs: string[],
  repeat: number,
  budgetMs: number,
  fns: [(input: string) => unknown, (input: string) => unknown],
): [Timing, Timing] {
  const timings: [Timing, Timing] = [
    { samples: [], timed: [], passes: 0, firstPass: [] },
    { samples: [], timed: [], passes: 0, firstPass: [] },
  ];
  const once = (which: 0 | 1, input: string, into: 'firstPass' | 'samples') => {
    const started = performance.now();
    sink += fns[which](input) ? 1 : 0;
    const elapsed = performance.now() - started;
    timings[which][into].push(elapsed);
    if (into === 'samples') timings[which].timed.push({ ms: elapsed, label: input });
  };
  for (const input of inputs) {
    once(0, input, 'firstPass');
    once(1, input, 'firstPass');
  }
  const begun = performance.now();
  let passes = 0;
  while (passes < repeat && (passes === 0 || performance.now() - begun < budgetMs)) {
    for (const input of inputs) {
      const first = passes % 2 === 0 ? 0 : 1;
      once(first, input, 'samples');
      once(first === 0 ? 1 : 0, input, 'samples');
    }
    passes++;
  }
  timings[0].passes = passes;
  timings[1].passes = passes;
  return timings;
}

/** p50/p99 over all calls, plus `robustP99`: the p99 of each input's median (noise-resistant). */
function timingStats(
  timing: Timing,
): Stats & { robustP50: number; robustP99: number; passes: number; firstPass: { p50: number; p99: number } } {
  const byInput = new Map<string, number[]>();
  for (const t of timing.timed) {
    const list = byInput.get(t.label) ?? [];
    list.push(t.ms);
    byInput.set(t.label, list);
  }
  const medians = stats([...byInput.values()].map((list) => median(list)));
  const first = stats(timing.firstPass);
  return {
    ...stats(timing.samples),
    robustP50: medians.p50,
    robustP99: medians.p99,
    passes: timing.passes,
    firstPass: { p50: first.p50, p99: first.p99 },
  };
}

/** The raw-MiniSearch baseline: `text` only, default tokenizer and options, lowercase + stop words. */
function rawIndex(kb: KnowledgeBase): MiniSearch<{ id: string; text: string }> {
  const stopWords = new Set(englishStopWords);
  const raw = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return stopWords.has(lower) ? null : lower;
    },
  });
  raw.addAll(kb.passages.map((passage) => ({ id: passage.id, text: passage.text })));
  return raw;
}

/** The passage MiniSearch inside the SearchIndex (private there; read here for stage timing only). */
function passageMiniSearch(kb: KnowledgeBase): MiniSearch | undefined {
  const inner = (kb.index as unknown as { passageIndex?: MiniSearch }).passageIndex;
  return inner instanceof MiniSearch ? inner : undefined;
}

async function queryWorker(
  dir: string,
  queries: QuerySet,
  repeat: number,
  budgetMs: number,
  only: string | undefined,
): Promise<QueryResult> {
  const kb = await openKnowledgeBase({ dir });
  const questions = queries.questions.map((q) => q.text);
  const kindOf = new Map(queries.questions.map((q) => [q.text, q.kind]));
  const result: QueryResult = { origin: kb.origin, repeat, answeredShare: 0, loadavg: os.loadavg(), sink: 0 };
  const answered = new Set(questions.filter((q) => ask(kb, q).answered));
  result.answeredShare = Math.round((answered.size / new Set(questions).size) * 1000) / 1000;
  const runs = (part: string) => only === undefined || only === part;

  let raw: MiniSearch<{ id: string; text: string }> | undefined;
  if (runs('raw') || runs('ask')) {
    const started = performance.now();
    raw = rawIndex(kb);
    result.rawBuildMs = ms(started);
  }
  if (runs('ask') && raw) {
    const rawIndexOf = raw;
    // ask and raw MiniSearch interleaved, question by question: their ratio survives a busy machine.
    const [timing, rawTiming] = timePaired(questions, repeat, budgetMs, [
      (q) => ask(kb, q),
      (q) => rawIndexOf.search(q),
    ]);
    result.ask = timingStats(timing);
    result.raw = timingStats(rawTiming);
    result.askAnswered = stats(timing.timed.filter((t) => answered.has(t.label)).map((t) => t.ms));
    result.askUnanswered = stats(timing.timed.filter((t) => !answered.has(t.label)).map((t) => t.ms));
    result.slowestQuestions = slowestDistinct(timing.timed, 8).map((t) => ({
      question: t.label,
      kind: kindOf.get(t.label) ?? '?',
      ms: t.ms,
    }));
    const inner = passageMiniSearch(kb);
    const stageRepeat = Math.max(1, Math.ceil(repeat / 2));
    const stageBudget = budgetMs / 2;
    const stage = (fn: (q: string) => unknown) =>
      timingStats(timeAll(questions, stageRepeat, stageBudget, fn));
    result.stages = {
      analyzeWords: stage((q) => analyzeWords(q)),
      plan: stage((q) => kb.index.plan(q)),
      candidates: stage((q) => kb.index.candidates(q)),
      searchFigures: stage((q) => kb.index.searchFigures(q, { limit: 15 })),
    };
    if (inner) {
      const plans = new Map(questions.map((q) => [q, kb.index.plan(q)]));
      result.stages.miniSearchOnly = stage((q) => {
        const planned = plans.get(q);
        return planned && planned.units.length > 0 ? inner.search(miniSearchQuery(planned.groups)) : [];
      });
      let candidates = 0;
      for (const q of questions) {
        const planned = plans.get(q);
        if (planned && planned.units.length > 0)
          candidates += inner.search(miniSearchQuery(planned.groups)).length;
      }
      result.meanCandidates = { factdesk: Math.round(candidates / questions.length), raw: 0 };
    }
  }
  if (runs('figure')) {
    result.lookupFigure = timingStats(
      timeAll(queries.topics, repeat * 2, budgetMs, (topic) => lookupFigure(kb, topic)),
    );
  }
  if (runs('suggest')) {
    const autoRepeat = repeat * 4;
    const questionsRun = timeAll(queries.prefixes, autoRepeat, budgetMs, (prefix) =>
      suggestQuestions(kb, prefix),
    );
    result.suggestQuestions = timingStats(questionsRun);
    result.suggestFigureChoices = timingStats(
      timeAll(queries.prefixes, autoRepeat, budgetMs, (prefix) => suggestFigureChoices(kb, prefix)),
    );
    result.slowestAutocomplete = slowestDistinct(questionsRun.timed, 6).map((t) => ({
      prefix: t.label,
      ms: t.ms,
    }));
  }
  if (raw) {
    const rawIndexOf = raw;
    if (!result.raw)
      result.raw = timingStats(timeAll(questions, repeat, budgetMs, (q) => rawIndexOf.search(q)));
    let candidates = 0;
    for (const q of questions) candidates += (raw.search(q) as SearchResult[]).length;
    if (result.meanCandidates) result.meanCandidates.raw = Math.round(candidates / questions.length);
    if (result.ask && result.raw.p99 > 0) {
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      result.ratioP99 = ratio(result.ask.p99, result.raw.p99);
      result.ratioP50 = ratio(result.ask.p50, result.raw.p50);
      result.ratioRobustP99 = ratio(result.ask.robustP99, result.raw.robustP99);
    }
  }
  result.loadavg = [...result.loadavg, ...os.loadavg()].map((x) => Math.round(x * 100) / 100);
  result.sink = sink;
  return result;
}

/** The slowest inputs, each once (its slowest run). */
function slowestDistinct(timed: Timed[], count: number): Timed[] {
  const worst = new Map<string, number>();
  for (const t of timed) worst.set(t.label, Math.max(worst.get(t.label) ?? 0, t.ms));
  return [...worst.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([label, value]) => ({ label, ms: Math.round(value * 100) / 100 }));
}

/** Event-loop delay while the knowledge base is rebuilt off the main thread, as `/reload` does. */
interface ReloadResult {
  reloadMs: number;
  delayP99Ms: number;
  delayMaxMs: number;
}

async function reloadWorker(dir: string): Promise<ReloadResult> {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  await openKnowledgeBase({ dir });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  // A timer ticking every 5 ms stands for the answers being served meanwhile.
  const ticker = setInterval(() => {
    sink++;
  }, 5);
  histogram.enable();
  const started = performance.now();
  const kb = await openKnowledgeBase({ dir, usePrebuilt: false, offThread: true });
  const reloadMs = ms(started);
  histogram.disable();
  clearInterval(ticker);
  sink += kb.passages.length;
  return {
    reloadMs,
    delayP99Ms: Math.round(histogram.percentile(99) / 1e4) / 100,
    delayMaxMs: Math.round(histogram.max / 1e4) / 100,
  };
}

async function runWorker(args: Args): Promise<void> {
  const corpus = await ensureCorpus(args.worker.size);
  const dir = corpus.knowledgeDir;
  let result: unknown;
  switch (args.worker.mode) {
    case 'build':
      result = await buildWorker(dir, args.breakdown);
      break;
    case 'load':
      result = await loadWorker(dir);
      break;
    case 'load-breakdown':
      result = await loadBreakdownWorker(dir);
      break;
    case 'reload':
      result = await reloadWorker(dir);
      break;
    case 'query':
      result = await queryWorker(dir, corpus.queries, args.repeat, args.budgetSeconds * 1000, args.only);
      break;
    default:
      throw new Error(`unknown worker mode ${args.worker.mode}`);
  }
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent: spawn workers, print the table, the targets and the JSON
// ---------------------------------------------------------------------------------------------

interface Args {
  sizes: string[];
  repeat: number;
  budgetSeconds: number;
  loadRuns: number;
  breakdown: boolean;
  profile: boolean;
  only: string | undefined;
  maxOldSpace: number | undefined;
  forceGenerate: boolean;
  worker: { mode: string; size: string };
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    if (at < 0) return undefined;
    const next = argv[at + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
    return next;
  };
  const number = (name: string, fallback: number) => {
    const text = value(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${text}"`);
    return n;
  };
  const maxOld = value('--max-old-space-size');
  return {
    sizes: (value('--sizes') ?? '1k,10k,100k')
      .split(',')
      .map((size) => size.trim())
      .filter(Boolean),
    repeat: Math.round(number('--repeat', 5)),
    budgetSeconds: number('--budget', 15),
    loadRuns: Math.round(number('--load-runs', 5)),
    breakdown: !argv.includes('--no-breakdown'),
    profile: argv.includes('--profile'),
    only: value('--only'),
    maxOldSpace: maxOld === undefined ? undefined : Number(maxOld),
    forceGenerate: argv.includes('--force-generate'),
    worker: { mode: value('--worker') ?? '', size: value('--size') ?? '' },
  };
}

interface WorkerOutcome<T> {
  ok: boolean;
  result?: T;
  error?: string;
  wallMs: number;
}

async function spawnWorker<T>(args: Args, mode: string, size: string): Promise<WorkerOutcome<T>> {
  const nodeFlags = ['--expose-gc', '--import', 'tsx'];
  if (args.maxOldSpace) nodeFlags.push(`--max-old-space-size=${args.maxOldSpace}`);
  if (args.profile) {
    const dir = path.join(DATA_ROOT, 'profiles');
    await mkdir(dir, { recursive: true });
    nodeFlags.push(
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      '--cpu-prof-name',
      `${size}-${mode}-${Date.now()}.cpuprofile`,
    );
  }
  const workerArgs = [
    '--worker',
    mode,
    '--size',
    size,
    '--repeat',
    String(args.repeat),
    '--budget',
    String(args.budgetSeconds),
  ];
  if (!args.breakdown) workerArgs.push('--no-breakdown');
  if (args.only) workerArgs.push('--only', args.only);
  const started = performance.now();
  return await new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, THIS_FILE, ...workerArgs], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code, signal) => {
      const wallMs = ms(started);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) {
        resolve({ ok: true, result: JSON.parse(line.slice(RESULT_MARK.length)) as T, wallMs });
      } else {
        const tail = stderr.trim().split('\n').slice(-6).join(' | ');
        resolve({ ok: false, error: `exit ${code ?? signal}: ${tail || 'no output'}`, wallMs });
      }
    });
  });
}

interface SizeReport {
  size: string;
  documents?: number;
  passages?: number;
  figures?: number;
  build?: BuildResult;
  buildError?: string;
  load?: {
    medianMs: number;
    runsMs: number[];
    firstFigureMs: number;
    origin: string;
    heapAfterLoadMB: number;
    rssAfterLoadMB: number;
  };
  loadError?: string;
  loadStages?: Record<string, number>;
  reload?: ReloadResult;
  query?: QueryResult;
  queryError?: string;
}

interface Target {
  name: string;
  size: string;
  limit: number;
  unit: string;
  value: (report: SizeReport) => number | undefined;
  robust?: (report: SizeReport) => number | undefined;
}

/** A p99 latency target in ms: its plain p99 and the noise-resistant one of the same timing. */
function p99Target(
  name: string,
  size: string,
  limit: number,
  timing: (query: QueryResult) => TimingStats | undefined,
): Target {
  return {
    name,
    size,
    limit,
    unit: 'ms',
    value: (r) => (r.query ? timing(r.query)?.p99 : undefined),
    robust: (r) => (r.query ? timing(r.query)?.robustP99 : undefined),
  };
}

const TARGETS: Target[] = [
  p99Target('ask p99', '10k', 5, (q) => q.ask),
  p99Target('ask p99', '100k', 50, (q) => q.ask),
  p99Target('autocomplete p99 (suggestQuestions)', '10k', 5, (q) => q.suggestQuestions),
  p99Target('autocomplete p99 (suggestFigureChoices, /figure)', '10k', 5, (q) => q.suggestFigureChoices),
  ...['1k', '10k', '100k'].map((size) => ({
    name: 'ask p99 / raw MiniSearch p99',
    size,
    limit: 1.2,
    unit: '×',
    value: (r: SizeReport) => r.query?.ratioP99,
    robust: (r: SizeReport) => r.query?.ratioRobustP99,
  })),
  { name: 'prebuilt load (median)', size: '10k', limit: 400, unit: 'ms', value: (r) => r.load?.medianMs },
  {
    name: 'event-loop delay p99 during an off-thread reload',
    size: '10k',
    limit: 50,
    unit: 'ms',
    value: (r) => r.reload?.delayP99Ms,
  },
];

const fmt = (x: number | undefined, digits = 2) =>
  x === undefined || Number.isNaN(x) ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
const pair = (s: Pick<Stats, 'p50' | 'p99'> | undefined) => (s ? `${fmt(s.p50)} / ${fmt(s.p99)}` : '—');
/** `p50 / p99 [robust p99]`: the bracket is the p99 of per-input medians, which a busy machine hardly moves. */
const triple = (s: TimingStats | undefined) =>
  s ? `${fmt(s.p50)} / ${fmt(s.p99)} [${fmt(s.robustP99)}]` : '—';

function printTable(reports: SizeReport[]): void {
  const rows: [string, (r: SizeReport) => string][] = [
    ['documents', (r) => fmt(r.documents, 0)],
    ['passages', (r) => fmt(r.passages, 0)],
    ['figures', (r) => fmt(r.figures, 0)],
    ['distinct terms (passages)', (r) => fmt(r.build?.vocabulary, 0)],
    [
      'build, usePrebuilt false (s)',
      (r) => (r.build ? fmt(r.build.buildMs / 1000, 2) : (r.buildError ?? '—')),
    ],
    ['heap after build (MB)', (r) => fmt(r.build?.heapAfterBuildMB, 0)],
    ['peak RSS of build worker (MB)', (r) => fmt(r.build?.maxRssMB, 0)],
    [
      'writePrebuiltIndex (s)',
      (r) => (r.build?.writeError ? 'FAILED' : fmt((r.build?.writeMs ?? Number.NaN) / 1000, 2)),
    ],
    ['serialised size (MB)', (r) => fmt(r.build?.bytes === undefined ? undefined : mb(r.build.bytes), 1)],
    ['load prebuilt, median (ms)', (r) => (r.load ? fmt(r.load.medianMs, 0) : (r.loadError ?? '—'))],
    ['  then the first suggestFigureChoices (ms)', (r) => fmt(r.load?.firstFigureMs, 0)],
    ['heap used after load (MB)', (r) => fmt(r.load?.heapAfterLoadMB, 0)],
    ['RSS after load (MB)', (r) => fmt(r.load?.rssAfterLoadMB, 0)],
    ['answered share of questions', (r) => fmt(r.query?.answeredShare, 3)],
    ['ask p50 / p99 (ms)', (r) => triple(r.query?.ask)],
    ['  first pass (cold) p50 / p99', (r) => pair(r.query?.ask?.firstPass)],
    ['  answered p50 / p99', (r) => pair(r.query?.askAnswered)],
    ['  not answered p50 / p99', (r) => pair(r.query?.askUnanswered)],
    ['  analyzeWords p50 / p99', (r) => triple(r.query?.stages?.analyzeWords)],
    ['  plan p50 / p99', (r) => triple(r.query?.stages?.plan)],
    ['  MiniSearch.search (planned) p50/p99', (r) => triple(r.query?.stages?.miniSearchOnly)],
    ['  searchPassages p50 / p99', (r) => triple(r.query?.stages?.searchPassages)],
    ['  searchFigures p50 / p99', (r) => triple(r.query?.stages?.searchFigures)],
    ['lookupFigure p50 / p99 (ms)', (r) => triple(r.query?.lookupFigure)],
    ['suggestQuestions p50 / p99 (ms)', (r) => triple(r.query?.suggestQuestions)],
    ['suggestFigureChoices p50 / p99 (ms)', (r) => triple(r.query?.suggestFigureChoices)],
    ['raw MiniSearch p50 / p99 (ms)', (r) => triple(r.query?.raw)],
    ['raw MiniSearch build (s)', (r) => fmt((r.query?.rawBuildMs ?? Number.NaN) / 1000, 2)],
    [
      'mean candidates factdesk / raw',
      (r) =>
        r.query?.meanCandidates ? `${r.query.meanCandidates.factdesk} / ${r.query.meanCandidates.raw}` : '—',
    ],
    [
      'ask / raw, p50 / p99 [robust] (×)',
      (r) => `${fmt(r.query?.ratioP50)} / ${fmt(r.query?.ratioP99)} [${fmt(r.query?.ratioRobustP99)}]`,
    ],
    [
      'load average during queries',
      (r) => (r.query ? r.query.loadavg.slice(0, 1).concat(r.query.loadavg.slice(3, 4)).join(' → ') : '—'),
    ],
  ];
  const header = ['metric', ...reports.map((r) => r.size)];
  const body = rows.map(([name, cell]) => [name, ...reports.map((r) => cell(r))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log('latencies in ms: p50 / p99 [p99 of per-input medians]');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}

function printStages(reports: SizeReport[]): void {
  for (const report of reports) {
    const build = report.build?.stages;
    if (build) {
      console.log(
        `${report.size} build stages (ms): ${Object.entries(build)
          .map(([k, v]) => `${k} ${fmt(v, 0)}`)
          .join(', ')}`,
      );
    }
    if (report.build?.parts) {
      console.log(
        `${report.size} serialised parts (MB): ${Object.entries(report.build.parts)
          .map(([k, v]) => `${k} ${fmt(mb(v), 1)}`)
          .join(', ')}`,
      );
    }
    if (report.loadStages) {
      console.log(
        `${report.size} load stages (ms): ${Object.entries(report.loadStages)
          .map(([k, v]) => `${k} ${fmt(v, 0)}`)
          .join(', ')}`,
      );
    }
    const slow = report.query?.slowestQuestions;
    if (slow)
      console.log(
        `${report.size} slowest questions: ${slow.map((s) => `${fmt(s.ms)} ms [${s.kind}] "${s.question}"`).join('; ')}`,
      );
    const slowAuto = report.query?.slowestAutocomplete;
    if (slowAuto)
      console.log(
        `${report.size} slowest autocomplete: ${slowAuto.map((s) => `${fmt(s.ms)} ms "${s.prefix}"`).join('; ')}`,
      );
  }
}

function evaluateTargets(reports: SizeReport[]) {
  const results: {
    target: string;
    size: string;
    limit: string;
    value?: number;
    robust?: number;
    status: 'PASS' | 'MISS' | 'NOT RUN';
  }[] = [];
  for (const target of TARGETS) {
    const report = reports.find((r) => r.size === target.size);
    const value = report ? target.value(report) : undefined;
    const status =
      value === undefined || Number.isNaN(value) ? 'NOT RUN' : value <= target.limit ? 'PASS' : 'MISS';
    const robust = report && target.robust ? target.robust(report) : undefined;
    results.push({
      target: target.name,
      size: target.size,
      limit: `≤ ${target.limit} ${target.unit}`,
      value,
      robust,
      status,
    });
  }
  return results;
}

/** The commit measured, with `+dirty` when src/ has uncommitted changes. */
function gitDescribe(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: PROJECT_ROOT })
      .toString()
      .trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

async function runParent(args: Args): Promise<void> {
  const startCommit = gitDescribe();
  console.error(`factdesk bench at ${startCommit}, node ${process.version}, ${os.cpus().length} CPUs`);
  const reports: SizeReport[] = [];
  for (const size of args.sizes) {
    const started = performance.now();
    const corpus = await ensureCorpus(size, { force: args.forceGenerate });
    console.error(
      `[${size}] ${corpus.generated ? `generated in ${fmt(ms(started) / 1000, 1)} s` : 'cached'}: ${corpus.meta.documents} documents, ~${corpus.meta.estimatedPassages} passages`,
    );
    const report: SizeReport = { size };
    reports.push(report);

    console.error(`[${size}] build…`);
    const build = await spawnWorker<BuildResult>(args, 'build', size);
    if (build.result) {
      report.build = build.result;
      report.documents = build.result.documents;
      report.passages = build.result.passages;
      report.figures = build.result.figures;
      console.error(
        `[${size}] built in ${fmt(build.result.buildMs / 1000)} s (${build.result.passages} passages, ${build.result.figures} figures)`,
      );
      if (build.result.writeError)
        console.error(`[${size}] writePrebuiltIndex failed: ${build.result.writeError}`);
    } else {
      report.buildError = build.error;
      console.error(`[${size}] build failed after ${fmt(build.wallMs / 1000)} s: ${build.error}`);
    }

    if (report.build && !report.build.writeError) {
      const runs: LoadResult[] = [];
      for (let i = 0; i < args.loadRuns; i++) {
        const load = await spawnWorker<LoadResult>(args, 'load', size);
        if (load.result) runs.push(load.result);
        else report.loadError = load.error;
      }
      const last = runs.at(-1);
      if (last) {
        report.load = {
          medianMs: median(runs.map((r) => r.loadMs)),
          runsMs: runs.map((r) => r.loadMs),
          firstFigureMs: median(runs.map((r) => r.firstFigureMs)),
          origin: last.origin,
          heapAfterLoadMB: median(runs.map((r) => r.heapAfterLoadMB)),
          rssAfterLoadMB: median(runs.map((r) => r.rssAfterLoadMB)),
        };
        if (runs.some((r) => r.origin !== 'prebuilt')) report.loadError = 'the prebuilt index was not used';
        console.error(
          `[${size}] load runs (ms): ${runs.map((r) => `${r.loadMs} (load avg ${r.loadavg1})`).join(', ')}`,
        );
      }
      if (args.breakdown) {
        const stages = await spawnWorker<Record<string, number>>(args, 'load-breakdown', size);
        if (stages.result) report.loadStages = stages.result;
      }
    }

    console.error(`[${size}] reload off the main thread…`);
    const reload = await spawnWorker<ReloadResult>(args, 'reload', size);
    if (reload.result) {
      report.reload = reload.result;
      console.error(
        `[${size}] reload in ${fmt(reload.result.reloadMs / 1000)} s, event-loop delay p99 ${reload.result.delayP99Ms} ms (max ${reload.result.delayMaxMs} ms)`,
      );
    } else console.error(`[${size}] reload worker failed: ${reload.error}`);

    console.error(`[${size}] queries…`);
    const query = await spawnWorker<QueryResult>(args, 'query', size);
    if (query.result) report.query = query.result;
    else report.queryError = query.error;
    if (query.error) console.error(`[${size}] query worker failed: ${query.error}`);
  }

  console.log('');
  printTable(reports);
  console.log('');
  printStages(reports);
  console.log('');
  const targets = evaluateTargets(reports);
  console.log('Targets (a miss does not fail the run; the bracket is the noise-resistant p99):');
  for (const t of targets) {
    const robust = t.robust === undefined ? '' : ` [${fmt(t.robust)}]`;
    console.log(`  ${t.status.padEnd(7)} ${t.target} @${t.size}: ${fmt(t.value)}${robust} (${t.limit})`);
  }
  const output = {
    date: new Date().toISOString(),
    commit: startCommit,
    node: process.version,
    cpus: os.cpus().length,
    loadavgAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
    options: { sizes: args.sizes, repeat: args.repeat, loadRuns: args.loadRuns },
    sizes: reports,
    targets,
  };
  const commitAtEnd = gitDescribe();
  if (commitAtEnd !== output.commit) {
    console.log(
      `warning: src/ changed during the run (${output.commit} → ${commitAtEnd}): numbers mix versions`,
    );
  }
  await mkdir(DATA_ROOT, { recursive: true });
  await writeFile(path.join(DATA_ROOT, 'last-results.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log('');
  console.log(JSON.stringify(output));
}

const args = parseArgs(process.argv.slice(2));
if (args.worker.mode) await runWorker(args);
else await runParent(args);
