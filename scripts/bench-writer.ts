/**
 * Writer benchmark: tong-hop.xlsx (summarySpec of a synthetic report) through the
 * writer (xlsx/write.ts) for 300, 2,000, 20,000 and 200,000 tasks. Prints wall time,
 * CPU time (all threads: the machine is shared, CPU time is the steadier figure), peak
 * RSS (each run in its own child process) and file size.
 *
 *   npx tsx scripts/bench-writer.ts                   # all sizes (SIZES=300,2000 to choose)
 *   npx tsx scripts/bench-writer.ts run 200000         # one run (used by the parent)
 *   npx tsx scripts/bench-writer.ts run out/tong-hop.json # a real aggregate report (tiendo aggregate's JSON)
 *
 * The ExcelJS writer it replaced, same machine, same run (27/11/2026, before it was removed):
 *   tasks     ExcelJS (in memory ≤ 10,000 rows, streaming above)   this writer
 *   300        0,54 s wall  0,69 s CPU  130 MB                      0,03 s  0,04 s   86 MB
 *   2,000      0,65 s       0,95 s      158 MB                      0,06 s  0,07 s  102 MB
 *   20,000     1,34 s       1,60 s      222 MB                      0,32 s  0,40 s  168 MB
 *   200,000   20,37 s      13,34 s      982 MB                      4,82 s  3,84 s  556 MB
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../report/report-types';
import { writeWorkbook } from '../xlsx/write';
import { summarySpec } from '../report/layout/summary';
import { syntheticReport } from '../test/xlsx/writer-fixtures';

async function one(source: string): Promise<void> {
  const report: Report = /^\d+$/.test(source) ? syntheticReport(Number(source)) : JSON.parse(readFileSync(source, 'utf8')) as Report;
  const n = report.tasks.length;
  const spec = summarySpec(report, { title: 'Tổng hợp tình hình thực hiện nhiệm vụ' });
  const rows = spec.sheets.reduce((k, s) => k + s.rows.length, 0);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-writer-')), 'tong-hop.xlsx');
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeWorkbook(spec, path);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ tasks: n, rows, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMB: Math.round(peak / 1048576), baseRssMB: Math.round(base / 1048576), fileMB: +(statSync(path).size / 1048576).toFixed(1) }));
}

async function main(): Promise<void> {
  const [mode, source] = process.argv.slice(2);
  if (mode === 'run') return one(source);
  const sizes = process.env.SIZES ? process.env.SIZES.split(',').map(Number) : [300, 2_000, 20_000, 200_000];
  console.log('tasks    rows     wall      CPU       peak RSS  (before)  file');
  for (const size of sizes) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', process.argv[1], 'run', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { tasks: number; rows: number; ms: number; cpuMs: number; peakRssMB: number; baseRssMB: number; fileMB: number };
    console.log(`${String(r.tasks).padEnd(8)} ${String(r.rows).padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s  ${String(r.peakRssMB).padStart(6)} MB  (${r.baseRssMB} MB)  ${r.fileMB} MB`);
  }
}

void main();
