/**
 * Vitest global setup: every test's temporary files (mkdtemp under os.tmpdir(), the CLI's spools and staging folders,
 * bench data written by tests) go into one folder for the run, removed when the run ends. Without it each `npm test`
 * left about 150 folders in the system's temp folder. TMPDIR is read by os.tmpdir() at each call, and the forked test
 * workers and the CLI processes they start inherit it. TIENDO_KEEP_TEST_TMP=1 keeps the folder for inspection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'tiendo-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.TIENDO_KEEP_TEST_TMP) console.log(`tiendo: the test run's temporary files are in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
