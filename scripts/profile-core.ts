/**
 * Core cost per workbook and per task, on grids already in memory:
 * `npx tsx scripts/profile-core.ts [communes=300] [repeats=3]`, or with a CPU profile
 * `node --cpu-prof --import tsx scripts/profile-core.ts`. Reads commune workbooks and the
 * 20,000-row workbook from bench-data/ (written by scripts/bench-data.ts) through the lean
 * reader, then times core readWorkbook and classifyRead separately in CPU time
 * (process.cpuUsage: the machine is shared, wall time is noisy). Best of the repeats.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsxFile } from '../xlsx/read';
import type { Grid } from '../core/grid';
import type { SheetRead } from '../core/model';
import { classifyRead, readWorkbook } from '../core/table/read';
import { bestCpu } from './best-cpu';
import { ensureBenchData } from './bench-data';

const COUNT = Number(process.argv[2] ?? 300);
const REPEATS = Number(process.argv[3] ?? 3);
const AS_OF = '2025-11-01';

function communeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const p of readdirSync(dir).sort()) for (const f of readdirSync(join(dir, p)).sort()) out.push(join(dir, p, f));
  return out;
}

/** Best (lowest) CPU milliseconds of `REPEATS` runs of `fn`. */
function best<T>(fn: () => T): { ms: number; out: T } {
  const { seconds, out } = bestCpu(REPEATS, fn);
  return { ms: seconds * 1000, out };
}

async function load(paths: string[]): Promise<{ file: string; grids: Grid[] }[]> {
  const out = [];
  for (const p of paths) out.push({ file: p, grids: (await readXlsxFile(p)).grids });
  return out;
}

function measure(label: string, books: { file: string; grids: Grid[] }[]): void {
  // Fresh grid objects each run: core caches header scans and merge indexes per grid object.
  const reads = best(() => books.map((b) => readWorkbook(b.grids.map((g) => ({ ...g })), { file: b.file })));
  const tasks = reads.out.reduce((n, r: SheetRead) => n + r.tasks.length, 0);
  const classified = best(() => reads.out.map((r) => classifyRead(r, AS_OF)));
  console.log(`${label}: ${books.length} workbooks, ${tasks} tasks | readWorkbook ${reads.ms.toFixed(0)} ms`
    + ` (${(reads.ms / books.length).toFixed(2)} ms/workbook, ${(reads.ms * 1000 / tasks).toFixed(1)} µs/task)`
    + ` | classifyRead ${classified.ms.toFixed(0)} ms (${(classified.ms * 1000 / tasks).toFixed(1)} µs/task)`);
}

const data = ensureBenchData('bench-data');
const communes = await load(communeFiles(data.communes).slice(0, COUNT));
const national = await load([data.national]);
measure('communes', communes);
measure('national', national);
