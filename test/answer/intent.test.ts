import { describe, expect, it } from 'vitest';
import { figureIntent } from '../../src/answer/intent.js';

const firstKind = (question: string) => figureIntent(question).kinds[0];

describe('figureIntent', () => {
  it('reads a count from "how many" and an amount from "how much"', () => {
    expect(firstKind('How many high-tech enterprises are there?')).toBe('count');
    expect(firstKind('how much funding did the start-ups get?')).toBe('amount');
  });

  it('reads a streak before a count or a rank from "how many years in a row"', () => {
    expect(firstKind('how many years in a row has it been number one?')).toBe('streak');
    expect(firstKind('How many years has Qingshui ranked first among cities?')).toBe('streak');
    expect(firstKind('how many quarters in a row has revenue grown?')).toBe('streak');
  });

  it('reads a multiple before a growth rate from a comparison', () => {
    expect(figureIntent('how did tech loan growth compare with all loans?').kinds.slice(0, 2)).toEqual([
      'multiple',
      'percent',
    ]);
    expect(firstKind('how much faster did loans grow than credit?')).toBe('multiple');
  });

  it('reads a growth rate, not an amount, from "how much did it grow"', () => {
    expect(firstKind('how much did rail-sea volume grow?')).toBe('percent');
    expect(firstKind('what share of sales comes from the US?')).toBe('percent');
    expect(firstKind('What was the operating margin?')).toBe('percent');
  });

  it('reads a rank from "rank" or "anniversary", but lets "how many" win over a loose "first"', () => {
    expect(firstKind('where does the university rank in engineering?')).toBe('rank');
    expect(firstKind('which anniversary is it celebrating?')).toBe('rank');
    expect(firstKind('how many small businesses got their first bank loan?')).toBe('count');
  });

  it('wants a time, before anything else, when the question asks when', () => {
    const intent = figureIntent('When is the company celebrating its 50th anniversary?');
    expect(intent.wantsTime).toBe(true);
    expect(intent.kinds.slice(0, 2)).toEqual(['date', 'year']);
  });

  it('states no intent for a bare topic', () => {
    expect(figureIntent('Sunreach board members')).toEqual({ kinds: [], wantsTime: false });
  });

  it('reads Chinese cues from the Chinese lexicon', () => {
    expect(firstKind('广东有多少家高新技术企业')).toBe('count');
    expect(firstKind('广东连续多少年位居全国第一')).toBe('streak');
  });
});
