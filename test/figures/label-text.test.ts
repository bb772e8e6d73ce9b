import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortenLabel } from '../../src/figures/label-text.js';

describe('shortenLabel', () => {
  it('keeps a label of 60 characters or fewer as it is', () => {
    expect(shortenLabel('regional GDP')).toBe('regional GDP');
  });

  it('drops inner articles first', () => {
    expect(shortenLabel('anniversary of the founding of the People’s Republic of China')).toBe(
      'anniversary of founding of People’s Republic of China',
    );
  });

  it('cuts a list at its first comma', () => {
    expect(
      shortenLabel(
        'growth rate of loans to manufacturing enterprises, high-tech enterprises and science and technology enterprises in the province',
      ),
    ).toBe('growth rate of loans to manufacturing enterprises…');
  });

  it('keeps the head and the end of a long phrase', () => {
    expect(
      shortenLabel(
        'reigning champion in the country in respect of the comprehensive capacity of regional innovation',
      ),
    ).toBe('reigning champion … capacity of regional innovation');
  });

  it('never returns more than 60 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(shortenLabel(text).length).toBeLessThanOrEqual(60);
      }),
    );
  });
});
