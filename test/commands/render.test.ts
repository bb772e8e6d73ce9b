import { describe, expect, it } from 'vitest';
import { answerEmbeds, questionOf } from '../../commands/render/answer.js';
import { moreCustomId, parseMoreCustomId } from '../../commands/render/buttons.js';
import { plainCitationFromEmbed } from '../../commands/render/citation.js';
import { escapeText, highlight } from '../../commands/render/text.js';
import { enforceMessage } from '../../commands/reply/enforce.js';
import { LIMITS } from '../../commands/reply/limits.js';
import type { Answer } from '../../src/answer/ask.js';
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

function answer(text: string, figures: Figure[], passages = 3): Answer {
  return {
    query: 'Q'.repeat(300),
    answered: true,
    passages: Array.from({ length: passages }, (_, i) => ({
      id: `doc#p${i + 1}`,
      docId: 'doc',
      title: 'T'.repeat(400),
      source: 'Wire',
      published: '2024-02-20',
      url: 'https://example.org/r',
      paragraph: i + 1,
      text,
      score: 1,
      matchedTerms: ['enterpris'],
    })),
    figures,
    matchedWords: [],
    suggestions: [],
    hasMore: true,
  };
}

describe('answer embeds', () => {
  it('stay within every Discord limit with oversized passages and many figures', () => {
    const huge = 'More than 75,000 high-tech enterprises *stood* here. '.repeat(400);
    const message = enforceMessage({
      embeds: answerEmbeds(
        answer(
          huge,
          Array.from({ length: 60 }, (_, i) => figure(i)),
        ),
        'kb',
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
  });

  it('put the question in the first embed, where More reads it back', () => {
    const embeds = answerEmbeds({ ...answer('x', []), query: 'How many firms?' }, 'kb');
    expect(questionOf(embeds)).toBe('How many firms?');
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

describe('Cite', () => {
  it('turns an answer embed back into a plain citation with the unescaped quote', () => {
    const [embed] = answerEmbeds(
      { ...answer('Loans *grew* to 1.2 trillion yuan.', [], 1), query: 'loans' },
      'kb',
    );
    expect(embed && plainCitationFromEmbed({ ...embed, title: 'Release' })).toBe(
      '“Loans *grew* to 1.2 trillion yuan.” Release, Wire, 2024-02-20, ¶1. https://example.org/r',
    );
  });
});

describe('More custom_id', () => {
  it('carries the offset and the question when they fit in 100 characters', () => {
    expect(parseMoreCustomId(moreCustomId(3, 'GDP: 2023'))).toEqual({ offset: 3, question: 'GDP: 2023' });
  });

  it('drops a question too long for 100 characters, to be read from the message', () => {
    const id = moreCustomId(6, 'q'.repeat(300));
    expect(id).toBe('more:6');
    expect(parseMoreCustomId(id)).toEqual({ offset: 6 });
  });
});
