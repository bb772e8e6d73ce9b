/**
 * The checks shared by the frozen evaluation sets (`blind.test.ts`, `blind2.test.ts`): a set file in
 * `test/eval/` and its corpus folder in `test/fixtures/`, written from the documents alone and pinned by a
 * hash. These check the data only, not the search engine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusFiles, dateText, loadCheckedQuestions, loadEvalCorpus } from './corpus.js';

/** What one frozen set is and the minimum sizes it must keep. */
export interface FrozenSet {
  /** The `describe` title. */
  title: string;
  /** The questions file in `test/eval/`, e.g. `blind.json`. */
  file: string;
  /** The corpus folder in `test/fixtures/`, e.g. `blind-corpus`. */
  corpus: string;
  /** SHA-256 of the set as written; see {@link fingerprint}. */
  sha256: string;
  minDocuments: number;
  minQuestions: number;
  minOffTopic: number;
}

const FICTION_LINE =
  "*Fictional document written for factdesk's evaluation; all names and figures are invented.*";

/** The paths of a set's questions file and corpus folder. */
function paths(set: FrozenSet): { setFile: string; corpusDir: string } {
  return {
    setFile: fileURLToPath(new URL(`./${set.file}`, import.meta.url)),
    corpusDir: fileURLToPath(new URL(`../fixtures/${set.corpus}/`, import.meta.url)),
  };
}

/**
 * SHA-256 over the set file and every corpus file (sorted by name), each contributing its name and its
 * raw bytes, so renaming, adding or removing a document changes the hash as much as editing one.
 */
export function fingerprint(set: FrozenSet): string {
  const { setFile, corpusDir } = paths(set);
  const hash = createHash('sha256');
  const entries: [string, Buffer][] = [[set.file, readFileSync(setFile)]];
  for (const name of corpusFiles(corpusDir))
    entries.push([`${set.corpus}/${name}`, readFileSync(`${corpusDir}${name}`)]);
  for (const [name, bytes] of entries) {
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Whether a paragraph is a Markdown pipe table: every line starts with `|`. */
const isTable = (paragraph: string) =>
  paragraph.split('\n').every((line) => line.trimStart().startsWith('|'));

/** A table row's cells, the text between its pipes, trimmed. */
const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());

/** Declares the tests of a frozen set. */
export function describeFrozenSet(set: FrozenSet): void {
  const { setFile, corpusDir } = paths(set);
  const frozenMessage =
    `this set is frozen: ${set.file} or a file in test/fixtures/${set.corpus}/ changed. ` +
    'Write a new set (new file names, new hash) instead of editing this one.';

  describe(set.title, () => {
    const docs = loadEvalCorpus(corpusDir);
    const questions = loadCheckedQuestions(setFile);
    const answerable = questions.filter((q) => q.expect !== null);

    it('is byte for byte the set that was written blind', () => {
      expect(fingerprint(set), frozenMessage).toBe(set.sha256);
    });

    it(`holds at least ${set.minDocuments} documents, each marked fictional with the required front matter`, () => {
      expect(docs.size).toBeGreaterThanOrEqual(set.minDocuments);
      for (const [id, doc] of docs) {
        expect(typeof doc.data.title, `${id}: title`).toBe('string');
        expect(doc.data.language, `${id}: language`).toBe('en');
        const date = dateText(doc.data.published);
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

    it(`holds at least ${set.minQuestions} questions, at least ${set.minOffTopic} of them off-topic`, () => {
      expect(questions.length).toBeGreaterThanOrEqual(set.minQuestions);
      expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(set.minOffTopic);
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

    it('asks about every document', () => {
      const asked = new Set(answerable.map((q) => q.expect?.docId));
      expect([...docs.keys()].filter((id) => !asked.has(id))).toEqual([]);
    });

    it('quotes each expected passage exactly from one paragraph of its document, within one sentence', () => {
      for (const q of answerable) {
        const want = q.expect;
        if (want === null) continue;
        const doc = docs.get(want.docId);
        expect(doc, `${q.id}: document ${want.docId} exists`).toBeDefined();
        const holding = (doc?.paragraphs ?? []).filter((p) => p.includes(want.passage));
        expect(holding.length, `${q.id}: "${want.passage}" is in exactly one paragraph`).toBe(1);
        expect(want.passage, `${q.id}: passage stays within one sentence`).not.toMatch(
          /[.!?]["”’]?\s+[A-Z]|\n/,
        );
        const paragraph = holding[0];
        if (paragraph === undefined || !isTable(paragraph)) continue;
        // A table answer is one row: the passage is the exact text of one of its cells.
        const rows = paragraph.split('\n').filter((row) => row.includes(want.passage));
        expect(rows.length, `${q.id}: "${want.passage}" is in exactly one table row`).toBe(1);
        expect(cellsOf(rows[0] ?? ''), `${q.id}: "${want.passage}" is a whole cell`).toContain(want.passage);
      }
    });
  });
}
