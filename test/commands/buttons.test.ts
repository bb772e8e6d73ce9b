import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import { answerEmbeds } from '../../commands/render/answer.js';
import { EXPIRED_BUTTON, expiredButton } from '../../commands/render/buttons.js';
import { askPaged, firstPage, MAX_QUESTION_LENGTH } from '../../commands/render/page.js';
import type { Reply } from '../../commands/reply/payload.js';
import type { Invocation } from '../../commands/types.js';
import type { App } from '../../src/runtime/app.js';
import { testApp } from '../http/helpers.js';

let app: App;
beforeAll(async () => {
  app = await testApp();
});

const user = { id: '444444444444444444', name: 'Ana' };

const run = (invocation: Omit<Invocation, 'user' | 'options'> & Partial<Pick<Invocation, 'options'>>) =>
  dispatch({ options: {}, user, ...invocation }, app.deps);

const command = (name: string, options: Invocation['options'] = {}) =>
  run({ kind: 'command', name, options });

/** Clicks a button: only its custom id goes with it (the message it sits on is never read). */
const click = (customId: string) =>
  run({
    kind: 'button',
    name: customId.split(':')[0] ?? '',
    customId,
    message: { id: '1', content: '', embeds: [] },
  });

function buttonIds(reply: Reply): string[] {
  if (reply.kind === 'choices' || reply.kind === 'modal') return [];
  return (reply.data.components ?? []).flatMap((row) =>
    row.components.map((component) => ('custom_id' in component ? component.custom_id : '')),
  );
}

const idOf = (reply: Reply, prefix: string) => buttonIds(reply).find((id) => id.startsWith(`${prefix}:`));
const contentOf = (reply: Reply) =>
  reply.kind === 'choices' || reply.kind === 'modal' ? '' : (reply.data.content ?? '');
const descriptions = (reply: Reply) =>
  reply.kind === 'choices' || reply.kind === 'modal'
    ? []
    : (reply.data.embeds ?? []).map((e) => e.description);

describe('More', () => {
  it('pages a 300-character question, rebuilding the next passages from the knowledge base', async () => {
    const question = 'How many high-tech enterprises does Guangdong have, and how big is its regional GDP? '
      .repeat(4)
      .slice(0, MAX_QUESTION_LENGTH);
    expect(question).toHaveLength(300);
    const answer = await command('ask', { question });
    const more = idOf(answer, 'more');
    expect(more?.length).toBeLessThanOrEqual(100);
    const next = await click(more ?? '');
    expect(next.kind).toBe('update');
    expect(descriptions(next).length).toBeGreaterThan(0);
    for (const text of descriptions(next)) expect(descriptions(answer)).not.toContain(text);
    expect(contentOf(await click(idOf(next, 'cite') ?? ''))).toContain('PR Newswire');
  });

  it('says the button has expired when its passages are gone, or it has the old shape', async () => {
    for (const stale of ['more:3:AAAAAAABBBBBBB', 'more:3:Guangdong high-tech enterprises', 'more:3']) {
      const reply = await click(stale);
      expect(reply.kind).toBe('message');
      expect(contentOf(reply)).toBe(EXPIRED_BUTTON);
    }
  });
});

describe('Cite', () => {
  it('works on every kind of answer: /ask, /figure and Find in factdesk', async () => {
    const answers = [
      await command('ask', { question: 'How many high-tech enterprises does Guangdong have?' }),
      await command('figure', { topic: 'regional GDP' }),
      await run({
        kind: 'message-menu',
        name: 'Find in factdesk',
        message: { id: '2', content: 'Is it true Guangdong has 75,000 high-tech enterprises?', embeds: [] },
      }),
    ];
    for (const answer of answers) {
      const cite = idOf(answer, 'cite');
      expect(cite, JSON.stringify(buttonIds(answer))).toBeDefined();
      const cited = contentOf(await click(cite ?? ''));
      expect(cited).toMatch(/^```\n“.+” GDToday: .+, PR Newswire, 2024-02-20, ¶\d+\.\n```/s);
    }
  });

  it('says the button has expired when its passage is gone', async () => {
    expect(contentOf(await click('cite:AAAAAAA'))).toBe(EXPIRED_BUTTON);
    expect(contentOf(await click('cite'))).toBe(EXPIRED_BUTTON);
  });

  it('says so in the clicker’s language', async () => {
    const inChinese = (customId: string) =>
      run({
        kind: 'button',
        name: customId.split(':')[0] ?? '',
        customId,
        locale: 'zh-CN',
        message: { id: '1', content: '', embeds: [] },
      });
    expect(contentOf(await inChinese('cite:AAAAAAA'))).toBe(expiredButton('zh-CN'));
    expect(contentOf(await inChinese('more:AAAAAAA'))).toBe(expiredButton('zh-CN'));
    expect(expiredButton('zh-CN')).not.toBe(EXPIRED_BUTTON);
  });
});

describe('a button factdesk does not know', () => {
  it('says it has expired and how to ask again', async () => {
    expect(contentOf(await click('launch:missiles'))).toBe('This button has expired: ask again with `/ask`.');
  });
});

describe('figures of an answer', () => {
  it('show under the passage they come from, never under another', () => {
    const kb = app.knowledge.get();
    const page = firstPage(askPaged(kb, 'How many high-tech enterprises does Guangdong have?'));
    const embeds = answerEmbeds(page);
    expect(page.passages.length).toBeGreaterThan(1);
    expect(embeds.some((embed) => (embed.fields ?? []).length > 0)).toBe(true);
    page.passages.forEach((passage, i) => {
      const own = (kb.figuresByPassage.get(passage.id) ?? []).map((figure) => figure.label.toLowerCase());
      for (const field of embeds[i]?.fields ?? []) expect(own).toContain(field.name.toLowerCase());
    });
  });
});
