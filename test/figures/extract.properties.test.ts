import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFigures, locateFigures } from '../../src/figures/extract.js';
import { MAX_LABEL_LENGTH } from '../../src/figures/label-text.js';

// Pieces of press-release English, numbers in every form, and punctuation soup, so that generated
// texts hit the matchers often instead of being random letters.
const piece = fc.oneof(
  fc.constantFrom(
    'more than ',
    'about ',
    'nearly ',
    'the ',
    'of ',
    'in ',
    'for ',
    'ranking first ',
    'rank ',
    'No. ',
    'consecutive years ',
    'years in a row ',
    'times the ',
    'twice ',
    'doubled ',
    'percent ',
    '% ',
    'per cent ',
    'yuan ',
    '$',
    'US$',
    '€',
    'RMB ',
    'trillion ',
    'billion ',
    'million ',
    'bn ',
    'tn ',
    'm ',
    'k ',
    'February ',
    'Feb. ',
    'November ',
    'Tel: ',
    '0086-',
    '@example.org ',
    'https://example.org/',
    'enterprises ',
    'GDP ',
    'rose ',
    'has broken through ',
    'Revenue ',
    'two ',
    'thirty-five ',
    'second-largest ',
    'th ',
    'st ',
    'Co., Ltd. ',
    'Mr. ',
    '—',
    '/PRNewswire/ ',
    '“',
    '”',
    '’s ',
    '(',
    ')',
    '10–15% ',
    'between ',
    ' and ',
    'Q3 ',
    'FY2024 ',
    'first half of ',
    '2023–24 ',
    'district ',
    'Route ',
    'up from ',
    'compared with ',
    'a year earlier ',
    '(2018: ',
    '广东',
    '地区生产总值',
    '突破',
    '万亿元',
    '万家',
    '亿美元',
    '多家',
    '百分之',
    '五点二',
    '十三',
    '三百五十',
    '１３',
    '连续',
    '年',
    '月',
    '日',
    '第一',
    '居全国首位',
    '周年',
    '同比增长',
    '上半年',
    '第三季度',
    '个百分点',
    '倍',
    '。',
    '，',
    '；',
    '、',
  ),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `${n.toLocaleString('en-US')} `),
  fc.integer({ min: 1900, max: 2100 }).map((n) => `${n} `),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => `${n.toFixed(2)} `),
  fc.constantFrom('.', ',', ';', ':', ' ', '\n', '-', '/', '!', '?', '. ', ', '),
  fc.string({ maxLength: 4 }),
);
const prose = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(prose, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('extraction properties', () => {
  it('never throws, on prose-like text or arbitrary unicode', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        locateFigures(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('places every figure text at its offsets, in order, without overlap, inside its sentence', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 0;
        for (const figure of locateFigures(text)) {
          expect(text.slice(figure.start, figure.end)).toBe(figure.text);
          expect(figure.start).toBeGreaterThanOrEqual(previousEnd);
          expect(figure.end).toBeGreaterThan(figure.start);
          previousEnd = figure.end;
          expect(text).toContain(figure.sentence);
          expect(figure.sentence).toContain(figure.text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('gives every figure a finite value, a non-empty label of at most 60 characters and a kind-consistent unit', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const figure of locateFigures(text)) {
          expect(Number.isFinite(figure.value)).toBe(true);
          expect(figure.label.length).toBeGreaterThan(0);
          expect(figure.label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
          if (figure.kind === 'date') expect(figure.unit).toBe('date');
          if (figure.kind === 'year') expect(figure.unit).toBe('year');
          if (figure.kind === 'rank') expect(figure.unit).toBe('rank');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds each extracted figure text in the passage after the previous one', () => {
    fc.assert(
      fc.property(prose, fc.stringMatching(/^[a-z-]{1,12}$/), (text, docId) => {
        const passage = { id: `${docId}#p1`, docId, paragraph: 1, part: 1, text };
        let cursor = 0;
        extractFigures(passage).forEach((figure, n) => {
          expect(figure.id).toBe(`${passage.id}~${n}`);
          const at = text.indexOf(figure.text, cursor);
          expect(at).toBeGreaterThanOrEqual(0);
          cursor = at + figure.text.length;
        });
      }),
      { numRuns: 500 },
    );
  });

  it('stays linear on a sentence with thousands of numbers and on long runs without spaces', () => {
    // Quadratic label scans took minutes here; the bounded scans take about a second.
    expect(locateFigures('1 '.repeat(20_000))).toHaveLength(20_000);
    expect(locateFigures(`${'a.b-c_d'.repeat(5_000)}@`)).toEqual([]);
    expect(locateFigures('增长1万家'.repeat(20_000))).toHaveLength(20_000);
  }, 30_000);
});

describe('canonical numbers properties', () => {
  it('canonicalises to a fixed point in one call, on prose-like text in both languages', async () => {
    const { canonicalizeNumbers } = await import('../../src/figures/numbers.js');
    fc.assert(
      fc.property(prose, (text) => {
        const once = canonicalizeNumbers(text);
        expect(canonicalizeNumbers(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('periods stay linear', () => {
  it('assigns periods in a sentence with thousands of years and figures', () => {
    const figures = locateFigures('in 2019 it had 5 firms, '.repeat(5_000));
    expect(figures.filter((f) => f.kind === 'count')).toHaveLength(5_000);
    expect(figures.every((f) => f.period === '2019')).toBe(true);
  }, 30_000);
});
