import { describe, expect, it } from 'vitest';
import { extractFigures, type LocatedFigure, locateFigures } from '../../src/figures/extract.js';

const one = (text: string): LocatedFigure => {
  const found = locateFigures(text);
  expect(found, JSON.stringify(found.map((f) => f.text))).toHaveLength(1);
  return found[0] as LocatedFigure;
};
const texts = (text: string) => locateFigures(text).map((f) => f.text);

describe('amounts', () => {
  it('reads a dollar amount with a scale word as USD', () => {
    expect(one('The deal is worth $4.82 billion.')).toMatchObject({
      kind: 'amount',
      text: '$4.82 billion',
      value: 4.82e9,
      unit: 'USD',
    });
  });

  it('reads earnings per share in pence as an amount in pounds, labelled by what it measures', () => {
    expect(one('Basic earnings per share were 11.9p.')).toMatchObject({
      kind: 'amount',
      text: '11.9p',
      value: 0.119,
      unit: 'GBP',
      label: 'Basic earnings per share',
    });
  });

  it("keeps a rate's preposition in the name before `of` (`earnings per share of 10.3p`)", () => {
    expect(one('Fenmore reported basic earnings per share of 10.3p.').label).toMatch(
      /basic earnings per share$/,
    );
    expect(one('Revenue per passenger of £12.40 was a record.').label).toBe('Revenue per passenger');
  });

  it('reads a trailing currency word into the figure text', () => {
    expect(one('Exports reached 61 billion yuan.')).toMatchObject({
      text: '61 billion yuan',
      value: 61e9,
      unit: 'yuan',
      label: 'Exports',
    });
    expect(one('It cost 5 million US dollars.')).toMatchObject({ text: '5 million US dollars', unit: 'USD' });
  });

  it('reads currency codes and symbols with abbreviations', () => {
    expect(one('Sales hit €5m.')).toMatchObject({ value: 5e6, unit: 'EUR' });
    expect(one('It raised RMB 1.2 billion.')).toMatchObject({ value: 1.2e9, unit: 'yuan' });
    expect(one('It raised RMB1.2 billion.')).toMatchObject({
      text: 'RMB1.2 billion',
      value: 1.2e9,
      unit: 'yuan',
    });
    expect(one('Profit was US$4.8bn.')).toMatchObject({ text: 'US$4.8bn', value: 4.8e9, unit: 'USD' });
  });
});

describe('percents', () => {
  it('reads `percent`, `per cent` and `%` alike', () => {
    expect(one('Exports made up 58.3 percent of the total.')).toMatchObject({
      kind: 'percent',
      value: 58.3,
      unit: 'percent',
    });
    expect(one('Volume grew 17% in the year.')).toMatchObject({ text: '17%', value: 17, unit: 'percent' });
    expect(one('Margins rose 4 per cent.')).toMatchObject({ text: '4 per cent', value: 4 });
  });

  it('reads percentage points as a percent with that unit', () => {
    expect(one('The margin widened by 2.5 percentage points.')).toMatchObject({
      kind: 'percent',
      value: 2.5,
      unit: 'percentage points',
    });
  });

  it('labels a share by what it is a share of', () => {
    expect(one('Exports accounted for 58.3 percent of total sales.').label).toBe(
      'Exports as share of total sales',
    );
  });
});

describe('counts', () => {
  it('takes the counted noun as unit and the noun phrase as label', () => {
    expect(one('There are 71,000 industrial enterprises above the specific scale.')).toMatchObject({
      kind: 'count',
      value: 71_000,
      unit: 'enterprises',
      label: 'industrial enterprises above the specific scale',
    });
  });

  it('reads spelt-out numbers before a noun, but not a lone `one`', () => {
    expect(one('Two scientists were elected.')).toMatchObject({
      kind: 'count',
      value: 2,
      unit: 'scientists',
    });
    expect(locateFigures('One of them was elected.')).toEqual([]);
  });

  it('labels a measure by its subject (`cargo throughput reached 1.36 billion tonnes`)', () => {
    expect(one('Total cargo throughput reached 1.36 billion tonnes.')).toMatchObject({
      value: 1.36e9,
      unit: 'tonnes',
      label: 'Total cargo throughput',
    });
  });

  it('reads `N times` without a comparison as a count of times', () => {
    expect(one('Shore power was used 5,860 times by ships.')).toMatchObject({
      kind: 'count',
      value: 5860,
      unit: 'times',
    });
  });
});

describe('qualifiers', () => {
  it.each([
    ['more than', 'There are more than 500 firms.'],
    ['over', 'It has over 500 firms.'],
    ['about', 'It has about 500 firms.'],
    ['nearly', 'It has nearly 500 firms.'],
    ['almost', 'It has almost 500 firms.'],
    ['at least', 'It has at least 500 firms.'],
    ['up to', 'It has up to 500 firms.'],
    ['around', 'It has around 500 firms.'],
    ['approximately', 'It has Approximately 500 firms.'],
    ['less than', 'It has less than 500 firms.'],
    ['broken through', 'Output has broken through 500 billion yuan.'],
  ])(
    'reads the qualifier %j right before the number, lowercased, outside the text',
    (qualifier, sentence) => {
      const figure = one(sentence);
      expect(figure.qualifier).toBe(qualifier);
      expect(figure.text).not.toContain(qualifier.split(' ')[0]);
    },
  );

  it('leaves the qualifier out when words stand between it and the number', () => {
    expect(one('More firms than ever, 500 in all.').qualifier).toBeUndefined();
  });
});

describe('streaks', () => {
  it.each([
    ['ranking first for 35 consecutive years', '35 consecutive years', 35, 'years'],
    ['it has focused for two consecutive years on one theme', 'two consecutive years', 2, 'years'],
    ['it grew for 5 years in a row', '5 years in a row', 5, 'years'],
    ['the 13th consecutive quarter of growth', '13th consecutive quarter', 13, 'quarters'],
    ['It was the fourth year in a row that it met.', 'fourth year in a row', 4, 'years'],
  ])('reads %j', (sentence, text, value, unit) => {
    expect(locateFigures(sentence).filter((f) => f.kind === 'streak')).toEqual([
      expect.objectContaining({ text, value, unit }),
    ]);
  });

  it('labels a streak by what was sustained', () => {
    const streak = locateFigures(
      'The city has ranked first in the country by exports for 4 consecutive years.',
    )[1];
    expect(streak?.label).toBe('ranked first in the country by exports');
    expect(locateFigures('the 13th consecutive quarter of revenue growth')[0]?.label).toBe('revenue growth');
  });
});

describe('ranks', () => {
  it.each([
    ['The three all rank first in the country.', 'first', 1],
    ['Its exports ranks second in Asia.', 'second', 2],
    ['The team ranked 3rd in the league.', '3rd', 3],
    ['It is the No. 1 brand in China.', 'No. 1', 1],
    ['It holds fourth place nationally.', 'fourth', 4],
    ['It is the second-largest economy in the world.', 'second-largest', 2],
    ['The 75th anniversary of the founding of the People’s Republic of China.', '75th', 75],
  ])('reads %j', (sentence, text, value) => {
    expect(one(sentence)).toMatchObject({ kind: 'rank', text, value, unit: 'rank' });
  });

  it('does not read an ordinal word without a rank verb (`the first day`)', () => {
    expect(locateFigures('On the first day of the First Conference of Spring, it met.')).toEqual([]);
  });

  it('labels an ordinal by the noun phrase after it, shortened to 60 characters', () => {
    const label = one('The 75th anniversary of the founding of the People’s Republic of China.').label;
    expect(label).toMatch(/^anniversary of .*People’s Republic of China$/);
    expect(label.length).toBeLessThanOrEqual(60);
  });
});

describe('multiples', () => {
  it.each([
    ['Loan growth was twice the average.', 'twice', 2],
    ['Sales were three times the 2020 level.', 'three times', 3],
    ['The fund is 2.5 times larger.', '2.5 times', 2.5],
    ['Revenue doubled.', 'doubled', 2],
    ['Capacity grew threefold.', 'threefold', 3],
    ['Throughput improved 2x.', '2x', 2],
  ])('reads %j', (sentence, text, value) => {
    const multiple = locateFigures(sentence).find((f) => f.kind === 'multiple');
    expect(multiple).toMatchObject({ text, value, unit: 'times' });
  });
});

describe('dates and years', () => {
  it.each([
    ['On February 18, 2024, it met.', 'February 18, 2024', 20240218],
    ['GUANGDONG, China, Feb. 20, 2024 /PRNewswire/ — It met.', 'Feb. 20, 2024', 20240220],
    ['It met on 18 February 2024.', '18 February 2024', 20240218],
    ['It met on 2024-02-18.', '2024-02-18', 20240218],
    ['It was announced in November 2023.', 'November 2023', 20231100],
  ])('reads %j as one date', (sentence, text, value) => {
    expect(one(sentence)).toMatchObject({ kind: 'date', text, value, unit: 'date' });
  });

  it('reads a bare year as kind year', () => {
    expect(one('In 2024, Guangdong will focus on industry.')).toMatchObject({
      kind: 'year',
      text: '2024',
      value: 2024,
      unit: 'year',
    });
  });

  it('reads a four-digit number before a count noun as a count, not a year', () => {
    expect(one('The plant employs 2000 workers.')).toMatchObject({
      kind: 'count',
      value: 2000,
      unit: 'workers',
    });
  });

  it('labels a dateline date `dateline` and an event date by its event', () => {
    expect(one('MARAVEN, Jan. 18, 2024 — The port grew.').label).toBe('dateline');
    expect(one('The board met on March 3, 2025 to approve the plan.').label).toContain('board met');
  });
});

describe('what is not a figure', () => {
  it.each([
    'Tel: 0086-15099961640',
    'Call +1 (555) 123-4567 now.',
    'E-mail: press2024@example.org',
    'See https://example.org/news/2023-throughput for details.',
    'Its 5G and R&D teams joined PCT filings.',
    'The COVID-19 rules ended.',
    'The call is at 4:30 p.m. today.',
    'Phase 2 of Building 7 opened.',
  ])('finds nothing in %j', (text) => {
    expect(locateFigures(text)).toEqual([]);
  });
});

describe('sentences of your own style', () => {
  it('reads an earnings sentence: revenue growth and revenue', () => {
    const [growth, revenue] = locateFigures(
      'Revenue rose 18.4 percent to $4.82 billion in the third quarter.',
    );
    expect(growth).toMatchObject({
      kind: 'percent',
      text: '18.4 percent',
      value: 18.4,
      label: 'Revenue growth',
    });
    expect(revenue).toMatchObject({
      kind: 'amount',
      text: '$4.82 billion',
      value: 4.82e9,
      unit: 'USD',
      label: 'Revenue',
    });
  });

  it('reads a headcount sentence: people and countries', () => {
    const [people, countries] = locateFigures('The company now employs about 12,400 people in 31 countries.');
    expect(people).toMatchObject({
      kind: 'count',
      value: 12_400,
      unit: 'people',
      qualifier: 'about',
      label: 'people',
    });
    expect(countries).toMatchObject({ kind: 'count', value: 31, unit: 'countries', label: 'countries' });
  });

  it('reads a results sentence with a decline, an abbreviated amount and a per-share dividend', () => {
    const found = locateFigures(
      'Net profit fell 3.2% to €610m, while the board proposed a dividend of €1.20 per share.',
    );
    expect(found.map((f) => [f.kind, f.value, f.unit, f.label])).toEqual([
      ['percent', 3.2, 'percent', 'Net profit decline'],
      ['amount', 610e6, 'EUR', 'Net profit'],
      ['amount', 1.2, 'EUR', 'dividend'],
    ]);
  });

  it('borrows the label of the figure before for `…, up X percent`', () => {
    const found = locateFigures(
      'Fourth-quarter revenue was $1.31 billion, up 16.9 percent from a year earlier.',
    );
    expect(found.map((f) => f.label)).toEqual(['Fourth-quarter revenue', 'Fourth-quarter revenue growth']);
  });

  it('reads a rankings note: each subject with its rank', () => {
    const found = locateFigures(
      'Chemistry moved up to 44th, computer science to 62nd and environmental science to 71st.',
    );
    expect(found.map((f) => [f.value, f.label])).toEqual([
      [44, 'Chemistry'],
      [62, 'computer science'],
      [71, 'environmental science'],
    ]);
  });
});

describe('extractFigures', () => {
  it('numbers figures from 0 within the passage and copies passage and document ids', () => {
    const passage = {
      id: 'doc#p2',
      docId: 'doc',
      paragraph: 2,
      part: 1,
      text: 'It rose 5% to 61 billion yuan.',
    };
    expect(extractFigures(passage).map((f) => [f.id, f.passageId, f.docId])).toEqual([
      ['doc#p2~0', 'doc#p2', 'doc'],
      ['doc#p2~1', 'doc#p2', 'doc'],
    ]);
  });

  it('never lets two figures share a character (the year of a full date is not emitted again)', () => {
    expect(texts('On February 18, 2024, for 35 consecutive years, ranking first.')).toEqual([
      'February 18, 2024',
      '35 consecutive years',
      'first',
    ]);
  });
});
