import { beforeAll, describe, expect, it } from 'vitest';
import { ask, rankFigures } from '../../src/answer/ask.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import type { Figure } from '../../src/types.js';
import { openFixture } from '../search/fixture.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await openFixture();
});

const firstFigure = (question: string) => ask(kb, question).figures[0];

describe('ask', () => {
  it('answers a question about the documents with the passage that states it', () => {
    const answer = ask(kb, "What was Northvale's GDP in 2023?");
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]?.text).toContain('4.14 trillion yuan');
    expect(answer.passages[0]?.title).toBe('Northvale Province opens the year with an innovation conference');
  });

  it('says it does not know when nothing answers, with suggestions instead', () => {
    for (const question of [
      'What is the capital of France?',
      'recipe for chocolate cake',
      'bitcoin price today',
    ]) {
      const answer = ask(kb, question);
      expect(answer.answered, question).toBe(false);
      expect(answer.passages, question).toEqual([]);
      expect(answer.figures, question).toEqual([]);
    }
  });

  it('does not answer about a named document from another one that happens to match', () => {
    // Only Northvale reports a GDP; Corbel's documents do not.
    expect(ask(kb, 'Corbel GDP').answered).toBe(false);
    expect(ask(kb, 'Northvale GDP').answered).toBe(true);
  });

  it('puts the GDP first when asked about the GDP, before its growth rate', () => {
    expect(firstFigure("What is Northvale's GDP?")?.value).toBe(4_360_000_000_000);
    expect(firstFigure('Northvale GDP 2023')?.value).toBe(4_140_000_000_000);
  });

  it('puts the growth rate first when the question asks how much something grew', () => {
    expect(firstFigure("how much did Northvale's GDP grow in 2024?")).toMatchObject({
      kind: 'percent',
      value: 5.2,
    });
  });

  it('puts the streak first for "how many years in a row", not the rank it keeps', () => {
    expect(firstFigure('how many years in a row has Northvale been third?')).toMatchObject({
      kind: 'streak',
      value: 9,
    });
    expect(firstFigure('how many quarters in a row has Corbel grown revenue?')).toMatchObject({
      kind: 'streak',
      value: 9,
    });
  });

  it('puts the multiple first when the question compares two growth rates', () => {
    expect(firstFigure('In Northvale, how did tech loan growth compare with all loans?')).toMatchObject({
      kind: 'multiple',
      value: 3,
    });
  });

  it('cites the current value before the previous one it rose from', () => {
    // "climbed to 18,400 by the end of 2024, up from 16,900 a year earlier": one sentence, two values.
    expect(firstFigure('How many high-tech enterprises did Northvale have at the end of 2024?')?.value).toBe(
      18_400,
    );
  });

  it('quotes both reports of a metric when the question names no year', () => {
    const ids = ask(kb, 'How many high-tech enterprises does Northvale have?').passages.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining(['northvale-economy-2024#p3', 'northvale-conference-2024#p2']),
    );
  });

  it('cites the total before what was added during the year', () => {
    expect(firstFigure('how many little giants did Northvale have in 2024')?.value).toBe(640);
  });

  it('cites the whole before a part of it, unless the question names the part', () => {
    expect(firstFigure('How many people work at Corbel?')?.value).toBe(7_300);
  });

  it('matches a misspelt word against the labels as the word it stands for', () => {
    expect(firstFigure('how many reserach roles at Corbel?')?.value).toBe(2_100);
  });

  it('cites the value reached when the question asks whether a threshold was passed', () => {
    expect(firstFigure("did Northvale's tech loan balance go above 1tn yuan?")?.value).toBe(
      1_030_000_000_000,
    );
  });

  it('cites the number the question states', () => {
    const answer = ask(kb, 'which harbour handled 12.4m TEU?');
    expect(answer.passages[0]?.id).toBe('eastpoint-harbour-2023#p1');
    expect(answer.figures[0]?.value).toBe(12_400_000);
  });

  it('cites a date when asked when, and never a bare year otherwise', () => {
    expect(firstFigure('when is the Northvale science festival?')).toMatchObject({
      kind: 'date',
      value: 20240512,
    });
    expect(ask(kb, 'Northvale GDP 2024').figures.some((figure) => figure.kind === 'year')).toBe(false);
  });

  it('quotes first the passage that holds the kind of figure asked for', () => {
    // Both passages talk about loans to technology-based enterprises; only one states an amount.
    const answer = ask(kb, 'how much credit did Northvale banks give technology-based enterprises?');
    expect(answer.passages[0]?.id).toBe('northvale-economy-2024#p5');
    expect(answer.figures[0]?.kind).toBe('amount');
  });

  it('pages through the answering passages with offset', () => {
    const first = ask(kb, 'Northvale high-tech enterprises', { limit: 1 });
    const second = ask(kb, 'Northvale high-tech enterprises', { limit: 1, offset: 1 });
    expect(first.hasMore).toBe(true);
    expect(second.passages[0]?.id).not.toBe(first.passages[0]?.id);
  });
});

describe('rankFigures', () => {
  const figure = (overrides: Partial<Figure>): Figure => ({
    id: 'd#p1~0',
    kind: 'count',
    text: '1',
    value: 1,
    unit: '',
    label: '',
    sentence: '',
    passageId: 'd#p1',
    docId: 'd',
    ...overrides,
  });

  it('prefers the figure of the best passage when two figures fit equally', () => {
    const best = figure({ id: 'a#p1~0', label: 'high-tech enterprises', text: '100', value: 100 });
    const other = figure({ id: 'b#p1~0', label: 'high-tech enterprises', text: '200', value: 200 });
    const ranked = rankFigures('how many high-tech enterprises', [
      { figures: [best], score: 10 },
      { figures: [other], score: 9 },
    ]);
    expect(ranked.map((f) => f.value)).toEqual([100, 200]);
  });

  it('lets a figure of another passage win when its label is what the question asks', () => {
    const loose = figure({ id: 'a#p1~0', label: 'companies', text: '100', value: 100 });
    const exact = figure({ id: 'b#p1~0', label: 'research and development staff', text: '200', value: 200 });
    const ranked = rankFigures('how many research and development staff', [
      { figures: [loose], score: 10 },
      { figures: [exact], score: 9 },
    ]);
    expect(ranked[0]?.value).toBe(200);
  });

  it('cites the cell of the period the question names, whatever its place in the row', () => {
    // Labels name both years, so only the period tells the cells apart.
    const cells = ['2019', '2018', 'FY2017'].map((period, i) =>
      figure({
        id: `d#p1~${i}`,
        kind: 'amount',
        label: 'Sales and marketing, 2019 2018 2017',
        period,
        value: i,
      }),
    );
    const value = (question: string) => rankFigures(question, [{ figures: cells }])[0]?.value;
    expect(value('What was the sales and marketing expense in 2018?')).toBe(1);
    expect(value('What was the sales and marketing expense in fiscal 2017?')).toBe(2);
    expect(value('What was the sales and marketing expense in 2017?')).toBe(2);
  });

  it('reads a Chinese threshold word before a number as a threshold', () => {
    const reached = figure({ id: 'd#p1~0', label: '高新技术企业', text: '7.5万家', value: 75_000 });
    const other = figure({ id: 'd#p1~1', label: '高新技术企业', text: '7万家', value: 70_000 });
    expect(rankFigures('高新技术企业是否超过7.4万家', [{ figures: [other, reached] }])[0]?.value).toBe(
      75_000,
    );
  });

  it('leaves bare years out unless the question asks when', () => {
    const year = figure({ kind: 'year', text: '2024', value: 2024, label: 'revenue' });
    expect(rankFigures('revenue', [{ figures: [year] }])).toEqual([]);
    expect(rankFigures('in what year was revenue reported', [{ figures: [year] }])).toEqual([year]);
  });
});
