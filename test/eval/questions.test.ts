/**
 * Keeps the evaluation data honest: every expected passage must be an exact substring of one paragraph
 * of its document, the fictional documents must stay marked as fictional, and the set must keep the
 * minimum number of questions of each kind. This checks the data only, not the search engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  dateText,
  KINDS,
  type Kind,
  loadEvalCorpus,
  loadEvalQuestions,
  type EvalQuestion as Question,
} from './corpus.js';

const SEED_ID = 'guangdong-first-conference-of-spring-2024';
const corpusDir = fileURLToPath(new URL('../fixtures/eval-corpus/', import.meta.url));
const seedFile = fileURLToPath(new URL(`../../knowledge/${SEED_ID}.md`, import.meta.url));
const questionsFile = fileURLToPath(new URL('./questions.json', import.meta.url));

const corpus = loadEvalCorpus(corpusDir);
const questions = loadEvalQuestions(questionsFile);

describe('eval corpus', () => {
  it('holds an exact copy of the seed document and at least 7 fictional documents', () => {
    expect(corpus.get(SEED_ID)?.raw).toBe(readFileSync(seedFile, 'utf8'));
    expect(corpus.size).toBeGreaterThanOrEqual(8);
  });

  it('has valid front matter and marks every other document as fictional', () => {
    for (const doc of corpus.values()) {
      const { data } = doc;
      expect(typeof data.title, `${doc.id}: title`).toBe('string');
      expect(dateText(data.published), `${doc.id}: published`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data.language, `${doc.id}: language`).toBe('en');
      if (doc.id === SEED_ID) continue;
      expect(data.tags, `${doc.id}: tags`).toContain('fictional');
      expect(doc.paragraphs[0], `${doc.id}: first line`).toMatch(/^\*Fictional document/);
      if (data.url !== undefined)
        expect(String(data.url), `${doc.id}: url`).toMatch(/^https:\/\/example\.org\//);
      expect(doc.paragraphs.length, `${doc.id}: paragraphs`).toBeGreaterThanOrEqual(5);
      expect(doc.paragraphs.length, `${doc.id}: paragraphs`).toBeLessThanOrEqual(10);
    }
  });
});

describe('eval questions', () => {
  it('have unique ids, known kinds and an expectation unless off-topic', () => {
    const ids = new Set<string>();
    for (const q of questions) {
      expect(ids.has(q.id), `duplicate id ${q.id}`).toBe(false);
      ids.add(q.id);
      expect(KINDS, q.id).toContain(q.kind);
      expect(q.question.trim().length, q.id).toBeGreaterThan(0);
      expect(q.expect === null, `${q.id}: expect must be null exactly for off-topic questions`).toBe(
        q.kind === 'offtopic',
      );
    }
  });

  it('expect passages that are exact substrings of exactly one paragraph of their document', () => {
    for (const q of questions) {
      if (q.expect === null) continue;
      const doc = corpus.get(q.expect.docId);
      expect(doc, `${q.id}: unknown docId ${q.expect.docId}`).toBeDefined();
      if (!doc) continue;
      const { passage, figure } = q.expect;
      expect(passage.length, `${q.id}: passage shorter than 20 characters`).toBeGreaterThanOrEqual(20);
      const hits = doc.paragraphs.filter((p) => p.includes(passage)).length;
      expect(hits, `${q.id}: passage found in ${hits} paragraphs of ${doc.id}`).toBe(1);
      if (figure !== undefined) expect(Number.isFinite(figure), `${q.id}: figure`).toBe(true);
    }
  });

  it('keep the minimum size of each part of the set', () => {
    const count = (pred: (q: Question) => boolean) => questions.filter(pred).length;
    const ofKind = (kind: Kind) => count((q) => q.kind === kind);
    expect(questions.length).toBeGreaterThanOrEqual(70);
    expect(count((q) => q.expect?.docId === SEED_ID)).toBeGreaterThanOrEqual(25);
    expect(count((q) => q.expect !== null && q.expect.docId !== SEED_ID)).toBeGreaterThanOrEqual(35);
    expect(ofKind('offtopic')).toBeGreaterThanOrEqual(10);
    expect(ofKind('typo')).toBeGreaterThanOrEqual(8);
    expect(ofKind('synonym')).toBeGreaterThanOrEqual(8);
    expect(ofKind('disambiguation')).toBeGreaterThanOrEqual(10);
    expect(ofKind('number')).toBeGreaterThanOrEqual(6);
  });
});
