/**
 * Writer benchmark: tong-hop.xlsx (summarySpec of a synthetic report) through
 * ExcelJS's streaming writer and through the lean writer, for 20,000 and 200,000
 * tasks. Prints wall time, CPU time (all threads: the machine is shared, CPU time is the
 * steadier figure), peak RSS (each run in its own child process) and file size.
 *
 *   npx tsx scripts/bench-writer.ts                       # both engines, both sizes
 *   npx tsx scripts/bench-writer.ts lean 200000            # one run (used by the parent)
 *   npx tsx scripts/bench-writer.ts lean out/tong-hop.json # a real aggregate report (tiendo aggregate's JSON)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../report/report-types';
import { writeWorkbook } from '../xlsx/write';
import { summarySpec } from '../report/layout/summary';
import { syntheticReport } from '../test/xlsx/lean-fixtures';

type Engine = 'exceljs' | 'lean';

async function one(engine: Engine, source: string): Promise<void> {
  const report: Report = /^\d+$/.test(source) ? syntheticReport(Number(source)) : JSON.parse(readFileSync(source, 'utf8')) as Report;
  const n = report.tasks.length;
  const spec = summarySpec(report, { title: 'Tổng hợp tình hình thực hiện nhiệm vụ' });
  const rows = spec.sheets.reduce((k, s) => k + s.rows.length, 0);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-writer-')), `tong-hop-${engine}.xlsx`);
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await writeWorkbook(spec, path, { engine, streamAbove: 10_000 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ engine, tasks: n, rows, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMB: Math.round(peak / 1048576), baseRssMB: Math.round(base / 1048576), fileMB: +(statSync(path).size / 1048576).toFixed(1) }));
}

async function main(): Promise<void> {
  const [engine, source] = process.argv.slice(2);
  if (engine) return one(engine as Engine, source);
  const sizes = [20_000, 200_000];
  console.log('engine   tasks    rows     wall      CPU       peak RSS  (before)  file');
  for (const size of sizes) {
    for (const e of ['exceljs', 'lean'] as Engine[]) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', process.argv[1], e, String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const r = JSON.parse(out.trim().split('\n').pop()!) as { engine: string; tasks: number; rows: number; ms: number; cpuMs: number; peakRssMB: number; baseRssMB: number; fileMB: number };
      console.log(`${r.engine.padEnd(8)} ${String(r.tasks).padEnd(8)} ${String(r.rows).padEnd(8)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s  ${String(r.peakRssMB).padStart(6)} MB  (${r.baseRssMB} MB)  ${r.fileMB} MB`);
    }
  }
}

void main();
