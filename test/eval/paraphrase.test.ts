/**
 * Keeps the paraphrase development set well-formed: `paraphrase.json` and the documents in
 * `test/fixtures/paraphrase-corpus/`. The set is development data, written to fit the ranking's
 * parameters on, so it is not frozen by a hash; it is checked only for what makes it scorable: every
 * expected passage is an exact substring, within one sentence, of exactly one paragraph or table row
 * of its document, ids are unique, off-topic questions and only they expect no answer, and the set
 * keeps its size and mix. A question about Fenmore Markets that names no period expects the newer
 * document, the H1 2025 results. This checks the data only, not the search engine.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvalQuestion, KINDS, loadCheckedQuestions, loadEvalCorpus } from './corpus.js';

const FICTION_LINE =
  "*Fictional document written for factdesk's evaluation; all names and figures are invented.*";

const corpusDir = fileURLToPath(new URL('../fixtures/paraphrase-corpus/', import.meta.url));
const setFile = fileURLToPath(new URL('./paraphrase.json', import.meta.url));

/** One place an answer can sit: a prose paragraph, or one body row of a Markdown pipe table. */
interface Unit {
  text: string;
  row: boolean;
}

interface CorpusDoc {
  data: Record<string, unknown>;
  paragraphs: string[];
  units: Unit[];
}

const isTable = (paragraph: string) => paragraph.split('\n').every((line) => line.trim().startsWith('|'));

/** A paragraph as answer units: itself, or for a table its rows after the header and the `---` row. */
function unitsOf(paragraph: string): Unit[] {
  if (!isTable(paragraph)) return [{ text: paragraph, row: false }];
  return paragraph
    .split('\n')
    .slice(2)
    .map((line) => ({ text: line.trim(), row: true }));
}

/** The documents by id, with their answer units (paragraphs, and a table's rows). */
function loadCorpus(): Map<string, CorpusDoc> {
  return new Map(
    [...loadEvalCorpus(corpusDir)].map(([id, doc]) => [
      id,
      { data: doc.data, paragraphs: doc.paragraphs, units: doc.paragraphs.flatMap(unitsOf) },
    ]),
  );
}

describe('paraphrase development set', () => {
  const docs = loadCorpus();
  const questions = loadCheckedQuestions(setFile);
  const answerable = questions.filter((q) => q.expect !== null);
  /** The units of its document that hold an answerable question's passage (one, when well-formed). */
  const holder = (q: EvalQuestion): Unit[] =>
    (docs.get(q.expect?.docId ?? '')?.units ?? []).filter((u) => u.text.includes(q.expect?.passage ?? '\0'));

  it('holds 8 documents, each marked fictional with the required front matter', () => {
    expect(docs.size).toBe(8);
    for (const [id, doc] of docs) {
      expect(typeof doc.data.title, `${id}: title`).toBe('string');
      expect(typeof doc.data.source, `${id}: source`).toBe('string');
      expect(doc.data.language, `${id}: language`).toBe('en');
      const published = doc.data.published;
      const date = published instanceof Date ? published.toISOString().slice(0, 10) : String(published);
      expect(date, `${id}: published is YYYY-MM-DD`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(doc.data.tags, `${id}: tags include fictional`).toContain('fictional');
      if (doc.data.url !== undefined)
        expect(String(doc.data.url), `${id}: url`).toMatch(/^https:\/\/example\.org\//);
      expect(doc.paragraphs[0], `${id}: first body line`).toBe(FICTION_LINE);
      const body = doc.paragraphs.length - 1;
      expect(body, `${id}: 8–14 paragraphs`).toBeGreaterThanOrEqual(8);
      expect(body, `${id}: 8–14 paragraphs`).toBeLessThanOrEqual(14);
    }
  });

  it('holds at least 170 answerable and 30 off-topic questions, of every kind', () => {
    expect(answerable.length).toBeGreaterThanOrEqual(170);
    expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(30);
    for (const kind of KINDS)
      expect(
        questions.filter((q) => q.kind === kind).length,
        `at least 10 ${kind} questions`,
      ).toBeGreaterThanOrEqual(10);
  });

  it('gives every question a unique id', () => {
    const seen = new Set<string>();
    const duplicates = questions.map((q) => q.id).filter((id) => seen.size === seen.add(id).size);
    expect(duplicates).toEqual([]);
  });

  it('expects no answer exactly for the off-topic questions', () => {
    for (const q of questions)
      expect(q.expect === null, `${q.id}: kind ${q.kind}`).toBe(q.kind === 'offtopic');
  });

  it('asks at least 15 questions about every document', () => {
    for (const id of docs.keys())
      expect(
        answerable.filter((q) => q.expect?.docId === id).length,
        `${id}: questions`,
      ).toBeGreaterThanOrEqual(15);
  });

  it('quotes each expected passage exactly from one paragraph or table row, within one sentence', () => {
    for (const q of answerable) {
      const want = q.expect;
      if (want === null) continue;
      expect(docs.has(want.docId), `${q.id}: document ${want.docId} exists`).toBe(true);
      expect(holder(q).length, `${q.id}: "${want.passage}" is in exactly one paragraph or row`).toBe(1);
      expect(want.passage, `${q.id}: passage stays within one sentence`).not.toMatch(
        /[.!?]["”’]?\s+[A-Z]|\n/,
      );
      expect(want.passage, `${q.id}: passage stays within one table cell`).not.toContain('|');
    }
  });

  it('answers at least 25 questions from a table row, in at least 2 tables', () => {
    const fromRows = answerable.filter((q) => holder(q)[0]?.row === true);
    expect(fromRows.length).toBeGreaterThanOrEqual(25);
    expect(new Set(fromRows.map((q) => q.expect?.docId)).size).toBeGreaterThanOrEqual(2);
  });
});
