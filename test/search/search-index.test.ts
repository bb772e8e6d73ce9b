import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { Synonyms } from '../../src/search/synonyms.js';
import { FIXTURE_SYNONYMS, openFixture } from './fixture.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await openFixture();
});

const top = (question: string) => kb.index.searchPassages(question, { limit: 3 })[0];
const textOf = (passageId: string | undefined) =>
  passageId ? kb.passagesById.get(passageId)?.text : undefined;

describe('SearchIndex ranking', () => {
  it('picks the document a name in the question points to', () => {
    expect(top('How many people does Eastpoint employ?')?.passageId).toBe('eastpoint-harbour-2023#p3');
    expect(top('How many employees does Corbel have?')?.passageId).toBe('corbel-systems-fy2024#p3');
  });

  it('finds a passage through a synonym of its wording', () => {
    // The passages say "enterprises"; the synonyms file lists "firms" with it.
    const hit = top('how many high-tech firms does Northvale have');
    expect(textOf(hit?.passageId)).toContain('high-tech enterprises');
    expect(hit?.matchedWords).toContain('firms');
  });

  it('still finds a passage when a name is misspelt', () => {
    expect(top('Northvael regional GDP')?.passageId).toBe('northvale-economy-2024#p2');
    expect(top('Corbell net income')?.passageId).toBe('corbel-systems-fy2024#p1');
  });

  it('still finds a passage when two adjacent letters are swapped', () => {
    // "revneue" is two edits from "revenue", beyond the one edit a word of its length allows.
    const hit = top('Corbel revneue');
    expect(textOf(hit?.passageId)).toContain('revenue');
    expect(hit?.matchedWords).toContain('revneue');
  });

  it('answers a question naming a year from the passage about that year', () => {
    expect(top("What was Northvale's GDP in 2023?")?.passageId).toBe('northvale-conference-2024#p1');
    expect(top("What was Northvale's GDP in 2024?")?.passageId).toBe('northvale-economy-2024#p2');
  });

  it('answers a question naming no year from the newer report of the same subject', () => {
    expect(top("What is Northvale's GDP?")?.passageId).toBe('northvale-economy-2024#p2');
    expect(top('how many little giants does Northvale have')?.passageId).toBe('northvale-economy-2024#p4');
  });

  it('prefers a reported figure to a target unless the question asks about targets', () => {
    expect(top('How many high-tech enterprises does Northvale have?')?.passageId).toBe(
      'northvale-economy-2024#p3',
    );
    expect(top('What is Northvale aiming for in high-tech enterprises?')?.passageId).toBe(
      'northvale-economy-2024#p7',
    );
  });

  it('does not let a number in a title match every passage of its document', () => {
    // "12.4 million" is in the Eastpoint title; only its first passage states it.
    const hits = kb.index.searchPassages('Eastpoint 12.4 million', { limit: 5 });
    expect(hits[0]?.passageId).toBe('eastpoint-harbour-2023#p1');
    const other = hits.find((hit) => hit.passageId === 'eastpoint-harbour-2023#p3');
    expect(other?.matchedWords ?? []).not.toContain('12400000');
  });

  it('takes the title’s year for a paragraph that names none', () => {
    // The Corbel title names 2024; its employees paragraph names no year, its revenue paragraph does.
    const hits = kb.index.searchPassages('Corbel employees 2024', { limit: 3 });
    expect(hits[0]?.passageId).toBe('corbel-systems-fy2024#p3');
    expect(hits[0]?.matchedWords).toContain('2024');
  });

  it('covers little of an off-topic question', () => {
    const hit = top('What is the capital of France?');
    expect(hit === undefined || hit.coverage < 0.5).toBe(true);
  });

  it('marks passages of other documents than the one the question names', () => {
    const hits = kb.index.searchPassages('Corbel GDP', { limit: 5 });
    expect(hits.filter((hit) => hit.passageId.startsWith('northvale')).every((hit) => !hit.named)).toBe(true);
    expect(hits.filter((hit) => hit.passageId.startsWith('corbel')).every((hit) => hit.named)).toBe(true);
  });
});

describe('SearchIndex.questionWords', () => {
  it('weighs the question’s own words fully and the words its synonyms bring in less', () => {
    const words = kb.index.questionWords('how many staff');
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
    'Corbel GDP',
    'What is the capital of France?',
  ];

  it('gives the same passages, scores and coverage after toJSON and fromJSON', () => {
    const json = JSON.parse(JSON.stringify(kb.index.toJSON()));
    const restored = SearchIndex.fromJSON(json, kb.documents, new Synonyms(FIXTURE_SYNONYMS.groups));
    for (const question of questions) {
      expect(restored.searchPassages(question, { limit: 5 }), question).toEqual(
        kb.index.searchPassages(question, { limit: 5 }),
      );
    }
  });

  it('gives the same figures after toJSON and fromJSON', () => {
    const json = JSON.parse(JSON.stringify(kb.index.toJSON()));
    const restored = SearchIndex.fromJSON(json, kb.documents, new Synonyms(FIXTURE_SYNONYMS.groups));
    for (const topic of ['regional GDP', 'high-tech enterprises', 'employees', 'revenue 2024']) {
      expect(restored.searchFigures(topic, { limit: 5 }), topic).toEqual(
        kb.index.searchFigures(topic, { limit: 5 }),
      );
    }
  });
});
