import { describe, expect, it } from 'vitest';
import { analyzeWords, tokenize } from '../../src/search/analyzer.js';

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

  it('keeps identifiers written in capitals that a stop word list would drop', () => {
    // The U.S. facility is not the U.K. one, and Customer A is not Customer B.
    expect(tokenize('the U.S. facility')).toEqual(tokenize('the US facility'));
    expect(tokenize('the U.S. facility')).not.toEqual(tokenize('the U.K. facility'));
    expect(tokenize('receivables from Customer A')).toContain('a');
    expect(tokenize('Class B shares')).toContain('b');
    expect(tokenize('IT spending rose')).toContain('it');
  });

  it('still drops those words as stop words in lower case, at the start, or in text all in capitals', () => {
    expect(tokenize('let us see it')).toEqual(tokenize('let see'));
    expect(tokenize('A total of 5 firms')).not.toContain('a');
    expect(tokenize('WHAT IS IT')).toEqual([]);
  });

  it('splits Chinese into words and reads Latin words and digits inside it as English', () => {
    const terms = tokenize('广东2023年GDP是多少');
    expect(terms).toEqual(expect.arrayContaining(['广东', '2023', 'gdp']));
    expect(terms).not.toContain('是');
    expect(tokenize('GDP of Guangdong')).toEqual(expect.arrayContaining(['gdp', 'guangdong']));
  });

  it('gives single Chinese characters the pairs they make with their neighbours, so a word cut differently still meets itself', () => {
    // The segmenter cuts 崇陵墓道 as 崇|陵墓|道 and 崇陵 alone as 崇|陵: both carry 崇陵.
    const question = tokenize('崇陵墓道有多长');
    const passage = tokenize('崇陵位于清西陵，墓道宽4.6米');
    expect(question).toEqual(expect.arrayContaining(['崇陵', '墓道']));
    expect(passage).toEqual(expect.arrayContaining(['崇陵', '墓道']));
    // A word the dictionary knows pairs only with a single-character neighbour.
    expect(tokenize('高新技术企业')).not.toContain('术企');
  });
});

describe('analyzeWords', () => {
  it('marks the character pairs of a Chinese word apart from the word itself', () => {
    const [first] = analyzeWords('崇陵墓道');
    expect(first?.terms[0]).toBe(first?.word);
    expect(first?.pairs).toEqual(first?.terms.slice(1));
    expect(analyzeWords('GDP of Guangdong').every((unit) => unit.pairs === undefined)).toBe(true);
  });
});
