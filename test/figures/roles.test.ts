import { describe, expect, it } from 'vitest';
import { type LocatedFigure, locateFigures } from '../../src/figures/extract.js';

const find = (text: string, figure: string): LocatedFigure => {
  const found = locateFigures(text).find((f) => f.text === figure);
  expect(found, JSON.stringify(locateFigures(text).map((f) => f.text))).toBeDefined();
  return found as LocatedFigure;
};

describe('figure roles', () => {
  it('labels a previous value as such, never with the current value’s label alone', () => {
    const text = 'Revenue rose to $1.31 billion, up from $1.11 billion.';
    expect(find(text, '$1.31 billion')).toMatchObject({ role: 'current', label: 'Revenue' });
    expect(find(text, '$1.11 billion')).toMatchObject({
      role: 'previous',
      label: 'Revenue, previous period',
    });
  });

  it('reads a parenthesised prior year as previous, with that year as period', () => {
    const text = 'Revenue was $5.2 million in 2019 (2018: $2.0 million).';
    expect(find(text, '$5.2 million')).toMatchObject({ role: 'current', period: '2019' });
    expect(find(text, '$2.0 million')).toMatchObject({
      role: 'previous',
      period: '2018',
      label: 'Revenue, previous period',
    });
  });

  it('reads `compared with … a year earlier` as previous, one year back', () => {
    const text = 'Staff numbered 42,100 in fiscal 2024, compared with 36,900 a year earlier.';
    expect(find(text, '42,100')).toMatchObject({ role: 'current', period: 'FY2024', label: 'Staff' });
    expect(find(text, '36,900')).toMatchObject({
      role: 'previous',
      period: 'FY2023',
      label: 'Staff, previous period',
    });
  });

  it('reads `versus` as a comparison', () => {
    expect(find('Margins were 12 percent versus 9 percent.', '9 percent')).toMatchObject({
      role: 'comparison',
      label: 'Margins, comparison',
    });
  });

  it('reads changes: `an increase of`, `up`, a rise verb without `to`', () => {
    expect(find('Revenue was $4.8 billion, an increase of 12%.', '12%')).toMatchObject({
      role: 'change',
      label: 'Revenue increase',
    });
    expect(find('Revenue was $1.31 billion, up 16.9 percent.', '16.9 percent')).toMatchObject({
      role: 'change',
      label: 'Revenue growth',
    });
    const text = 'Revenue rose 12% to $5bn.';
    expect(find(text, '12%').role).toBe('change');
    expect(find(text, '$5bn').role).toBe('current');
  });

  it('reads parts and targets', () => {
    expect(find('It has 5,000 staff, of which 1,200 are engineers.', '1,200').role).toBe('part');
    expect(find('Sales reached $3 billion against a target of $4 billion.', '$4 billion')).toMatchObject({
      role: 'target',
      label: 'Sales, target',
    });
  });

  it('gives no role to dates, years, ranks and streaks', () => {
    for (const f of locateFigures('On February 18, 2024, it ranked first for 35 consecutive years.'))
      expect(f.role).toBeUndefined();
  });

  it('reads Chinese changes and previous values', () => {
    const text = '2023年，广东地区生产总值突破13万亿元，同比增长4.8%。';
    expect(find(text, '13万亿元')).toMatchObject({ role: 'current', label: '地区生产总值', period: '2023' });
    expect(find(text, '4.8%')).toMatchObject({ role: 'change', label: '地区生产总值增长' });
    expect(find('全省进出口总额8.3万亿元，上年为8.2万亿元。', '8.2万亿元')).toMatchObject({
      role: 'previous',
      label: '进出口总额（上期）',
    });
  });
});

describe('what a previous value is labelled after', () => {
  it('takes the label of the current value of its kind, unit and size', () => {
    const text =
      'Net income was $142 million, or $1.06 per diluted share, compared with $109 million, or $0.81 per diluted share, in the prior-year quarter.';
    expect(find(text, '$109 million')).toMatchObject({ role: 'comparison', label: 'Net income, comparison' });
    expect(find(text, '$0.81')).toMatchObject({
      role: 'previous',
      label: 'Net income per diluted share, previous period',
    });
  });

  it('takes the label of the nearest current value, not the first of the sentence', () => {
    const text =
      'Operating income rose to $198 million, and the operating margin reached 15.6%, compared with 13.6%.';
    expect(find(text, '13.6%').label).toBe('operating margin, comparison');
  });

  it('reads a bare `from` as previous only beside a current value of its kind', () => {
    expect(find('Gross margin widened to 42.8% from 40.1%.', '40.1%').role).toBe('previous');
    expect(find('The team won 63 points from 38 matches.', '38').role).toBe('current');
  });

  it('reads a parenthesised period with a quarter as previous', () => {
    expect(find('Free cash flow was $176 million (Q3 2023: $128 million).', '$128 million')).toMatchObject({
      role: 'previous',
      period: '2023-Q3',
      label: 'Free cash flow, previous period',
    });
  });
});

describe('figure periods', () => {
  it('does not give a current value the period written beside a previous one', () => {
    const text =
      'Revenue for the third quarter was $1.27 billion, up from $1.11 billion in Q3 2023, an increase of 14.4%.';
    expect(find(text, '$1.27 billion').period).toBe('Q3');
    expect(find(text, '$1.11 billion').period).toBe('2023-Q3');
    expect(find(text, '14.4%').period).toBe('Q3');
  });

  it('reads the period after `on` or `versus` as the comparison base, not the figure’s own', () => {
    const text = 'The segment reported revenue of $612 million, up 18% on the third quarter of 2023.';
    expect(find(text, '$612 million').period).toBeUndefined();
    expect(find(text, '18%').period).toBeUndefined();
  });

  it('moves a value `a year earlier` one year back from the current period', () => {
    const text =
      'For the first nine months of 2024, revenue was $3.58 billion, up 12.9% from $3.17 billion in the same period of 2023, and diluted earnings per share were $2.91, against $2.24 a year earlier.';
    expect(find(text, '$3.58 billion').period).toBe('2024');
    expect(find(text, '$3.17 billion').period).toBe('2023');
    expect(find(text, '$2.91').period).toBe('2024');
    expect(find(text, '$2.24')).toMatchObject({
      period: '2023',
      label: 'diluted earnings per share, previous period',
    });
  });

  it.each([
    ['Third-quarter revenue was $4.8 billion.', '$4.8 billion', 'Q3'],
    ['Revenue in Q3 2024 reached $5bn.', '$5bn', '2024-Q3'],
    ['In H1 2024, sales grew 12%.', '12%', '2024-H1'],
    ['Sales in the first half were $2 billion.', '$2 billion', 'H1'],
    ['Sales in the 2023/24 season were $2 billion.', '$2 billion', '2023/24'],
    ['2023年上半年，出口达2.1万亿元。', '2.1万亿元', '2023-H1'],
    ['第三季度出口达2.1万亿元。', '2.1万亿元', 'Q3'],
    ['2023年11月，出口达2.1万亿元。', '2.1万亿元', '2023-11'],
  ])('in %j, %j belongs to %j', (text, figure, period) => {
    expect(find(text, figure).period).toBe(period);
  });

  it('leaves the period out when the sentence names none', () => {
    expect(find('Revenue was $4.8 billion.', '$4.8 billion').period).toBeUndefined();
  });
});
