import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/dispatch.js';
import type { App } from '../../src/runtime/app.js';
import { testApp } from '../http/helpers.js';

const EVAL_CORPUS = path.resolve(import.meta.dirname, '../fixtures/eval-corpus');
let app: App;
beforeAll(async () => {
  app = await testApp({ KNOWLEDGE_DIR: EVAL_CORPUS });
});

async function choices(value: string): Promise<string[]> {
  const reply = await dispatch(
    {
      kind: 'autocomplete',
      name: 'ask',
      options: { question: value },
      focused: { name: 'question', value },
      user: { id: '1', name: 'Ana' },
    },
    app.deps,
  );
  if (reply.kind !== 'choices') throw new Error('autocomplete must answer with choices');
  for (const choice of reply.choices) {
    expect(choice.value).toBe(choice.name);
    expect(choice.name.length).toBeLessThanOrEqual(100);
  }
  expect(reply.choices.length).toBeLessThanOrEqual(25);
  return reply.choices.map((choice) => choice.name);
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('/ask autocomplete', () => {
  it('suggests questions the knowledge answers, not the input echoed back', async () => {
    const suggested = await choices('how many');
    expect(suggested.length).toBeGreaterThan(3);
    expect(suggested).not.toContain('how many');
    for (const question of suggested) expect(question).toMatch(/^How many .+\?$/);
  });

  it('gives choices for one letter when a label starts with it', async () => {
    const suggested = await choices('h');
    expect(suggested).toContain('How many high-tech enterprises?');
    for (const question of suggested)
      expect(wordsOf(question).some((word) => word.startsWith('h'))).toBe(true);
  });

  it('gives only relevant choices for a half-typed word', async () => {
    const suggested = await choices('hig');
    expect(suggested.length).toBeGreaterThan(0);
    for (const question of suggested) expect(question.toLowerCase()).toContain('hig');
  });

  it('ranks by every typed word, the opening choosing the kind of figure', async () => {
    const suggested = await choices('how many patents');
    expect(suggested.length).toBeGreaterThan(0);
    for (const question of suggested) {
      expect(question).toMatch(/^How many /);
      expect(question.toLowerCase()).toContain('patent');
    }
  });

  it('suggests document topics too', async () => {
    expect(await choices('port of mar')).toContain('Port of Maraven handles record container volume in 2023');
  });

  it('suggests nothing rather than something unrelated', async () => {
    expect(await choices('chocolate cake')).toEqual([]);
  });
});
