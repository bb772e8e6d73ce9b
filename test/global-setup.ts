import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Gives the test run a temporary folder of its own: every test (and every program a test starts)
 * makes its temporary folders inside it, since `os.tmpdir()` reads TMPDIR, and the whole folder
 * goes at the end of the run, whatever a test left behind.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'factdesk-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
