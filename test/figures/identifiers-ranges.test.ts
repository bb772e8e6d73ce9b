import { describe, expect, it } from 'vitest';
import { locateFigures } from '../../src/figures/extract.js';

const texts = (text: string) => locateFigures(text).map((f) => f.text);

describe('names and identifiers', () => {
  it.each([
    'Voters in district 42 and region 12 turned out.',
    'The road follows Route 66 and Highway 1.',
    'The lab is in Building 7.',
    'He lives at No. 5 Garden Road.',
    'He wore the number 9 shirt.',
    'He took squad number 14.',
    'Call 020-83331234 or 13812345678.',
    'Write to postcode 510623.',
    'The book has ISBN 978-3-16-148410-0.',
    'Our office is at SW1A 1AA.',
    'The office is in San Francisco, CA 94105.',
    'The 2023–24 academic year began.',
    '上海轨道交通17号线与城巴11线、41R线和3路在此换乘。',
  ])('finds no figure in %j', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('reads the figures beside a line named by a number', () => {
    expect(texts('地铁17号线全长35公里。')).toEqual(['35公里']);
  });

  it('still reads a figure after a name word when it is a percent or a rank', () => {
    expect(texts('Sales in the region 12% higher.')).toEqual(['12%']);
    expect(locateFigures('It is the No. 1 brand in China.')[0]).toMatchObject({ kind: 'rank', value: 1 });
  });
});

describe('ranges', () => {
  it.each([
    ['Margins were 10–15%.', '10–15%', 10, 15, 'percent'],
    ['Margins were 10-15 percent.', '10-15 percent', 10, 15, 'percent'],
    ['It raised $2–3 billion.', '$2–3 billion', 2e9, 3e9, 'USD'],
    ['It drew between 3 and 5 million visitors.', '3 and 5 million', 3e6, 5e6, 'visitors'],
    ['Payment is due within 30 to 90 days.', '30 to 90 days', 30, 90, 'days'],
    ['It cut 10 to 15 jobs.', '10 to 15', 10, 15, 'jobs'],
  ])('reads %j as one figure from its low end to its high end', (sentence, text, value, high, unit) => {
    const found = locateFigures(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text, value, high, unit });
  });

  it('keeps `between` as the qualifier of a range', () => {
    expect(locateFigures('It drew between 3 and 5 million visitors.')[0]?.qualifier).toBe('between');
  });

  it('reads no range in a score, a span of years or a falling pair', () => {
    expect(locateFigures('They won 3-1 at home.').every((f) => f.high === undefined)).toBe(true);
    expect(locateFigures('Sales from 2020-2023 grew.').every((f) => f.high === undefined)).toBe(true);
    expect(locateFigures('It cut 15-10 percent.').every((f) => f.high === undefined)).toBe(true);
  });

  it('reads `from A to B` and `rose A to B` as two figures, not a range', () => {
    expect(texts('Sales rose from 10 to 15 percent.')).toEqual(['10', '15 percent']);
    expect(texts('Revenue rose 5% to $3 billion.')).toEqual(['5%', '$3 billion']);
  });
});

describe('units', () => {
  it('keeps units of measure and currency scales on the figure', () => {
    expect(locateFigures('Container throughput reached 24.6 million TEU.')[0]).toMatchObject({
      text: '24.6 million TEU',
      value: 24.6e6,
      unit: 'TEU',
      label: 'Container throughput',
    });
    expect(locateFigures('Cargo throughput reached 682 million tonnes.')[0]).toMatchObject({
      text: '682 million tonnes',
      value: 682e6,
      unit: 'tonnes',
    });
    expect(locateFigures('Net income was $12.5 million.')[0]).toMatchObject({ value: 12.5e6, unit: 'USD' });
    expect(locateFigures('The average remaining life is 2.33 years.')[0]).toMatchObject({
      text: '2.33 years',
      unit: 'years',
    });
    // A counted noun is what the figure counts, not a unit: it stays out of the text.
    expect(locateFigures('There are 71,000 industrial enterprises.')[0]?.text).toBe('71,000');
  });
});

describe('currencies', () => {
  it('reads New Taiwan dollars as TWD', () => {
    expect(locateFigures('It took a term loan of 80 billion New Taiwan dollars.')[0]).toMatchObject({
      kind: 'amount',
      value: 80e9,
      unit: 'TWD',
    });
  });
});
