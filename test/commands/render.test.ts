import { describe, expect, it } from 'vitest';
import { type AnswerPage, answerEmbeds, figureValue } from '../../commands/render/answer.js';
import { MORE_KEYS, moreCustomId, parseMoreCustomId } from '../../commands/render/buttons.js';
import { plainCitation } from '../../commands/render/citation.js';
import { passageKey } from '../../commands/render/keys.js';
import { escapeText, highlight } from '../../commands/render/text.js';
import { enforceMessage } from '../../commands/reply/enforce.js';
import { LIMITS } from '../../commands/reply/limits.js';
import type { Figure } from '../../src/types.js';

const figure = (i: number): Figure => ({
  id: `doc#p1~${i}`,
  kind: 'count',
  text: `${i},000`,
  value: i * 1000,
  unit: 'enterprises',
  qualifier: 'more than',
  label: `label number ${i} `.repeat(20).trim(),
  sentence: 'A sentence.',
  passageId: 'doc#p1',
  docId: 'doc',
});

function page(text: string, figures: Figure[], passages = 3): AnswerPage {
  return {
    question: 'Q'.repeat(300),
    offset: 0,
    passages: Array.from({ length: passages }, (_, i) => ({
      id: `doc#p${i + 1}`,
      docId: 'doc',
      title: 'T'.repeat(400),
      source: 'Wire',
      published: '2024-02-20',
      url: 'https://example.org/r',
      paragraph: i + 1,
      text,
      sources: [`doc#p${i + 1}`],
      score: 1,
      matchedTerms: ['enterpris'],
    })),
    figures,
    next: [],
  };
}

describe('answer embeds', () => {
  it('stay within every Discord limit with oversized passages and many figures', () => {
    const huge = 'More than 75,000 high-tech enterprises *stood* here. '.repeat(400);
    const message = enforceMessage({
      embeds: answerEmbeds(
        page(
          huge,
          Array.from({ length: 60 }, (_, i) => figure(i)),
        ),
      ),
    });
    const embeds = message.embeds ?? [];
    let total = 0;
    for (const embed of embeds) {
      expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
      for (const field of embed.fields ?? [])
        expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total +=
        (embed.title?.length ?? 0) +
        (embed.description?.length ?? 0) +
        (embed.author?.name.length ?? 0) +
        (embed.footer?.text.length ?? 0) +
        (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embeds[0]?.description).toMatch(
      /^> More than 75,000 high-tech \*\*enterprises\*\* \\\*stood\\\* here\./,
    );
    // The quote was cut, never its citation.
    for (const embed of embeds) expect(embed.footer?.text).toMatch(/^Wire · 2024-02-20 · ¶\d$/);
  });

  it('put the question in the first embed', () => {
    const embeds = answerEmbeds({ ...page('x', []), question: 'How many firms?' });
    expect(embeds[0]?.author?.name).toBe('Q: How many firms?');
  });

  it('show each figure under the passage it comes from', () => {
    const second = { ...figure(7), id: 'doc#p2~0', passageId: 'doc#p2' };
    const embeds = answerEmbeds(page('text', [second, figure(1)], 2));
    expect(embeds[0]?.fields?.map((f) => f.value)).toEqual(['**more than 1,000**']);
    expect(embeds[1]?.fields?.map((f) => f.value)).toEqual(['**more than 7,000**']);
  });

  it("show a document's title and link once", () => {
    const embeds = answerEmbeds(page('text', [], 3));
    expect(embeds.map((embed) => embed.title !== undefined)).toEqual([true, false, false]);
    expect(embeds.map((embed) => embed.url !== undefined)).toEqual([true, false, false]);
  });
});

describe('figureValue', () => {
  const base = { kind: 'count' as const, qualifier: undefined };
  it('writes the unit the source puts after the number', () => {
    expect(
      figureValue({
        ...base,
        text: '24.6 million',
        unit: 'TEU',
        sentence: 'It handled 24.6 million TEU in 2023.',
      }),
    ).toBe('24.6 million TEU');
    expect(
      figureValue({
        ...base,
        text: '682 million',
        unit: 'tonnes',
        sentence: 'Cargo throughput reached 682 million tonnes.',
      }),
    ).toBe('682 million tonnes');
  });

  it('does not repeat a unit the text already has, or name a currency twice', () => {
    const amount = { ...base, kind: 'amount' as const };
    expect(
      figureValue({
        ...amount,
        text: '13 trillion yuan',
        unit: 'yuan',
        sentence: 'GDP hit 13 trillion yuan.',
      }),
    ).toBe('13 trillion yuan');
    expect(
      figureValue({
        ...amount,
        text: '$4.82 billion',
        unit: 'USD',
        sentence: 'Revenue was $4.82 billion USD.',
      }),
    ).toBe('$4.82 billion');
  });

  it('adds no word the sentence does not put next to the number', () => {
    expect(
      figureValue({
        ...base,
        text: '126',
        unit: 'Asia',
        sentence: 'It serves 126 ports across Southeast Asia.',
      }),
    ).toBe('126');
  });

  it('writes a Chinese figure’s qualifier in the words of its sentence, not in English', () => {
    const chinese = (qualifier: string, text: string, sentence: string) =>
      figureValue({ kind: 'count', unit: '家', qualifier, text, sentence });
    expect(chinese('more than', '7.5万家', '全省高新技术企业超7.5万家。')).toBe('超7.5万家');
    expect(chinese('more than', '120吉瓦', '装机量超过120吉瓦。')).toBe('超过120吉瓦');
    expect(chinese('broken through', '13万亿元', '地区生产总值突破13万亿元。')).toBe('突破13万亿元');
    expect(chinese('about', '5.5%', '地区生产总值增长5.5%左右。')).toBe('5.5%左右');
    // A sentence that does not say it in a word the extractor knows keeps the meaning, in English.
    expect(chinese('more than', '7.5万家', '高新技术企业7.5万家。')).toBe('more than 7.5万家');
    expect(
      figureValue({
        kind: 'count',
        unit: 'enterprises',
        qualifier: 'more than',
        text: '75,000',
        sentence: 'There are more than 75,000 high-tech enterprises.',
      }),
    ).toBe('more than 75,000 enterprises');
  });
});

describe('highlight', () => {
  it('bolds the words whose terms matched and escapes markdown around them', () => {
    expect(highlight('75,000 high-tech enterprises in *bold* _x_', ['enterpris'])).toBe(
      '75,000 high-tech **enterprises** in \\*bold\\* \\_x\\_',
    );
  });

  it('keeps @everyone from looking like a mention', () => {
    expect(escapeText('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
  });
});

describe('plainCitation', () => {
  it('cites the passage itself: quote, title, source, date, paragraph and link', () => {
    expect(
      plainCitation(
        {
          docId: 'r',
          title: 'Release',
          source: 'Wire',
          published: '2024-02-20',
          paragraph: 1,
          url: 'https://example.org/r',
        },
        'Loans *grew* to 1.2 trillion yuan.',
      ),
    ).toBe('“Loans *grew* to 1.2 trillion yuan.” Release, Wire, 2024-02-20, ¶1. https://example.org/r');
  });
});

describe('More custom_id', () => {
  it('carries the next offset and passage keys within 100 characters', () => {
    const keys = Array.from({ length: 20 }, (_, i) => passageKey({ id: `doc#p${i}`, text: 'x' }));
    const id = moreCustomId(3, keys);
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(parseMoreCustomId(id)).toEqual({ offset: 3, keys: keys.slice(0, MORE_KEYS) });
  });

  it('carries the id of the question its 👍/👎 rate, with as many keys as still fit', () => {
    const keys = Array.from({ length: 20 }, (_, i) => passageKey({ id: `doc#p${i}`, text: 'x' }));
    for (const offset of [3, 999]) {
      const id = moreCustomId(offset, keys, 'AbCdEfGhIjKl');
      expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
      const parsed = parseMoreCustomId(id);
      expect(parsed?.questionId).toBe('AbCdEfGhIjKl');
      expect(parsed?.offset).toBe(offset);
      expect(parsed?.keys).toEqual(keys.slice(0, parsed?.keys.length));
      expect(parsed?.keys.length).toBe(Math.floor((LIMITS.customId - `more:${offset}:`.length - 13) / 7));
    }
    expect(parseMoreCustomId(moreCustomId(3, keys.slice(0, 2), 'q1'))).toEqual({
      offset: 3,
      keys: keys.slice(0, 2),
      questionId: 'q1',
    });
  });

  it('refuses a custom_id of the old shape, with the question in it', () => {
    expect(parseMoreCustomId('more:3:GDP of Guangdong')).toBeUndefined();
    expect(parseMoreCustomId('more:3:AbCdEfG:')).toBeUndefined();
    expect(parseMoreCustomId('more:6')).toBeUndefined();
  });
});
