import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberWord, parseOrdinal } from '../../src/figures/number-words.js';
import { canonicalizeNumbers, parseNumberPhrase, scanNumberPhrases } from '../../src/figures/numbers.js';

describe('parseNumberPhrase', () => {
  it.each([
    ['13 trillion', 13_000_000_000_000],
    ['1.2 trillion', 1_200_000_000_000],
    ['71,000', 71_000],
    ['75,000', 75_000],
    ['58.3', 58.3],
    ['17', 17],
    ['$4.82 billion', 4_820_000_000],
    ['61 billion', 61_000_000_000],
    ['71 thousand', 71_000],
    ['13tn', 13_000_000_000_000],
    ['4.8bn', 4_800_000_000],
    ['2.5m', 2_500_000],
    ['3 million', 3_000_000],
    ['1,234.5', 1234.5],
    ['$4.8 bn', 4_800_000_000],
    ['US$611 million', 611_000_000],
    ['RMB 3.2 bn', 3_200_000_000],
    ['RMB1.2 billion', 1_200_000_000],
    ['13 trillion yuan', 13_000_000_000_000],
    ['58.3%', 58.3],
    ['58.3 percent', 58.3],
    ['two', 2],
    ['thirty-five', 35],
    ['one million', 1_000_000],
    ['5 thousand million', 5_000_000_000],
    ['0.5k', 500],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberPhrase(text)).toBe(value);
  });

  it('reads a spaced one-letter abbreviation only after a currency (the `m` of `5 m` may be metres)', () => {
    expect(parseNumberPhrase('5 m')).toBeUndefined();
    expect(parseNumberPhrase('$5 m')).toBe(5_000_000);
  });

  it('reads a spaced abbreviation that can only be a scale without a currency (`2.8 bn`, `3 mn`)', () => {
    expect(parseNumberPhrase('2.8 bn')).toBe(2_800_000_000);
    expect(parseNumberPhrase('3 mn')).toBe(3_000_000);
    expect(parseNumberPhrase('1.2 tn')).toBe(1_200_000_000_000);
  });

  it('reads pence as hundredths of a pound, and a number glued to a capital P as none', () => {
    expect(parseNumberPhrase('11.9p')).toBe(0.119);
    expect(parseNumberPhrase('5p')).toBe(0.05);
    expect(parseNumberPhrase('120 pence')).toBe(1.2);
    expect(scanNumberPhrases('11.9p')[0]?.currency).toBe('£');
    expect(scanNumberPhrases('the 5P plan and £5p').map((p) => p.text)).toEqual([]);
  });

  it('returns undefined for text that is not only a number phrase', () => {
    expect(parseNumberPhrase('about 5')).toBeUndefined();
    expect(parseNumberPhrase('5G')).toBeUndefined();
    expect(parseNumberPhrase('75th')).toBeUndefined();
    expect(parseNumberPhrase('1.2.3')).toBeUndefined();
    expect(parseNumberPhrase('')).toBeUndefined();
  });

  it('round-trips a number written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseNumberPhrase(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('round-trips a decimal with a scale word or abbreviation, within float tolerance', () => {
    const scales: Array<[string, number]> = [
      [' thousand', 1e3],
      [' million', 1e6],
      [' billion', 1e9],
      [' trillion', 1e12],
      ['k', 1e3],
      ['m', 1e6],
      ['bn', 1e9],
      ['tn', 1e12],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...scales),
        (units, decimals, [word, factor]) => {
          const mantissa = units / 10 ** decimals;
          const written = mantissa.toLocaleString('en-US', { maximumFractionDigits: 3 });
          const parsed = parseNumberPhrase(`${written}${word}`);
          expect(parsed).toBeDefined();
          expect(Math.abs((parsed ?? 0) - mantissa * factor)).toBeLessThanOrEqual(mantissa * factor * 1e-12);
        },
      ),
    );
  });
});

describe('number words', () => {
  it('reads cardinals up to ninety-nine and ordinals', () => {
    expect(parseNumberWord('seventeen')).toBe(17);
    expect(parseNumberWord('Twenty one')).toBe(21);
    expect(parseNumberWord('dozen')).toBeUndefined();
    expect(parseOrdinal('third')).toBe(3);
    expect(parseOrdinal('1,000th')).toBe(1000);
  });
});

describe('scanNumberPhrases', () => {
  it('does not read numbers glued to words or codes with a leading zero as quantities', () => {
    const phrases = scanNumberPhrases('5G, A380, R&D, 0086 and 1.2.3');
    expect(phrases.map((p) => p.text)).toEqual(['0086']);
    expect(phrases[0]?.leadingZero).toBe(true);
  });

  it('does not read `PCT` (the patent treaty) as a percent sign', () => {
    expect(scanNumberPhrases('filed 9,420 PCT applications')[0]).toMatchObject({
      text: '9,420',
      percent: false,
    });
  });
});

describe('canonicalizeNumbers', () => {
  it('gives 71000, 71,000 and 71 thousand the same token', () => {
    const forms = ['71000 firms', '71,000 firms', '71 thousand firms'].map((text) =>
      canonicalizeNumbers(text),
    );
    expect(new Set(forms)).toEqual(new Set(['71000 firms']));
  });

  it('gives 13tn and 13 trillion the same token', () => {
    expect(canonicalizeNumbers('13tn yuan')).toBe(canonicalizeNumbers('13 trillion yuan'));
    expect(canonicalizeNumbers('13tn yuan')).toBe('13000000000000 yuan');
  });

  it('writes percents one way: 58.3%, 58.3 percent and 58.3 per cent', () => {
    const forms = ['58.3%', '58.3 percent', '58.3 per cent'].map((text) => canonicalizeNumbers(text));
    expect(new Set(forms)).toEqual(new Set(['58p3 percent']));
    expect(canonicalizeNumbers('17%')).toBe('17 percent');
  });

  it('makes tokens without points or commas that a word tokenizer keeps whole', () => {
    const out = canonicalizeNumbers('GDP of 1.2 trillion yuan, up 4.82 percent, $4.8bn');
    expect(out).toBe('GDP of 1200000000000 yuan, up 4p82 percent, $ 4800000000');
    for (const token of out.split(/[\n\r\p{Z}\p{P}]+/u)) expect(token).not.toMatch(/[.,]/);
  });

  it('leaves ordinals, years, codes and other words alone', () => {
    const text = 'the 75th anniversary in 2024, Tel: 0086-15099961640, 5G and R&D, one of them';
    expect(canonicalizeNumbers(text)).toBe(text);
  });

  it('turns spelt numbers into digits', () => {
    expect(canonicalizeNumbers('for two consecutive years')).toBe('for 2 consecutive years');
    expect(canonicalizeNumbers('one trillion yuan')).toBe('1000000000000 yuan');
  });

  it('is idempotent on examples', () => {
    for (const text of ['$4.8 bn', '5 thousand million', '5%%', 'US$4.8bn and 5 m tall', '1.0 and 0.50']) {
      const once = canonicalizeNumbers(text);
      expect(canonicalizeNumbers(once)).toBe(once);
    }
  });

  it('is idempotent on arbitrary strings', () => {
    const soup = fc.string({
      unit: fc.constantFrom(
        ...'0123456789.,% $kmbtn-'.split(''),
        ' percent',
        ' thousand',
        ' million',
        'two',
        'US$',
        '€',
        'x',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), soup), (text) => {
        const once = canonicalizeNumbers(text);
        expect(canonicalizeNumbers(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
