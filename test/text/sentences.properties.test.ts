import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/figures/sentences.js';

/** Everything between and around the sentences must be white space: no text is lost. */
function gaps(text: string): string {
  let outside = '';
  let last = 0;
  for (const span of splitSentences(text)) {
    outside += text.slice(last, span.start);
    last = span.end;
  }
  return outside + text.slice(last);
}

describe('splitSentences (properties)', () => {
  it('loses no text of any string and gives spans in order that slice the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const spans = splitSentences(text);
        let last = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(span.start, span.end)).toBe(span.text);
          last = span.end;
        }
        expect(gaps(text).trim()).toBe('');
      }),
    );
  });

  it('never splits at abbreviations or decimals: no more sentences than were written', () => {
    const word = fc.constantFrom(
      'Feb.',
      'Co.,',
      'Mr.',
      '1.2',
      '75,000',
      'trillion',
      'yuan',
      'rose',
      'R&D',
      'the',
    );
    const sentence = fc
      .tuple(fc.constantFrom('The', 'Revenue', 'It'), fc.array(word, { minLength: 1, maxLength: 12 }))
      .map(([first, words]) => `${first} ${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const spans = splitSentences(sentences.join(' '));
        expect(spans.length).toBeLessThanOrEqual(sentences.length);
      }),
    );
  });
});
