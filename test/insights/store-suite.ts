import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/insights/migrations.js';
import { normaliseQuestion } from '../../src/insights/normalise.js';
import type { SqlInsightsStore } from '../../src/insights/sql-store.js';
import type { QuestionRow } from '../../src/insights/types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
let next = 0;

/** A question row with sensible defaults. */
export function row(overrides: Partial<QuestionRow> = {}): QuestionRow {
  const text = overrides.text ?? 'How many high-tech enterprises are there?';
  return {
    id: `q${++next}`,
    at: NOW - 1000,
    command: 'ask',
    text,
    normalised: normaliseQuestion(text),
    answered: true,
    passageId: 'doc#p1',
    score: 12.5,
    passageQuote: 'Guangdong has 75,000 high-tech enterprises.',
    topics: ['high-tech enterprises'],
    latencyMs: 1.5,
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    userHash: 'hash-a',
    locale: 'en-US',
    ...overrides,
  };
}

/**
 * The behaviour every insights store must have, run against SQLite and PostgreSQL alike.
 * `open` gives a fresh, empty store, migrated to the latest schema or to `version`.
 */
export function storeSuite(name: string, open: (version?: number) => Promise<SqlInsightsStore>): void {
  describe(`${name} insights store`, () => {
    it('applies every migration once, even when migrated twice', async () => {
      const store = await open();
      await store.migrate();
      await store.migrate();
      expect(await store.schemaVersion()).toBe(LATEST_VERSION);
      await store.close();
    });

    it('moves the topics logged before schema 5 into their question rows, and counts them', async () => {
      const store = await open(4);
      const question = `INSERT INTO questions (id, at, command, text, normalised, answered, latency_ms, user_hash)
                        VALUES (?, ?, 'ask', 'q', 'q', 1, 1, 'u')`;
      await store.driver.query(question, ['old-1', NOW - 1000]);
      await store.driver.query(question, ['old-2', NOW - 2000]);
      await store.driver.query(question, ['old-3', NOW - 3000]);
      for (const [id, label] of [
        ['old-1', 'regional GDP'],
        ['old-1', 'high-tech enterprises'],
        ['old-2', 'regional GDP'],
      ])
        await store.driver.query('INSERT INTO question_topics (question_id, label) VALUES (?, ?)', [
          id,
          label,
        ]);
      await store.migrate();
      expect(await store.schemaVersion()).toBe(LATEST_VERSION);
      await store.insertQuestions([row({ topics: ['high-tech enterprises'] })]);
      expect((await store.summary(NOW - DAY)).topics).toEqual([
        { label: 'high-tech enterprises', count: 2 },
        { label: 'regional GDP', count: 2 },
      ]);
      await store.close();
    });

    it('keeps the first salt: a second generator does not replace it', async () => {
      const store = await open();
      const first = await store.salt(() => 'salt-one-xxxxxxxxxxxx');
      expect(await store.salt(() => 'salt-two-xxxxxxxxxxxx')).toBe(first);
      expect(first).toBe('salt-one-xxxxxxxxxxxx');
      await store.close();
    });

    it('counts questions asked and answered within the period only', async () => {
      const store = await open();
      await store.insertQuestions([
        row(),
        row({ answered: false, text: 'capital of France?' }),
        row({ at: NOW - 10 * DAY }),
      ]);
      const week = await store.summary(NOW - 7 * DAY);
      expect([week.asked, week.answered]).toEqual([2, 1]);
      const month = await store.summary(NOW - 30 * DAY);
      expect([month.asked, month.answered]).toEqual([3, 2]);
      await store.close();
    });

    it('groups unanswered questions by normalised text, the most asked first', async () => {
      const store = await open();
      await store.insertQuestions([
        row({ answered: false, text: 'Who won the cup?' }),
        row({ answered: false, text: 'What is the capital of France?' }),
        row({ answered: false, text: 'what is the capital of france' }),
        row({ answered: false, text: 'What is the CAPITAL of France!!' }),
        row({ answered: true, text: 'What is the capital of France?' }),
      ]);
      const { unanswered } = await store.summary(NOW - DAY);
      expect(unanswered[0]?.count).toBe(3);
      expect(normaliseQuestion(unanswered[0]?.question ?? '')).toBe('what is the capital of france');
      expect(unanswered[1]).toEqual({ question: 'Who won the cup?', count: 1 });
      await store.close();
    });

    it('ranks topics by how many questions cited a figure with that label', async () => {
      const store = await open();
      await store.insertQuestions([
        row({ topics: ['regional GDP', 'high-tech enterprises'] }),
        row({ topics: ['regional GDP'] }),
        row({ topics: ['regional GDP', 'regional GDP'] }),
        row({ answered: false, topics: [] }),
      ]);
      const { topics } = await store.summary(NOW - DAY);
      expect(topics).toEqual([
        { label: 'regional GDP', count: 3 },
        { label: 'high-tech enterprises', count: 1 },
      ]);
      await store.close();
    });

    it('lists the answers with the most 👎 with question, passage and comments', async () => {
      const store = await open();
      const liked = row({ text: 'GDP?', passageId: 'doc#p3', passageQuote: 'GDP passed 13 trillion yuan.' });
      const disliked = row({
        text: 'Financing?',
        passageId: 'doc#p6',
        passageQuote: 'Aids of 1.2 trillion yuan.',
      });
      const again = row({
        text: 'financing',
        passageId: 'doc#p6',
        passageQuote: 'Aids of 1.2 trillion yuan.',
      });
      await store.insertQuestions([liked, disliked, again]);
      await store.upsertFeedback([
        { questionId: liked.id, at: NOW, vote: 'up', userHash: 'u1' },
        { questionId: liked.id, at: NOW, vote: 'down', userHash: 'u2' },
        { questionId: disliked.id, at: NOW, vote: 'down', userHash: 'u1', comment: 'wrong year' },
        { questionId: again.id, at: NOW, vote: 'down', userHash: 'u3' },
      ]);
      const { disliked: list } = await store.summary(NOW - DAY);
      expect(list[0]).toMatchObject({
        passageId: 'doc#p6',
        passageQuote: 'Aids of 1.2 trillion yuan.',
        down: 2,
        up: 0,
        comments: ['wrong year'],
      });
      expect(list[1]).toMatchObject({ question: 'GDP?', passageId: 'doc#p3', down: 1, up: 1, comments: [] });
      await store.close();
    });

    it('keeps one vote per user and answer: a new vote replaces it, a comment joins it', async () => {
      const store = await open();
      const q = row();
      await store.insertQuestions([q]);
      await store.upsertFeedback([{ questionId: q.id, at: NOW, vote: 'down', userHash: 'u1' }]);
      await store.upsertFeedback([
        { questionId: q.id, at: NOW, vote: 'down', userHash: 'u1', comment: 'outdated' },
      ]);
      expect((await store.summary(NOW - DAY)).disliked[0]).toMatchObject({ down: 1, comments: ['outdated'] });
      await store.upsertFeedback([{ questionId: q.id, at: NOW, vote: 'up', userHash: 'u1' }]);
      expect((await store.summary(NOW - DAY)).disliked).toEqual([]);
      await store.close();
    });

    it('writes a batch larger than one INSERT statement holds, and ignores a row written twice', async () => {
      const store = await open();
      const rows = Array.from({ length: 450 }, (_, i) => row({ text: `question ${i % 7}`, answered: false }));
      await store.insertQuestions(rows);
      await store.insertQuestions(rows.slice(0, 10));
      const summary = await store.summary(NOW - DAY);
      expect(summary.asked).toBe(450);
      expect(summary.unanswered.reduce((sum, u) => sum + u.count, 0)).toBe(450);
      await store.close();
    });

    it('deletes questions, topics and feedback older than the retention', async () => {
      const store = await open();
      const old = row({ at: NOW - 100 * DAY, topics: ['old topic'] });
      const recent = row({ at: NOW - DAY });
      await store.insertQuestions([old, recent]);
      await store.upsertFeedback([{ questionId: old.id, at: NOW - 100 * DAY, vote: 'down', userHash: 'u' }]);
      expect(await store.deleteBefore(NOW - 90 * DAY)).toBe(1);
      const summary = await store.summary(0);
      expect(summary.asked).toBe(1);
      expect(summary.topics.map((t) => t.label)).toEqual(['high-tech enterprises']);
      expect(summary.disliked).toEqual([]);
      await store.close();
    });

    it('keeps text exactly, quotes and non-Latin scripts included', async () => {
      const store = await open();
      const text = '广东省 2023 年 GDP 是多少？ "quoted" it\'s';
      await store.insertQuestions([row({ text, answered: false })]);
      expect((await store.summary(NOW - DAY)).unanswered[0]?.question).toBe(text);
      await store.close();
    });
  });
}
