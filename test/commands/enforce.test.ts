import { describe, expect, it } from 'vitest';
import { enforceChoices, enforceMessage, enforceReply, truncate } from '../../commands/reply/enforce.js';
import { LIMITS } from '../../commands/reply/limits.js';

const long = (n: number, ch = 'x') => ch.repeat(n);
const embedTotal = (embeds: NonNullable<ReturnType<typeof enforceMessage>['embeds']>) =>
  embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );

describe('truncate', () => {
  it('leaves short text alone and marks a cut with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abcdef', 4)).toHaveLength(4);
  });
});

describe('enforceMessage', () => {
  it('adds allowed_mentions that ping nobody when the message names no one', () => {
    expect(enforceMessage({ content: '@everyone <@123> <@&456>' }).allowed_mentions).toEqual({ parse: [] });
  });

  it('drops parse entries a handler set and keeps only the named users', () => {
    const safe = enforceMessage({
      content: 'hi',
      allowed_mentions: { parse: ['everyone' as never], users: ['42'] },
    });
    expect(safe.allowed_mentions).toEqual({ parse: [], users: ['42'] });
  });

  it('cuts content to 2000 characters', () => {
    expect(enforceMessage({ content: long(5000) }).content).toHaveLength(LIMITS.content);
  });

  it('keeps every embed part within its limit and all embeds within 6000 characters', () => {
    const field = { name: long(300), value: long(2000) };
    const embed = {
      title: long(400),
      description: long(5000),
      footer: { text: long(3000) },
      author: { name: long(300) },
      fields: Array.from({ length: 40 }, () => field),
    };
    const safe = enforceMessage({ embeds: Array.from({ length: 12 }, () => embed) });
    const embeds = safe.embeds ?? [];
    expect(embeds.length).toBeGreaterThanOrEqual(1);
    for (const e of embeds) {
      expect(e.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(e.footer?.text.length).toBeLessThanOrEqual(LIMITS.footerText);
      expect(e.author?.name.length).toBeLessThanOrEqual(LIMITS.authorName);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
    expect(embedTotal(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('keeps at most 10 embeds', () => {
    expect(
      enforceMessage({ embeds: Array.from({ length: 12 }, () => ({ title: 'T' })) }).embeds,
    ).toHaveLength(LIMITS.embeds);
  });

  it('keeps the first embed whole when trimming to 6000 characters drops fields of later ones', () => {
    const first = { description: long(3000, 'a'), fields: [{ name: 'A', value: long(500) }] };
    const second = {
      description: long(1000, 'b'),
      fields: Array.from({ length: 5 }, () => ({ name: 'B', value: long(800) })),
    };
    const [a, b] = enforceMessage({ embeds: [first, second] }).embeds ?? [];
    expect(a?.description).toBe(first.description);
    expect(a?.fields).toHaveLength(1);
    expect(b?.fields?.length ?? 0).toBeLessThan(5);
  });

  it('keeps at most 5 rows of 5 buttons and shortens labels to 80 characters', () => {
    const button = { type: 2 as const, style: 2 as const, custom_id: 'cite', label: long(100) };
    const row = { type: 1 as const, components: Array.from({ length: 7 }, () => button) };
    const safe = enforceMessage({ components: Array.from({ length: 7 }, () => row) });
    expect(safe.components).toHaveLength(5);
    for (const r of safe.components ?? []) {
      expect(r.components).toHaveLength(5);
      for (const c of r.components) expect('label' in c && c.label?.length).toBe(80);
    }
  });

  it('refuses a custom_id over 100 characters rather than breaking the button', () => {
    const button = { type: 2 as const, style: 2 as const, custom_id: long(101), label: 'x' };
    expect(() => enforceMessage({ components: [{ type: 1, components: [button] }] })).toThrow(
      'custom_id longer than 100 characters',
    );
  });
});

describe('enforceChoices', () => {
  it('keeps 25 choices with names and values of at most 100 characters', () => {
    const choices = enforceChoices(
      Array.from({ length: 40 }, (_, i) => ({ name: `${i}${long(150)}`, value: long(120) })),
    );
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('enforceReply', () => {
  it('keeps the reply kind and meta', () => {
    const reply = enforceReply({ kind: 'update', data: { content: 'x' }, meta: { answered: true } });
    expect(reply).toEqual({
      kind: 'update',
      data: { content: 'x', allowed_mentions: { parse: [] } },
      meta: { answered: true },
    });
  });
});
