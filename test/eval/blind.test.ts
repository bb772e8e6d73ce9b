/**
 * Keeps the blind evaluation set frozen and well-formed. The set (`blind.json` and the documents in
 * `test/fixtures/blind-corpus/`) was written from the documents alone, before any answer of the engine
 * was looked at; editing it after seeing answers would make it a tuned set, so every byte is pinned by a
 * hash. This checks the data only, not the search engine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { corpusFiles, dateText, KINDS, loadEvalCorpus } from './corpus.js';

/** SHA-256 of the set as written; see {@link fingerprint}. */
const FROZEN_SHA256 = '4c7338e3cd2555ea73d1337de58458aacdcaf137eb61fbaac3e8434127e139e2';

const FROZEN_MESSAGE =
  'this set is frozen: blind.json or a file in test/fixtures/blind-corpus/ changed. ' +
  'Write a new set (new file names, new hash) instead of editing this one.';

const FICTION_LINE =
  "*Fictional document written for factdesk's evaluation; all names and figures are invented.*";

const corpusDir = fileURLToPath(new URL('../fixtures/blind-corpus/', import.meta.url));
const setFile = fileURLToPath(new URL('./blind.json', import.meta.url));

const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)+$/, 'ids look like "<doc prefix>-<topic>"'),
    question: z.string().min(3),
    kind: z.enum(KINDS),
    expect: z
      .object({
        docId: z.string().min(1),
        passage: z.string().min(20, 'a passage has at least 20 characters'),
        figure: z.number().finite().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict();

type Question = z.infer<typeof questionSchema>;

/**
 * SHA-256 over the set file and every corpus file (sorted by name), each contributing its name and its
 * raw bytes, so renaming, adding or removing a document changes the hash as much as editing one.
 */
function fingerprint(): string {
  const hash = createHash('sha256');
  const entries: [string, Buffer][] = [['blind.json', readFileSync(setFile)]];
  for (const name of corpusFiles(corpusDir))
    entries.push([`blind-corpus/${name}`, readFileSync(`${corpusDir}${name}`)]);
  for (const [name, bytes] of entries) {
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function loadQuestions(): Question[] {
  const raw: unknown = JSON.parse(readFileSync(setFile, 'utf8'));
  return z.array(questionSchema).parse(raw);
}

describe('blind evaluation set', () => {
  const docs = loadEvalCorpus(corpusDir);
  const questions = loadQuestions();
  const answerable = questions.filter((q) => q.expect !== null);

  it('is byte for byte the set that was written blind', () => {
    expect(fingerprint(), FROZEN_MESSAGE).toBe(FROZEN_SHA256);
  });

  it('holds at least 4 documents, each marked fictional with the required front matter', () => {
    expect(docs.size).toBeGreaterThanOrEqual(4);
    for (const [id, doc] of docs) {
      expect(typeof doc.data.title, `${id}: title`).toBe('string');
      expect(doc.data.language, `${id}: language`).toBe('en');
      expect(dateText(doc.data.published), `${id}: published is YYYY-MM-DD`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(doc.data.tags, `${id}: tags include fictional`).toContain('fictional');
      if (doc.data.url !== undefined)
        expect(String(doc.data.url), `${id}: url`).toMatch(/^https:\/\/example\.org\//);
      expect(doc.paragraphs[0], `${id}: first body line`).toBe(FICTION_LINE);
      const body = doc.paragraphs.length - 1;
      expect(body, `${id}: 8–14 paragraphs`).toBeGreaterThanOrEqual(8);
      expect(body, `${id}: 8–14 paragraphs`).toBeLessThanOrEqual(14);
    }
  });

  it('holds at least 70 questions, at least 15 of them off-topic', () => {
    expect(questions.length).toBeGreaterThanOrEqual(70);
    expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(15);
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
    }
  });
});
