import { describe, expect, it } from 'vitest';
import { findPeriods, periodNear, periodsOf, yearBefore } from '../../src/figures/periods.js';

describe('periodsOf', () => {
  it.each([
    ['Q3 revenue', ['Q3']],
    ['What were third-quarter sales?', ['Q3']],
    ['revenue in the third quarter of 2024', ['2024-Q3']],
    ['Q3 2024 results', ['2024-Q3']],
    ['3Q24 results', ['2024-Q3']],
    ['FY2024 guidance', ['FY2024']],
    ['FY24 vs fiscal 2023', ['FY2024', 'FY2023']],
    ['H1 2024 sales', ['2024-H1']],
    ['sales in the first half of 2024', ['2024-H1']],
    ['the 2023/24 season', ['2023/24']],
    ['the 2023–24 academic year', ['2023/24']],
    ['exports in November 2023', ['2023-11']],
    ['GDP in 2023', ['2023']],
    ['In 2024, third-quarter revenue rose.', ['2024-Q3']],
  ])('reads %j as %j', (text, periods) => {
    expect(periodsOf(text)).toEqual(periods);
  });

  it.each([
    ['广东2023年GDP是多少', ['2023']],
    ['2023年第三季度', ['2023-Q3']],
    ['第三季度出口', ['Q3']],
    ['上半年', ['H1']],
    ['2023年上半年', ['2023-H1']],
    ['2023年11月', ['2023-11']],
    ['２０２３年', ['2023']],
  ])('reads Chinese %j as %j', (text, periods) => {
    expect(periodsOf(text)).toEqual(periods);
  });

  it('reads no period in a full date, an amount or a text without one', () => {
    expect(periodsOf('On February 18, 2024, it met.')).toEqual([]);
    expect(periodsOf('It met on 2024-02-18.')).toEqual([]);
    expect(periodsOf('revenue of $2024 million')).toEqual([]);
    expect(periodsOf('How many firms are there?')).toEqual([]);
  });

  it('marks quarters, halves, fiscal and split years as no figures, and plain years as figures', () => {
    const kinds = findPeriods('Q3 2023, FY2024, 2023/24 and 2024').map((m) => [m.period, m.notFigure]);
    expect(kinds).toEqual([
      ['2023-Q3', true],
      ['FY2024', true],
      ['2023/24', true],
      ['2024', false],
    ]);
  });
});

describe('periodNear', () => {
  it('takes the nearest mention, preferring one before the figure', () => {
    const sentence = 'Revenue was $5.2 million in 2019 (2018: $2.0 million).';
    const mentions = findPeriods(sentence);
    const at = (text: string) => [sentence.indexOf(text), sentence.indexOf(text) + text.length] as const;
    expect(periodNear(mentions, ...at('$5.2 million'))).toBe('2019');
    expect(periodNear(mentions, ...at('$2.0 million'))).toBe('2018');
  });
});

describe('yearBefore', () => {
  it.each([
    ['2024', '2023'],
    ['FY2024', 'FY2023'],
    ['2024-Q3', '2023-Q3'],
    ['2024-11', '2023-11'],
    ['2023/24', '2022/23'],
  ])('moves %j one year back to %j', (period, before) => {
    expect(yearBefore(period)).toBe(before);
  });

  it('leaves a period without a year alone', () => {
    expect(yearBefore('Q3')).toBeUndefined();
  });
});

describe('years ended', () => {
  it('reads `the year ended December 31, 2019` as 2019 and a June year end as a fiscal year', () => {
    expect(periodsOf('for the year ended December 31, 2019')).toEqual(['2019']);
    expect(periodsOf('in the fiscal year ended June 30, 2024')).toEqual(['FY2024']);
  });
});
