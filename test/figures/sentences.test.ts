import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/figures/sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('does not split after a month abbreviation followed by a day', () => {
    expect(
      texts('GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — On February 18, 2024, it met. Then it ended.'),
    ).toEqual([
      'GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — On February 18, 2024, it met.',
      'Then it ended.',
    ]);
  });

  it('does not split inside decimals, titles or company suffixes', () => {
    expect(
      texts('Harrowgate Systems Co., Ltd. reported 1.2 percent growth, said Mr. Okafor. Sales rose.'),
    ).toEqual(['Harrowgate Systems Co., Ltd. reported 1.2 percent growth, said Mr. Okafor.', 'Sales rose.']);
  });

  it('splits after a company suffix when a sentence opener follows', () => {
    expect(texts('It was founded by Acme Ltd. The company grew.')).toEqual([
      'It was founded by Acme Ltd.',
      'The company grew.',
    ]);
  });

  it('keeps `U.S.` inside a sentence when a lowercase word follows', () => {
    expect(texts('Sales in the U.S. accounted for 41 percent of revenue.')).toHaveLength(1);
  });

  it('ends a sentence after closing quotes and at the line breaks of short lines', () => {
    expect(texts('It held the “Conference”. Guangdong’s plan\nTel: 0086-1\nE-mail: a@b.cn')).toEqual([
      'It held the “Conference”.',
      'Guangdong’s plan',
      'Tel: 0086-1',
      'E-mail: a@b.cn',
    ]);
  });

  it('gives offsets that slice the text back', () => {
    const text = '  One. Two!  Three?\n Four ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('joins the lines of hard-wrapped prose', () => {
    const wrapped =
      'The Port of Maraven handled a record 41.7 million twenty-foot equivalent units of\ncontainers in 2023, up 6.4 percent.\nTel: 0086-1';
    expect(texts(wrapped)).toEqual([
      'The Port of Maraven handled a record 41.7 million twenty-foot equivalent units of\ncontainers in 2023, up 6.4 percent.',
      'Tel: 0086-1',
    ]);
  });
});
