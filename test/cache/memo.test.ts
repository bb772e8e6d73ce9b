import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/cache/memo.js';

describe('Memo', () => {
  it('computes a value once and serves it again', () => {
    const memo = new Memo();
    let calls = 0;
    const compute = () => {
      calls++;
      return { answer: 42 };
    };
    const first = memo.get('q', compute);
    expect(memo.get('q', compute)).toBe(first);
    expect(calls).toBe(1);
  });

  it('remembers falsy values too', () => {
    const memo = new Memo();
    let calls = 0;
    memo.get('none', () => {
      calls++;
      return undefined;
    });
    memo.get('none', () => {
      calls++;
      return undefined;
    });
    expect(calls).toBe(1);
  });

  it('forgets the least recently used entries beyond its bound', () => {
    const memo = new Memo(2);
    memo.get('a', () => 1);
    memo.get('b', () => 2);
    memo.get('a', () => 1);
    memo.get('c', () => 3);
    expect(memo.size).toBe(2);
    expect(memo.get('a', () => 'recomputed')).toBe(1);
    expect(memo.get('b', () => 'recomputed')).toBe('recomputed');
  });
});
