/**
 * scripts/tiendo.mjs (`npm run tiendo`): the esbuild bundle and its plain-JS read workers give the
 * same report as the TypeScript sources run through tsx (TIENDO_NO_BUNDLE=1).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir: string;
let outDir: string;

async function aggregate(input: string, out: string, env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  await run(process.execPath, ['scripts/tiendo.mjs', 'aggregate', input, '--as-of', '2025-11-15', '--out', out, '--quiet'], { env: { ...process.env, ...env } });
  return JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as Record<string, unknown>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiendo-launcher-'));
  outDir = mkdtempSync(join(tmpdir(), 'tiendo-launcher-out-'));
  // 120 returns (the pool's threshold is 100 files): the eight samples, each 15 times.
  const samples = readdirSync('samples/bao-cao').filter((f) => f.endsWith('.xlsx'));
  for (let i = 0; i < 15; i++) for (const f of samples) copyFileSync(join('samples/bao-cao', f), join(dir, `${i}-${f}`));
});

describe('npm run tiendo launcher', () => {
  it('aggregates 120 files through the bundled workers exactly as through tsx', async () => {
    const bundled = await aggregate(dir, join(outDir, 'bundle'));
    const sources = await aggregate(dir, join(outDir, 'tsx'), { TIENDO_NO_BUNDLE: '1' });
    expect(bundled).toEqual(sources);
    expect((bundled.inputs as unknown[]).length).toBe(120);
    // Each sample's 15 copies are re-submissions of one another: the tasks of one copy remain.
    expect((bundled.totals as { tasks: number }).tasks).toBe(31);
  }, 120_000);
});
