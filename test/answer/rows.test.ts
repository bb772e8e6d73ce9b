import { describe, expect, it } from 'vitest';
import { asksAcrossRows } from '../../src/answer/rows.js';

describe('asksAcrossRows', () => {
  it('is true of a question that only several rows answer', () => {
    for (const question of [
      'What are the components of inventories?',
      'Which segment had the largest change in 2019?',
      'What was revenue in 2019 and 2018 respectively?',
      '哪些公司的收入超过一亿元？',
      '哪个地区的增长最高？',
    ])
      expect(asksAcrossRows(question), question).toBe(true);
  });

  it('is false of a question that one row or sentence answers', () => {
    for (const question of [
      'What were raw materials in 2019?',
      'How many staff does the shop have?',
      '广东2023年的地区生产总值是多少？',
    ])
      expect(asksAcrossRows(question), question).toBe(false);
  });
});
