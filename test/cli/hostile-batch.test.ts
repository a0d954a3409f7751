/**
 * Issue 10: one hostile file never takes a batch down. `aggregate` runs through the real launcher with
 * the CLI's 1 GB heap cap, once in-process (a small folder) and once in the worker pool (101 files):
 * only the hostile file is rejected, with a coded Vietnamese message, every output is written, the
 * good files' tasks are all there, and the exit code is 1.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../report/report-types';
import { CASES, tableSheet } from '../xlsx/hostile-cases';
import { xlsxPackage } from '../xlsx/read-helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROVINCES = ['Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh'];

function folder(goodFiles: number, hostile: { name: string; bytes: Buffer }): { input: string; out: string; good: number } {
  const base = mkdtempSync(join(tmpdir(), 'tiendo-hostile-batch-'));
  const input = join(base, 'nop');
  mkdirSync(input);
  for (let k = 0; k < goodFiles; k++) {
    const unit = `UBND tỉnh ${PROVINCES[k % PROVINCES.length]} ${k}`;
    writeFileSync(join(input, `don-vi-${String(k).padStart(3, '0')}.xlsx`), xlsxPackage({ sheets: [tableSheet(3, { unit, tasks: [1, 2, 3].map((i) => `Nhiệm vụ ${i} của đơn vị ${k}`) })] }));
  }
  writeFileSync(join(input, hostile.name), hostile.bytes);
  return { input, out: join(base, 'ket-qua'), good: goodFiles };
}

/** `npm run tiendo -- aggregate …` with this node binary and the script's own flags (1 GB heap). */
function aggregate(input: string, out: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.tiendo;
  const [, ...args] = script.split(/\s+/);
  expect(args).toContain('--max-old-space-size=1024');
  return spawnSync(process.execPath, [...args, 'aggregate', input, '--as-of', '2025-11-15', '--out', out, '--quiet', '--concurrency', '2'], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000, env: { ...process.env, ...env }, maxBuffer: 1 << 26,
  });
}

function expectOnlyRejected(run: { input: string; out: string; good: number }, r: ReturnType<typeof aggregate>, name: string, code: string, tasks = run.good * 3): void {
  expect(r.signal, r.stderr.slice(-2000)).toBeNull();
  expect(r.status, r.stderr.slice(-2000)).toBe(1);
  for (const f of ['tong-hop.xlsx', 'tong-hop.json', 'tom-tat.txt']) expect(existsSync(join(run.out, f)), f).toBe(true);
  const report = JSON.parse(readFileSync(join(run.out, 'tong-hop.json'), 'utf8')) as Report;
  const rejected = report.inputs.filter((i) => i.error);
  expect(rejected.map((i) => i.file.split('/').pop())).toEqual([name]);
  expect(rejected[0].errorCode).toBe(code);
  expect(rejected[0].error).toContain(name);
  expect(rejected[0].error).toMatch(/gửi lại/);
  expect(report.inputs).toHaveLength(run.good + 1);
  expect(report.totals.tasks).toBe(tasks);
  expect(r.stderr).toContain(`Từ chối: `);
  expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|Worker terminated/);
}

describe('one hostile file among good ones (aggregate under the 1 GB heap cap)', () => {
  it('in-process: the 330,000-task workbook that used to exhaust the heap is refused, the rest aggregated', () => {
    const big = CASES.find((c) => c.name === 'big-330k')!;
    const run = folder(6, { name: 'qua-lon.xlsx', bytes: big.bytes() });
    // The XFD file (which used to kill the run too) is read among the good ones.
    writeFileSync(join(run.input, 'xfd.xlsx'), CASES.find((c) => c.name === 'xfd-padding')!.bytes());
    const r = aggregate(run.input, run.out);
    expectOnlyRejected({ ...run, good: run.good + 1 }, r, 'qua-lon.xlsx', 'FILE_TOO_LARGE', run.good * 3 + 5);
  }, 300_000);

  it('worker pool: a file whose worker really runs out of heap becomes that file\'s FILE_TOO_LARGE', () => {
    const run = folder(100, { name: 'het-bo-nho.xlsx', bytes: xlsxPackage({ sheets: [tableSheet(3)] }) });
    const r = aggregate(run.input, run.out, { TIENDO_TEST_WORKER_EXHAUST: 'het-bo-nho.xlsx' });
    expectOnlyRejected(run, r, 'het-bo-nho.xlsx', 'FILE_TOO_LARGE');
    const report = JSON.parse(readFileSync(join(run.out, 'tong-hop.json'), 'utf8')) as Report;
    expect(report.inputs.find((i) => i.error)?.error).toContain('cần quá nhiều bộ nhớ');
  }, 300_000);
});
