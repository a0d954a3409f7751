/**
 * CPU per file and per task of batch/read-one's readOne(file, undefined, asOf) (reader + core + keys + hash),
 * in-process: `npx tsx scripts/profile-read-one.ts DIR_OR_FILE [count=400] [repeats=3]`, or with a CPU profile
 * `node --cpu-prof --import tsx scripts/profile-read-one.ts …`. Also times the core part alone on grids read
 * once (workbookRead + classifyRead + taskKey + fingerprintHash), and what a read worker does after readOne on the
 * results kept once: renderTask per task, and pack + JSON.stringify (the spool is left out). Best of the repeats,
 * CPU time (process.cpuUsage). `--only=read|core|render` runs one part (e.g. under --cpu-prof).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pack, readOne, type FileRead } from '../batch/read-one';
import { renderTask } from '../batch/render-task';
import { readGridsFile } from '../batch/read-grids';
import { workbookRead } from '../core/table/workbook-read';
import { classifyRead } from '../core/table/read';
import { taskKey } from '../core/taskkey';
import { fingerprintHash } from '../report/duplicate-files';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import { cpuSeconds } from './best-cpu';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const target = args[0] ?? 'bench-data/communes-real';
const COUNT = Number(args[1] ?? 400);
const REPEATS = Number(args[2] ?? 3);
const ms = (s: number): string => (s * 1000 / files.length).toFixed(2);
const AS_OF = '2025-11-15';

function xlsxFiles(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((f) => xlsxFiles(join(p, f))).filter((f) => f.endsWith('.xlsx'));
}

const files = xlsxFiles(target).slice(0, COUNT);
let bestAll = Infinity;
let tasks = 0;
let reads: FileRead[] = [];
for (let i = 0; i < (ONLY && ONLY !== 'read' && ONLY !== 'render' ? 0 : ONLY === 'render' ? 1 : REPEATS); i++) {
  const c0 = cpuSeconds();
  let n = 0;
  const got: FileRead[] = [];
  for (const f of files) {
    const r = await readOne(f, undefined, AS_OF);
    n += r.tasks?.length ?? 0;
    got.push(r);
  }
  bestAll = Math.min(bestAll, cpuSeconds() - c0);
  tasks = n;
  reads = got;
}
let bestRender = Infinity;
let bestPack = Infinity;
for (let i = 0; i < (ONLY && ONLY !== 'render' ? 0 : REPEATS); i++) {
  const c0 = cpuSeconds();
  let bytes = 0;
  for (const r of reads) for (const t of r.tasks ?? []) bytes += renderTask(t).json.length;
  bestRender = Math.min(bestRender, cpuSeconds() - c0);
  const c1 = cpuSeconds();
  for (const r of reads) bytes += JSON.stringify(pack(r)).length;
  bestPack = Math.min(bestPack, cpuSeconds() - c1);
  if (bytes < 0) console.log(bytes);
}
if (ONLY === 'read' || ONLY === 'render') {
  console.log(`${target}: ${files.length} files, ${tasks} tasks | readOne ${ms(bestAll)} ms/file | render ${ms(bestRender)} | pack+stringify ${ms(bestPack)}`);
  process.exit(0);
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
console.log(`${target}: ${files.length} files, ${tasks} tasks | readOne ${ms(bestAll)} ms/file`
  + ` | core ${ms(bestCore)} | reader ${ms(bestAll - bestCore)} (readOne − core) | render ${ms(bestRender)} | pack+stringify ${ms(bestPack)}`
  + ` | worker total ${ms(bestAll + bestRender + bestPack)} ms/file`);
