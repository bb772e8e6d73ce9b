import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  it('does not split after a month abbreviation in a dateline', () => {
    expect(splitSentences('GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — It opened. It closed.')).toEqual([
      'GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — It opened. ',
      'It closed.',
    ]);
  });

  it('keeps decimals, R&D and company suffixes inside their sentence', () => {
    expect(
      splitSentences('Financing reached 1.2 trillion yuan. R&D staff rank first. Acme Co., Ltd. signed with Mr. Li on Monday.'),
    ).toEqual(['Financing reached 1.2 trillion yuan. ', 'R&D staff rank first. ', 'Acme Co., Ltd. signed with Mr. Li on Monday.']);
  });

  it('splits at question and exclamation marks', () => {
    expect(splitSentences('Really? Yes! Done.')).toEqual(['Really? ', 'Yes! ', 'Done.']);
  });

  it('loses no character of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(splitSentences(text).join('')).toBe(text);
      }),
    );
  });

  it('loses no character of sentence-like text with abbreviations and numbers', () => {
    const word = fc.constantFrom('Feb.', 'Co.,', 'Ltd.', 'Mr.', 'U.S.', '1.2', '75,000', 'trillion', 'yuan', 'The', 'rose', 'R&D');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const text = sentences.join(' ');
        const split = splitSentences(text);
        expect(split.join('')).toBe(text);
        // Never more pieces than sentences written: abbreviations and decimals never cause a split.
        expect(split.length).toBeLessThanOrEqual(sentences.length);
      }),
    );
  });
});
