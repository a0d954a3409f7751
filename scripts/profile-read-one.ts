/**
 * CPU per file and per task of batch/read-one's readOne(file, undefined, asOf) (reader + core + keys + hash),
 * in-process: `npx tsx scripts/profile-read-one.ts DIR_OR_FILE [count=400] [repeats=3]`, or with a CPU profile
 * `node --cpu-prof --import tsx scripts/profile-read-one.ts …`. Also times the core part alone on grids read
 * once (workbookRead + classifyRead + taskKey + fingerprintHash). Best of the repeats, CPU time (process.cpuUsage).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readOne } from '../batch/read-one';
import { readGridsFile } from '../batch/read-grids';
import { workbookRead } from '../core/table/workbook-read';
import { classifyRead } from '../core/table/read';
import { taskKey } from '../core/taskkey';
import { fingerprintHash } from '../report/duplicate-files';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import { cpuSeconds } from './best-cpu';

const target = process.argv[2] ?? 'bench-data/communes-real';
const COUNT = Number(process.argv[3] ?? 400);
const REPEATS = Number(process.argv[4] ?? 3);
const AS_OF = '2025-11-15';

function xlsxFiles(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((f) => xlsxFiles(join(p, f))).filter((f) => f.endsWith('.xlsx'));
}

const files = xlsxFiles(target).slice(0, COUNT);
let bestAll = Infinity;
let tasks = 0;
for (let i = 0; i < REPEATS; i++) {
  const c0 = cpuSeconds();
  let n = 0;
  for (const f of files) n += (await readOne(f, undefined, AS_OF)).tasks?.length ?? 0;
  bestAll = Math.min(bestAll, cpuSeconds() - c0);
  tasks = n;
}
const books: { file: string; grids: Grid[]; notes?: Issue[] }[] = [];
for (const f of files) {
  const r = await readGridsFile(f);
  books.push({ file: f, grids: r.grids, notes: r.notes });
}
let bestCore = Infinity;
for (let i = 0; i < REPEATS; i++) {
  const fresh = books.map((b) => ({ ...b, grids: b.grids.map((g) => ({ ...g })) }));
  const c0 = cpuSeconds();
  for (const b of fresh) {
    const read = workbookRead(b.grids, b.notes, b.file);
    const t = classifyRead(read, AS_OF);
    const keys = t.map(taskKey);
    fingerprintHash({ tasks: t, keys });
  }
  bestCore = Math.min(bestCore, cpuSeconds() - c0);
}
console.log(`${target}: ${files.length} files, ${tasks} tasks | readOne ${(bestAll * 1000 / files.length).toFixed(2)} ms/file`
  + ` (${(bestAll * 1e6 / tasks).toFixed(1)} µs/task) | core ${(bestCore * 1000 / files.length).toFixed(2)} ms/file (${(bestCore * 1e6 / tasks).toFixed(1)} µs/task)`);
