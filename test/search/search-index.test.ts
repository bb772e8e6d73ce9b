import { beforeAll, describe, expect, it } from 'vitest';
import { rankPassages } from '../../src/answer/rank.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { Synonyms } from '../../src/search/synonyms.js';
import { FIXTURE_SYNONYMS, openFixture } from './fixture.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await openFixture();
});

const top = (question: string) => rankPassages(kb, question).hits[0];
const textOf = (passageId: string | undefined) =>
  passageId ? kb.passagesById.get(passageId)?.text : undefined;

describe('rankPassages', () => {
  it('picks the document a name in the question points to', () => {
    expect(top('How many people does Eastpoint employ?')?.passageId).toBe('eastpoint-harbour-2023#p3');
    expect(top('How many employees does Corbel have?')?.passageId).toBe('corbel-systems-fy2024#p3');
  });

  it('finds a passage through a synonym of its wording', () => {
    // The passages say "enterprises"; the synonyms file lists "firms" with it.
    const hit = top('how many high-tech firms does Northvale have');
    expect(textOf(hit?.passageId)).toContain('high-tech enterprises');
  });

  it('still finds a passage when a name is misspelt', () => {
    expect(top('Northvael regional GDP')?.passageId).toBe('northvale-economy-2024#p2');
    expect(top('Corbell net income')?.passageId).toBe('corbel-systems-fy2024#p1');
  });

  it('answers a question naming a year from the passage about that year', () => {
    expect(top("What was Northvale's GDP in 2023?")?.passageId).toBe('northvale-conference-2024#p1');
    expect(top("What was Northvale's GDP in 2024?")?.passageId).toBe('northvale-economy-2024#p2');
  });

  it('gives an off-topic question a low probability of being answered', () => {
    const hit = top('What is the capital of France?');
    expect(hit === undefined || !hit.answers).toBe(true);
    expect(top('How many high-tech enterprises does Northvale have?')?.answers).toBe(true);
  });

  it('ranks the passage that names the question’s subject above one of another document', () => {
    const hits = rankPassages(kb, 'Corbel employees').hits;
    expect(hits[0]?.passageId).toContain('corbel');
    expect(hits.find((hit) => hit.passageId.startsWith('corbel'))?.features.named).toBe(1);
    expect(hits.find((hit) => hit.passageId.startsWith('eastpoint'))?.features.named ?? 0).toBeLessThan(1);
  });

  it('weighs a common everyday word the documents lack less than a missing name', () => {
    // Neither word is in the fixture; "reason" is said every day, "Zanzibar" names something.
    expect(kb.index.knows('reason')).toBe(false);
    expect(kb.index.weightOf('reason')).toBeLessThan(kb.index.weightOf('zanzibar') / 2);
  });

  it('reads a typo that swaps two letters as the word the documents hold', () => {
    // "roels" is two edits from "roles" for an edit distance, one swap for a reader.
    const hit = top('How many Corbel staff work in research roels?');
    expect(hit?.passageId).toBe('corbel-systems-fy2024#p3');
    expect(hit?.matchedWords).toContain('roels');
  });

  it('neither credits nor penalises a rounded number the passage does not state', () => {
    const plain = top('How many employees does Corbel have?');
    const rounded = top('Does Corbel have more than 12.3m employees?');
    expect(rounded?.passageId).toBe(plain?.passageId);
    expect(rounded?.features.coverage).toBeCloseTo(plain?.features.coverage ?? 0, 5);
  });

  it('counts a number that names a thing against a passage without it, unlike a rounded value', () => {
    // "district 42" names a district: a passage about Corbel's staff does not say it.
    const plain = top('How many employees does Corbel have?');
    const named = top('How many employees does Corbel have in district 42?');
    expect(named?.passageId).toBe(plain?.passageId);
    expect(named?.features.coverage).toBeLessThan((plain?.features.coverage ?? 0) - 0.05);
    expect(kb.index.plan('district 42').units.find((unit) => unit.terms.includes('42'))?.name).toBe(true);
  });

  it('credits a passage that keeps the question’s words side by side (phrase match)', () => {
    const hits = rankPassages(kb, 'high-tech enterprises Northvale').hits;
    const adjacent = hits.find((hit) => textOf(hit.passageId)?.includes('high-tech enterprises'));
    expect(adjacent?.features.phrase).toBeGreaterThan(0);
    expect(rankPassages(kb, 'enterprises').hits[0]?.features.phrase).toBe(0);
  });

  it('credits a passage by how much of its document’s title the question says (title fit)', () => {
    const hits = rankPassages(kb, 'Northvale innovation conference').hits;
    const fitOf = (prefix: string) =>
      hits.find((hit) => hit.passageId.startsWith(prefix))?.features.titleFit ?? 0;
    // Both titles name Northvale; only the conference's says "innovation conference" too.
    expect(fitOf('northvale-conference')).toBeGreaterThan(fitOf('northvale-economy'));
    expect(fitOf('northvale-conference')).toBeLessThan(1);
    expect(fitOf('corbel')).toBe(0);
  });

  it('credits a passage whose document holds the words its own text lacks (document coverage)', () => {
    const hit = rankPassages(kb, 'Corbel research roles').hits[0];
    expect(hit?.features.documentCoverage).toBeGreaterThanOrEqual(hit?.features.contextCoverage ?? 1);
    expect(hit?.features.documentCoverage).toBeLessThanOrEqual(1);
  });

  it('finds the part of a split paragraph by its paragraph’s subject (context coverage)', () => {
    const hits = rankPassages(kb, 'Corbel research roles').hits;
    expect(hits[0]?.passageId).toBe('corbel-systems-fy2024#p3');
    expect(hits[0]?.features.contextCoverage).toBeGreaterThanOrEqual(hits[0]?.features.coverage ?? 1);
  });
});

describe('SearchIndex.questionWords', () => {
  it('weighs the question’s own words fully and the words its synonyms bring in less', () => {
    const words = kb.index.questionWords(kb.index.plan('how many staff'));
    const own = words.find((word) => word.terms.includes('staff'));
    const synonym = words.find((word) => word.terms.includes('employe'));
    expect(own?.weight).toBe(1);
    expect(synonym?.weight).toBeGreaterThan(0);
    expect(synonym?.weight).toBeLessThan(1);
  });
});

describe('SearchIndex serialisation', () => {
  const questions = [
    'How many high-tech enterprises does Northvale have?',
    "What was Northvale's GDP in 2023?",
    'what is Northvale aiming for',
    'Northvael regional GDP',
    'how many people work at Corbel',
    'Eastpoint containers handled',
    'What is the capital of France?',
  ];

  it('gives the same candidates and features after toJSON and fromJSON', () => {
    const json = JSON.parse(JSON.stringify(kb.index.toJSON()));
    const restored = SearchIndex.fromJSON(
      json,
      kb.documents,
      kb.passages,
      new Synonyms(FIXTURE_SYNONYMS.groups),
    );
    for (const question of questions)
      expect(restored.candidates(question).candidates, question).toEqual(
        kb.index.candidates(question).candidates,
      );
  });

  it('gives the same figures after toJSON and fromJSON', () => {
    const json = JSON.parse(JSON.stringify(kb.index.toJSON()));
    const restored = SearchIndex.fromJSON(
      json,
      kb.documents,
      kb.passages,
      new Synonyms(FIXTURE_SYNONYMS.groups),
    );
    for (const topic of ['regional GDP', 'high-tech enterprises', 'employees', 'revenue 2024'])
      expect(restored.searchFigures(topic, { limit: 5 }), topic).toEqual(
        kb.index.searchFigures(topic, { limit: 5 }),
      );
  });
});
