/**
 * Issue 14: at national scale the read workers render each task's JSON record and its "Chi tiết", "Cảnh báo" and
 * "Quá hạn" cells, and keep the task texts in a spool (batch/spool.ts). The report must be the same, byte for byte,
 * as when everything is read and rendered on one thread: this runs `aggregate` both ways on 100 realistic commune
 * returns plus the bundled samples twice over (duplicate files, re-submissions with conflicts, several leads).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { realCommuneXlsx } from '../../scripts/bench-data';
import { cli } from '../support/cli';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = join(ROOT, 'samples/bao-cao');

function inputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-spool-parity-'));
  for (let i = 0; i < 100; i++) {
    const sub = join(dir, 'xa', `tinh-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `xa-${String(i).padStart(3, '0')}.xlsx`), realCommuneXlsx(i));
  }
  // The samples, and a second copy of them a day older: every file a duplicate of another, the two Bộ Y tế files a re-submission.
  for (const [k, name] of ['mau', 'mau-cu'].entries()) {
    const sub = join(dir, name);
    mkdirSync(sub);
    for (const f of readdirSync(SAMPLES)) {
      copyFileSync(join(SAMPLES, f), join(sub, f));
      const t = new Date(Date.UTC(2025, 10, 10 - k));
      utimesSync(join(sub, f), t, t);
    }
  }
  return dir;
}

function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) {
    if (name !== 'docProps/core.xml') out[name] = Buffer.from(bytes).toString('utf8');
  }
  return out;
}

describe('rendering on the read workers (issue 14)', () => {
  it('writes the same report, byte for byte, as reading and rendering on one thread', async () => {
    const dir = inputs();
    const out = mkdtempSync(join(tmpdir(), 'tiendo-spool-parity-out-'));
    const one = join(out, 'one');
    const pool = join(out, 'pool');
    const a = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', one, '--quiet', '--concurrency', '1');
    const b = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', pool, '--quiet', '--concurrency', '2');
    expect(a.code).toBe(b.code);
    const json = readFileSync(join(pool, 'tong-hop.json'), 'utf8');
    expect(json).toBe(readFileSync(join(one, 'tong-hop.json'), 'utf8'));
    expect(readFileSync(join(pool, 'tom-tat.txt'), 'utf8')).toBe(readFileSync(join(one, 'tom-tat.txt'), 'utf8'));
    const report = JSON.parse(json) as { tasks: { task: string; result: string; overdue: boolean }[]; issues: { code: string }[]; inputs: unknown[] };
    // What the fixture is meant to exercise, so the comparison above is not vacuous.
    expect(report.inputs.length).toBe(116);
    expect(report.issues.some((x) => x.code === 'DUPLICATE_FILE')).toBe(true);
    expect(report.tasks.filter((t) => t.overdue).length).toBeGreaterThan(100);
    expect(report.tasks.every((t) => typeof t.task === 'string' && typeof t.result === 'string')).toBe(true);
    expect(report.tasks.filter((t) => t.result.length > 100).length).toBeGreaterThan(1000);
    const p1 = parts(join(one, 'tong-hop.xlsx'));
    const p2 = parts(join(pool, 'tong-hop.xlsx'));
    expect(Object.keys(p2).sort()).toEqual(Object.keys(p1).sort());
    for (const name of Object.keys(p1)) expect(p2[name], name).toBe(p1[name]);
    // The three sheets of long texts are written with inline strings.
    const inline = Object.entries(p2).filter(([n, x]) => n.startsWith('xl/worksheets/') && x.includes('t="inlineStr"')).length;
    expect(inline).toBe(3);
  }, 300_000);
});

describe('the report folder inside the folder of returns (found with the parity test above)', () => {
  it('is not read back as a return on the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-out-inside-'));
    for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(dir, f));
    const out = join(dir, 'tong-hop');
    const first = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', out, '--json', '-', '--quiet');
    const second = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', out, '--json', '-', '--quiet');
    const a = JSON.parse(first.out) as { totals: { tasks: number }; inputs: unknown[] };
    const b = JSON.parse(second.out) as { totals: { tasks: number }; inputs: unknown[] };
    expect(b.inputs.length).toBe(a.inputs.length);
    expect(b.totals.tasks).toBe(a.totals.tasks);
  }, 120_000);
});
