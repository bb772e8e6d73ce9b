import { beforeAll, describe, expect, it } from 'vitest';
import { rankPassages } from '../../src/answer/rank.js';
import { asksForReason, givesReason } from '../../src/answer/reason.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { openDocuments } from '../search/fixture.js';

describe('asksForReason', () => {
  it('reads a reason from "why", "what led to" and "为什么", and none from a question for a value', () => {
    expect(asksForReason('Why did freight revenue rise?')).toBe(true);
    expect(asksForReason('What led to the increase in cable revenue in 2018?')).toBe(true);
    expect(asksForReason('What was the reason for the change in other income?')).toBe(true);
    expect(asksForReason('港口货运收入为什么增长？')).toBe(true);
    expect(asksForReason('What was freight revenue in 2019?')).toBe(false);
    expect(asksForReason('港口货运收入是多少？')).toBe(false);
    // Questions for a share or an amount, though they sound causal
    expect(asksForReason('What percentage of revenue did the top ten customers account for?')).toBe(false);
    expect(asksForReason('What were the pension contributions in 2019?')).toBe(false);
  });
});

describe('givesReason', () => {
  it('finds a cause marker in English and Chinese sentences, as whole words', () => {
    expect(givesReason('The increase was mainly driven by greater marketing spending.')).toBe(true);
    expect(givesReason('Revenue fell, due to the loss of two customers.')).toBe(true);
    expect(givesReason('由于新码头投入使用，货运收入增长12%。')).toBe(true);
    expect(givesReason('Freight revenue rose 12 percent in 2019.')).toBe(false);
    // "because" inside another word is no marker
    expect(givesReason('The becausewayfinder project opened.')).toBe(false);
  });
});

describe('ranking a question that asks why', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await openDocuments({
      'port-arlen-2019.md': {
        title: 'Port Arlen annual review 2019',
        published: '2020-03-02',
        paragraphs: [
          'Freight revenue at Port Arlen rose 12 percent in 2019.',
          'Freight revenue at Port Arlen rose 12 percent in 2019 due to a new terminal.',
          'Passenger numbers at Port Arlen were flat in 2019.',
        ],
      },
    });
  });

  const first = (question: string, without?: Set<string>) =>
    kb.passagesById.get(rankPassages(kb, question, without ? { without } : {}).hits[0]?.passageId ?? '')
      ?.text;

  it('puts the passage that gives a cause first for "why", which it would not be without the reason feature', () => {
    const why = 'Why did freight revenue at Port Arlen rise in 2019?';
    expect(first(why)).toContain('due to a new terminal');
    expect(first(why, new Set(['reason']))).toBe('Freight revenue at Port Arlen rose 12 percent in 2019.');
  });

  it('leaves a question for a value to the shorter passage that states it', () => {
    const howMuch = 'How much did freight revenue at Port Arlen rise in 2019?';
    expect(first(howMuch)).toBe('Freight revenue at Port Arlen rose 12 percent in 2019.');
    expect(rankPassages(kb, howMuch).hits.every((hit) => hit.features.reason === 0)).toBe(true);
  });
});
