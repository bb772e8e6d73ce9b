import { describe, expect, it } from 'vitest';
import { type LocatedFigure, locateFigures } from '../../src/figures/extract.js';
import { canonicalizeNumbers, parseNumberPhrase, scanNumberPhrases } from '../../src/figures/numbers.js';
import { splitSentences } from '../../src/figures/sentences.js';
import { chineseInteger } from '../../src/figures/zh-numbers.js';

const find = (text: string, figure: string): LocatedFigure => {
  const found = locateFigures(text).find((f) => f.text === figure);
  expect(found, JSON.stringify(locateFigures(text).map((f) => f.text))).toBeDefined();
  return found as LocatedFigure;
};

describe('Chinese numbers', () => {
  it.each([
    ['13万亿', 13e12],
    ['十三万亿', 13e12],
    ['1.2万亿', 1.2e12],
    ['7.5万', 75_000],
    ['三百五十', 350],
    ['１３', 13],
    ['一点二万亿', 1.2e12],
    ['10多万', 100_000],
  ])('reads %j as %d', (text, value) => {
    expect(scanNumberPhrases(`达${text}家`)[0]?.value).toBe(value);
  });

  it('reads 百分之五点二 and 5.2% alike', () => {
    const [spelt] = scanNumberPhrases('增长百分之五点二');
    const [digits] = scanNumberPhrases('增长5.2%');
    expect(spelt).toMatchObject({ value: 5.2, percent: true });
    expect(digits).toMatchObject({ value: 5.2, percent: true });
  });

  it('reads digits glued to a Latin letter inside Chinese as a code, not a number', () => {
    expect(scanNumberPhrases('九龙巴士32M线受到竞争')).toEqual([]);
    expect(scanNumberPhrases('5G网络覆盖全省')).toEqual([]);
    expect(scanNumberPhrases('广东2023年GDP增长5.2%').map((p) => p.value)).toEqual([2023, 5.2]);
  });

  it('reads `多` as the qualifier more than', () => {
    expect(scanNumberPhrases('1500多家')[0]).toMatchObject({ value: 1500, qualifier: 'more than' });
  });

  it('reads no number in words that only contain numerals', () => {
    expect(scanNumberPhrases('统一大市场，一些企业，十分重要，十三五规划')).toEqual([]);
  });

  it('reads integers the Chinese way, and rejects malformed runs', () => {
    expect(chineseInteger('一亿三千万')).toBe(130_000_000);
    expect(chineseInteger('二〇二三')).toBe(2023);
    expect(chineseInteger('十三五')).toBeUndefined();
  });

  it('canonicalises 13万亿, 十三万亿 and 13 trillion to the same token', () => {
    const token = canonicalizeNumbers('13 trillion');
    expect(token).toBe('13000000000000');
    expect(canonicalizeNumbers('13万亿元')).toBe(`${token} 元`);
    expect(canonicalizeNumbers('GDP达十三万亿元')).toBe(`GDP达 ${token} 元`);
    expect(canonicalizeNumbers('百分之五点二')).toBe(canonicalizeNumbers('5.2%'));
  });

  it('canonicalises idempotently', () => {
    for (const text of ['GDP达13万亿元', '1500多家企业', '增长百分之五点二', '１３家']) {
      const once = canonicalizeNumbers(text);
      expect(canonicalizeNumbers(once)).toBe(once);
    }
  });

  it('leaves parseNumberPhrase reading Chinese numbers too', () => {
    expect(parseNumberPhrase('13万亿')).toBe(13e12);
  });
});

describe('Chinese sentences', () => {
  it('split on 。！？；', () => {
    expect(splitSentences('GDP增长5%。出口如何？很好！进口；完').map((s) => s.text)).toEqual([
      'GDP增长5%。',
      '出口如何？',
      '很好！',
      '进口；',
      '完',
    ]);
  });
});

describe('Chinese figures', () => {
  it('reads amounts with scales and currencies, labelled by what they measure', () => {
    expect(find('2023年，广东地区生产总值突破13万亿元。', '13万亿元')).toMatchObject({
      kind: 'amount',
      value: 13e12,
      unit: 'yuan',
      qualifier: 'broken through',
      label: '地区生产总值',
    });
    expect(find('外商投资达20亿美元。', '20亿美元')).toMatchObject({ value: 2e9, unit: 'USD' });
    expect(find('投资人民币5亿元。', '人民币5亿元')).toMatchObject({ value: 5e8, unit: 'yuan' });
  });

  it('reads counts with their measure word and label', () => {
    expect(find('全省高新技术企业超7.5万家，规上工业企业超7.1万家。', '7.5万家')).toMatchObject({
      kind: 'count',
      value: 75_000,
      qualifier: 'more than',
      label: '高新技术企业',
    });
    expect(find('全省高新技术企业超7.5万家，规上工业企业超7.1万家。', '7.1万家').label).toBe('规上工业企业');
    expect(find('广东有1500多家专精特新企业。', '1500多家')).toMatchObject({
      value: 1500,
      qualifier: 'more than',
      label: '专精特新企业',
    });
    expect(find('全省拥有１３家世界500强企业。', '１３家')).toMatchObject({
      value: 13,
      label: '世界500强企业',
    });
  });

  it('reads percents in digits and in words, and percentage points', () => {
    expect(find('出口增长百分之五点二。', '百分之五点二')).toMatchObject({ kind: 'percent', value: 5.2 });
    expect(find('占比提高1.5个百分点。', '1.5个百分点')).toMatchObject({
      kind: 'percent',
      value: 1.5,
      unit: 'percentage points',
    });
  });

  it('reads streaks, ranks and anniversaries', () => {
    const text = '广东经济总量连续35年居全国首位。';
    expect(find(text, '连续35年')).toMatchObject({ kind: 'streak', value: 35, unit: 'years' });
    expect(find(text, '首位')).toMatchObject({ kind: 'rank', value: 1, label: '经济总量' });
    expect(find('出口规模居全国第一。', '第一')).toMatchObject({ kind: 'rank', value: 1 });
    expect(find('今年是新中国成立75周年。', '75周年')).toMatchObject({ kind: 'rank', value: 75 });
    expect(locateFigures('第三产业增加值增长。').filter((f) => f.kind === 'rank')).toEqual([]);
  });

  it('reads dates and years', () => {
    expect(find('2023年11月，出口回升。', '2023年11月')).toMatchObject({ kind: 'date', value: 20231100 });
    expect(find('2月18日，广东召开大会。', '2月18日')).toMatchObject({ kind: 'date', value: 218 });
    expect(find('2023年，出口回升。', '2023年')).toMatchObject({ kind: 'year', value: 2023 });
  });

  it('labels a figure of a clause without a subject after the clause before', () => {
    const text = '全省地区生产总值突破13万亿元，连续35年居全国首位。';
    expect(find(text, '连续35年').label).toBe('地区生产总值居全国首位');
    expect(find(text, '首位').label).toBe('地区生产总值');
  });

  it('keeps a quoted name inside its label', () => {
    expect(find('专精特新“小巨人”企业超1500家。', '1500家').label).toBe('专精特新“小巨人”企业');
  });

  it('reads seasons as years, and a lone 一 before a measure word as no figure', () => {
    expect(find('2001赛季，他在26场联赛中攻入13球。', '2001赛季')).toMatchObject({
      kind: 'year',
      value: 2001,
    });
    expect(find('2001赛季，他在26场联赛中攻入13球。', '26场')).toMatchObject({
      unit: 'matches',
      period: '2001',
    });
    expect(locateFigures('他在每一支球队都是得分手。')).toEqual([]);
    expect(locateFigures('这是一支球队。')).toEqual([]);
  });

  it('reads multiples', () => {
    expect(find('产值是上年的3倍。', '3倍')).toMatchObject({ kind: 'multiple', value: 3, unit: 'times' });
  });

  it('gives the same value to the same figure in both languages', () => {
    const zh = find('全省地区生产总值突破13万亿元。', '13万亿元');
    const en = find("The province's regional GDP has broken through 13 trillion yuan.", '13 trillion yuan');
    expect([zh.value, zh.unit, zh.qualifier]).toEqual([en.value, en.unit, en.qualifier]);
  });
});
