import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WEIGHTS_BLOCK, weightsTable, withWeightsTable } from '../scripts/model-table.js';
import { DEFAULT_MODEL } from '../src/search/model.js';

const readme = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'),
  'utf8',
);

describe('the README', () => {
  it('shows the weights of src/search/model.json, as npm run fit writes them', () => {
    expect(withWeightsTable(readme, DEFAULT_MODEL)).toBe(readme);
    expect(readme).toContain(weightsTable(DEFAULT_MODEL));
  });

  it('would show a changed weight: the table is rendered from the model', () => {
    const changed = { ...DEFAULT_MODEL, threshold: { ...DEFAULT_MODEL.threshold, en: 0.9 } };
    expect(withWeightsTable(readme, changed)).not.toBe(readme);
    expect(weightsTable(changed)).toContain('| threshold | 0.9 |');
  });

  it('names the block it cannot find, rather than writing the table elsewhere', () => {
    expect(() => withWeightsTable('# no block here', DEFAULT_MODEL)).toThrow(WEIGHTS_BLOCK.start);
  });
});
