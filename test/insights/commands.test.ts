import { ComponentType, PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import { insightsEmbed, mayManageServer } from '../../commands/insights.js';
import { moreCustomId } from '../../commands/render/buttons.js';
import {
  commentForm,
  feedbackCustomId,
  MAX_COMMENT_LENGTH,
  parseFeedbackCustomId,
  withFeedbackButtons,
} from '../../commands/render/feedback.js';
import { enforceReply } from '../../commands/reply/enforce.js';
import type { Invocation } from '../../commands/types.js';
import { newQuestionId, QuestionIds } from '../../src/insights/hash.js';
import { normaliseQuestion } from '../../src/insights/normalise.js';
import type { InsightsSummary } from '../../src/insights/types.js';
import { loadConfig } from '../../src/runtime/config.js';
import { testApp } from '../http/helpers.js';

const button = (custom_id: string) => ({
  type: ComponentType.Button as const,
  custom_id,
  label: 'x',
  style: 2 as const,
});
const row = (n: number) => ({
  type: ComponentType.ActionRow as const,
  components: Array.from({ length: n }, (_, i) => button(`b${i}`)),
});

describe('feedback custom ids', () => {
  it('round-trip the vote and the question id within 100 characters', () => {
    const id = newQuestionId();
    for (const vote of ['up', 'down'] as const) {
      const customId = feedbackCustomId(vote, id);
      expect(customId.length).toBeLessThanOrEqual(100);
      expect(parseFeedbackCustomId(customId)).toEqual({ vote, questionId: id });
    }
    expect(parseFeedbackCustomId(`feedback-form:${id}`)).toEqual({ vote: 'down', questionId: id });
  });

  it('reject what is not one of them', () => {
    for (const bad of [
      'feedback:maybe:abc',
      'feedback:up:',
      'feedback:up:a b',
      'share',
      'feedback-form:',
      `feedback:up:${'x'.repeat(60)}`,
    ])
      expect(parseFeedbackCustomId(bad)).toBeUndefined();
  });
});

describe('question ids', () => {
  it('sort by the time they were made, never repeat, and fit a custom id', () => {
    const ids = new QuestionIds();
    const made = Array.from({ length: 2000 }, (_, i) => ids.next(1_764_000_000_000 + Math.floor(i / 10)));
    expect(new Set(made).size).toBe(made.length);
    const times = made.map((id) => id.slice(0, 9));
    expect(times).toEqual([...times].sort());
    for (const id of [...made.slice(0, 3), newQuestionId()]) expect(id).toMatch(/^[0-9a-z]{9}[\w-]{8}$/);
    expect(newQuestionId(1_764_000_000_000) < newQuestionId(1_764_000_000_001)).toBe(true);
  });
});

describe('the "What was wrong?" form', () => {
  it("asks in the user's language, with one optional field of up to 300 characters", () => {
    const en = commentForm('q1');
    expect(en.title).toBe('What was wrong?');
    const zh = commentForm('q1', 'zh-CN');
    expect(zh.title).toBe('哪里不对？');
    expect(zh.custom_id).toBe('feedback-form:q1');
    expect(zh.components[0]).toMatchObject({
      components: [{ required: false, max_length: MAX_COMMENT_LENGTH }],
    });
  });
});

describe('withFeedbackButtons', () => {
  it('joins the answer row when it has room', () => {
    const rows = withFeedbackButtons([row(3)], 'q1');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      'b0',
      'b1',
      'b2',
      'feedback:up:q1',
      'feedback:down:q1',
    ]);
  });

  it('gives a More button the question id, so the next page keeps 👍/👎', () => {
    const more = moreCustomId(3, ['AbCdEfG', 'HiJkLmN']);
    const rows = withFeedbackButtons([{ ...row(2), components: [button('share'), button(more)] }], 'q1');
    expect(rows[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      'share',
      'more:3:AbCdEfGHiJkLmN:q1',
      'feedback:up:q1',
      'feedback:down:q1',
    ]);
  });

  it('takes a row of its own when the last is full, and adds nothing when five rows are used', () => {
    expect(withFeedbackButtons([row(4)], 'q1')).toHaveLength(2);
    const full = [row(5), row(5), row(5), row(5), row(5)];
    expect(withFeedbackButtons(full, 'q1')).toEqual(full);
  });
});

describe('insightsEmbed', () => {
  const long = (s: string) => `${s} ${'word '.repeat(80)}`.trim();
  const summary: InsightsSummary = {
    since: Date.now() - 7 * 86_400_000,
    asked: 1234,
    answered: 987,
    unanswered: Array.from({ length: 10 }, (_, i) => ({
      question: long(`question ${i} @everyone **bold**`),
      count: 50 - i,
    })),
    topics: Array.from({ length: 10 }, (_, i) => ({ label: long(`topic ${i}`), count: 20 - i })),
    disliked: Array.from({ length: 5 }, (_, i) => ({
      question: long(`disliked ${i}`),
      passageId: `doc-${i}#p${i}`,
      passageQuote: long('quote'),
      down: 10 - i,
      up: i,
      comments: [long('c1'), long('c2'), 'x'.repeat(MAX_COMMENT_LENGTH)],
    })),
  };

  it('stays within Discord limits however long the entries are', () => {
    const embed = insightsEmbed(summary);
    const fields = embed.fields ?? [];
    expect(fields.length).toBeLessThanOrEqual(25);
    for (const field of fields) {
      expect(field.value.length).toBeLessThanOrEqual(1024);
      expect(field.name.length).toBeLessThanOrEqual(256);
    }
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    const enforced = enforceReply({ kind: 'message', data: { embeds: [embed] } });
    expect(enforced.kind === 'message' && enforced.data.embeds).toEqual([embed]);
  });

  it("speaks the member's language", () => {
    const embed = insightsEmbed(summary, Date.now(), 'zh-TW');
    expect(embed.title).toBe('洞察：最近 7 天');
    expect(embed.fields?.[0]?.name).toBe('最常見的未回答問題');
  });

  it('states the share answered, escapes markdown and defuses @everyone in questions', () => {
    const embed = insightsEmbed(summary);
    expect(embed.description).toBe('Questions asked: **1234**, **80%** answered (987).');
    const unanswered = embed.fields?.[0]?.value ?? '';
    expect(unanswered.startsWith('**50×** “question 0 @\u200beveryone \\*\\*bold\\*\\*')).toBe(true);
  });
});

describe('mayManageServer', () => {
  const as = (memberPermissions?: string): Invocation => ({
    kind: 'command',
    name: 'insights',
    options: {},
    user: { id: '1', name: 'a' },
    ...(memberPermissions !== undefined ? { memberPermissions } : {}),
  });
  it('allows Manage Server and Administrator, and nobody without permissions (a DM)', () => {
    expect(mayManageServer(as(String(PermissionFlagsBits.ManageGuild)))).toBe(true);
    expect(mayManageServer(as(String(PermissionFlagsBits.Administrator)))).toBe(true);
    expect(mayManageServer(as(String(PermissionFlagsBits.SendMessages)))).toBe(false);
    expect(mayManageServer(as())).toBe(false);
    expect(mayManageServer(as('not a number'))).toBe(false);
  });
});

describe('normaliseQuestion', () => {
  it('groups case, punctuation and spacing variants, and keeps the words apart', () => {
    expect(normaliseQuestion("  What's the GDP of Guangdong?? ")).toBe('whats the gdp of guangdong');
    expect(normaliseQuestion('what’s the gdp of guangdong')).toBe('whats the gdp of guangdong');
    expect(normaliseQuestion('Ｇｕａｎｇｄｏｎｇ　GDP，2023？')).toBe('guangdong gdp 2023');
    expect(normaliseQuestion('GDP of Guangdong')).not.toBe(normaliseQuestion('Guangdong of GDP x'));
  });
});

describe('insights settings', () => {
  const load = (env: Record<string, string>) => () => loadConfig(env, { dotenv: false });
  it('name the variable and the fix for a bad value', () => {
    expect(load({ INSIGHTS: 'maybe' })).toThrow(/INSIGHTS: INSIGHTS must be on or off/);
    expect(load({ DATABASE_URL: 'mysql://db/x' })).toThrow(
      /DATABASE_URL must be file:<path> .* or postgres:\/\//,
    );
    expect(load({ INSIGHTS_RETENTION_DAYS: '0' })).toThrow(/INSIGHTS_RETENTION_DAYS must be at least 1/);
    expect(load({ INSIGHTS_SALT: 'short' })).toThrow(/INSIGHTS_SALT must be at least 16 characters/);
  });
  it('default to on, 90 days and no URL (the SQLite file)', () => {
    expect(loadConfig({}, { dotenv: false })).toMatchObject({ INSIGHTS: 'on', INSIGHTS_RETENTION_DAYS: 90 });
    expect(loadConfig({ INSIGHTS: 'OFF' }, { dotenv: false }).INSIGHTS).toBe('off');
  });
});

describe('with INSIGHTS=off', () => {
  it('answers without feedback buttons, and /insights says nothing is kept', async () => {
    const app = await testApp({ INSIGHTS: 'off' });
    expect(app.insights).toBeUndefined();
    const user = { id: '1', name: 'a' };
    const reply = await dispatch(
      { kind: 'command', name: 'ask', options: { question: 'regional GDP' }, user },
      app.deps,
    );
    const ids =
      reply.kind === 'message'
        ? (reply.data.components ?? []).flatMap((r) =>
            r.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
          )
        : [];
    expect(ids.map((id) => id.split(':')[0])).toContain('share');
    expect(ids.filter((id) => id.startsWith('feedback'))).toEqual([]);
    const insights = await dispatch(
      {
        kind: 'command',
        name: 'insights',
        options: {},
        user,
        memberPermissions: String(PermissionFlagsBits.ManageGuild),
      },
      app.deps,
    );
    expect(insights.kind === 'message' && insights.data.content).toBe(
      'Insights are off here (`INSIGHTS=off`): no questions are being kept.',
    );
    await app.close();
  });
});
