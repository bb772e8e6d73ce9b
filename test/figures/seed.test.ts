import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.js';
import type { Figure, Passage } from '../../src/types.js';

const DOC_ID = 'guangdong-first-conference-of-spring-2024';

/** The seed's paragraphs as passages (front matter dropped, split on blank lines). */
function seedPassages(): Passage[] {
  const file = readFileSync(new URL(`../../knowledge/${DOC_ID}.md`, import.meta.url), 'utf8');
  const body = file.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text, i) => ({ id: `${DOC_ID}#p${i + 1}`, docId: DOC_ID, paragraph: i + 1, part: 1, text }));
}

const passages = seedPassages();
const figures = passages.flatMap((passage) => extractFigures(passage));

function figure(text: string, nth = 0): Figure {
  const found = figures.filter((f) => f.text === text)[nth];
  if (!found)
    throw new Error(`no figure ${JSON.stringify(text)} in ${figures.map((f) => f.text).join(' | ')}`);
  return found;
}

describe('extractFigures on the seed document', () => {
  it('reads the GDP: 13 trillion yuan, broken through, labelled GDP', () => {
    const gdp = figure('13 trillion yuan');
    expect(gdp).toMatchObject({ kind: 'amount', value: 13e12, unit: 'yuan' });
    expect([undefined, 'broken through']).toContain(gdp.qualifier);
    expect(gdp.label).toContain('GDP');
  });

  it('reads the streaks: 35 and 7 consecutive years, and two consecutive years', () => {
    expect(figure('35 consecutive years')).toMatchObject({ kind: 'streak', value: 35, unit: 'years' });
    expect(figure('35 consecutive years').label).toBe('ranking first in the country');
    expect(figure('7 consecutive years')).toMatchObject({ kind: 'streak', value: 7, unit: 'years' });
    expect(figure('7 consecutive years').label).toMatch(/reigning champion.*regional innovation/);
    expect(figure('two consecutive years')).toMatchObject({ kind: 'streak', value: 2, unit: 'years' });
  });

  it('reads the enterprise counts with their qualifier and counted noun', () => {
    expect(figure('71,000')).toMatchObject({
      kind: 'count',
      value: 71_000,
      unit: 'enterprises',
      qualifier: 'more than',
      label: 'industrial enterprises above the specific scale',
    });
    expect(figure('75,000')).toMatchObject({
      value: 75_000,
      qualifier: 'more than',
      label: 'high-tech enterprises',
    });
    expect(figure('1,500')).toMatchObject({
      kind: 'count',
      value: 1500,
      unit: 'SNEs',
      qualifier: 'more than',
    });
    expect(figure('1,500').label).toContain('small giants');
  });

  it('reads `more than twice` as a multiple of 2 labelled by the growth rate of loans', () => {
    const twice = figure('twice');
    expect(twice).toMatchObject({ kind: 'multiple', value: 2, unit: 'times', qualifier: 'more than' });
    expect(twice.label).toMatch(/^growth rate of loans/);
    expect(twice.label.length).toBeLessThanOrEqual(60);
  });

  it('reads the financing aids of 1.2 trillion yuan', () => {
    const aids = figure('1.2 trillion yuan');
    expect(aids).toMatchObject({ kind: 'amount', value: 1.2e12, unit: 'yuan' });
    expect(aids.label).toContain('financing');
  });

  it('reads the 75th anniversary as a rank of 75', () => {
    const anniversary = figure('75th');
    expect(anniversary).toMatchObject({ kind: 'rank', value: 75, unit: 'rank' });
    expect(anniversary.label).toContain('anniversary');
  });

  it('reads `rank first` and `ranking first` as rank 1', () => {
    const firsts = figures.filter((f) => f.text === 'first');
    expect(firsts).toHaveLength(2);
    for (const f of firsts) expect(f).toMatchObject({ kind: 'rank', value: 1, unit: 'rank' });
    expect(firsts[0]?.label).toContain('GDP');
  });

  it('reads dates as YYYYMMDD, month-only dates as YYYYMM00, and bare years as years', () => {
    expect(figure('February 18, 2024')).toMatchObject({ kind: 'date', value: 20240218, unit: 'date' });
    expect(figure('Feb. 20, 2024')).toMatchObject({ kind: 'date', value: 20240220, label: 'dateline' });
    expect(figure('November 2023')).toMatchObject({ kind: 'date', value: 20231100, unit: 'date' });
    expect(figure('2023')).toMatchObject({ kind: 'year', value: 2023, unit: 'year' });
    expect(figures.filter((f) => f.kind === 'year').map((f) => f.value)).toEqual([2023, 2024, 2023, 2024]);
  });

  it('emits no figure from the phone number, the e-mail line, or inside words like R&D and PCT', () => {
    const contact = passages.find((p) => p.text.startsWith('Media Contact'));
    expect(contact).toBeDefined();
    expect(extractFigures(contact as Passage)).toEqual([]);
    expect(figures.some((f) => /0086|1509/.test(f.text))).toBe(false);
  });

  it('finds exactly the figures of the seed, in text order', () => {
    expect(figures.map((f) => f.text)).toEqual([
      'Feb. 20, 2024',
      'February 18, 2024',
      'two consecutive years',
      '2023',
      '13 trillion yuan',
      'first',
      '35 consecutive years',
      '71,000',
      '75,000',
      '1,500',
      '7 consecutive years',
      'first',
      '2024',
      'November 2023',
      '2023',
      'twice',
      '1.2 trillion yuan',
      '2024',
      '75th',
    ]);
  });

  it('gives each figure its passage, document, id and sentence', () => {
    const third = passages[2] as Passage;
    const own = extractFigures(third);
    own.forEach((f, n) => {
      expect(f.id).toBe(`${third.id}~${n}`);
      expect(f.passageId).toBe(third.id);
      expect(f.docId).toBe(DOC_ID);
      expect(third.text).toContain(f.sentence);
      expect(f.sentence).toContain(f.text);
    });
    expect(figure('71,000').sentence).toBe(
      'There are more than 71,000 industrial enterprises above the specific scale, more than 75,000 high-tech enterprises, and more than 1,500 SNEs of “small giants”.',
    );
  });

  it('keeps every label short and non-empty', () => {
    for (const f of figures) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(f.label.length).toBeLessThanOrEqual(60);
    }
  });
});
