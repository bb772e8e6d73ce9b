import { describe, expect, it } from 'vitest';
import { count } from '../../src/text/count.js';

describe('count', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect([count(0, 'figure'), count(1, 'document'), count(16, 'passage')]).toEqual([
      '0 figures',
      '1 document',
      '16 passages',
    ]);
  });
});
