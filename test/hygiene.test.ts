import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('makes its temporary folders inside a folder of its own, which the run removes at its end', () => {
    // test/global-setup.ts points TMPDIR there; a folder made with os.tmpdir() cannot outlive the run.
    expect(path.basename(tmpdir())).toMatch(/^factdesk-test-run-/);
  });
});
