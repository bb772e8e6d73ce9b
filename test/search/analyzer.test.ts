import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/search/analyzer.js';

describe('tokenize', () => {
  it('gives irregular verb forms the terms of their base', () => {
    expect(tokenize('who grew up there')).toEqual(tokenize('who have grown up there'));
    expect(tokenize('banks lent')).toEqual(tokenize('banks lend'));
  });

  it('reads a currency symbol as its word, so "$4.82 billion" meets "4.82bn dollars"', () => {
    expect(tokenize('$4.82 billion').sort()).toEqual(tokenize('4.82bn dollars').sort());
    expect(tokenize('€3m')).toContain('euro');
  });

  it('keeps superlatives that carry meaning and drops chat fillers', () => {
    expect(tokenize('the biggest province')).toContain('biggest');
    expect(tokenize('hey tell me how')).toEqual([]);
  });

  it('splits Chinese into words and reads Latin words and digits inside it as English', () => {
    const terms = tokenize('广东2023年GDP是多少');
    expect(terms).toEqual(expect.arrayContaining(['广东', '2023', 'gdp']));
    expect(terms).not.toContain('是');
    expect(tokenize('GDP of Guangdong')).toEqual(expect.arrayContaining(['gdp', 'guangdong']));
  });
});
