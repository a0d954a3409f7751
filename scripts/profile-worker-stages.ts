/**
 * CPU per file of each stage a read worker runs (batch/read-worker.ts) and of the main thread's unpacking, in-process:
 * `npx tsx scripts/profile-worker-stages.ts DIR [count=300] [repeats=3]`. Stages: readOne (reader + core + keys + hash),
 * renderTask, pack, spoolCold (spool encoding and writes), the message's JSON.stringify, then on the main side
 * JSON.parse + unpack. Best of the repeats, CPU time (process.cpuUsage).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pack, readOne, spoolCold, unpack, type FileRead, type Packed } from '../batch/read-one';
import { Spool, SpoolWriter } from '../batch/spool';
import { renderTask, type TaskRender } from '../batch/render-task';

const target = process.argv[2] ?? 'bench-data/communes-real';
const COUNT = Number(process.argv[3] ?? 300);
const REPEATS = Number(process.argv[4] ?? 3);

function xlsxFiles(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((f) => xlsxFiles(join(p, f))).filter((f) => f.endsWith('.xlsx'));
}

const files = xlsxFiles(target).slice(0, COUNT);
const stages = ['readOne', 'renderTask', 'pack', 'spoolCold', 'stringify', 'parse+unpack'] as const;
const best = Object.fromEntries(stages.map((s) => [s, Infinity])) as Record<(typeof stages)[number], number>;
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

for (let rep = 0; rep < REPEATS; rep++) {
  const spool = Spool.create();
  const writer = new SpoolWriter(join(spool.dir, 'w.bin'));
  const sum = Object.fromEntries(stages.map((s) => [s, 0])) as Record<(typeof stages)[number], number>;
  for (const f of files) {
    let t = cpu();
    const r: FileRead = await readOne(f, undefined, '2025-11-15');
    let u = cpu(); sum.readOne += u - t; t = u;
    const renders: TaskRender[] = (r.tasks ?? []).map(renderTask);
    u = cpu(); sum.renderTask += u - t; t = u;
    let p: Packed = pack(r);
    u = cpu(); sum.pack += u - t; t = u;
    p = spoolCold(p, writer, 'w.bin', renders);
    u = cpu(); sum.spoolCold += u - t; t = u;
    const json = JSON.stringify(p);
    u = cpu(); sum.stringify += u - t; t = u;
    unpack(JSON.parse(json) as Packed, spool);
    u = cpu(); sum['parse+unpack'] += u - t;
  }
  spool.dispose();
  for (const s of stages) best[s] = Math.min(best[s], sum[s] / files.length);
}
const total = stages.slice(0, 5).reduce((a, s) => a + best[s], 0);
console.log(`${files.length} files of ${target}, best of ${REPEATS}, CPU ms per file:`);
for (const s of stages) console.log(`  ${s.padEnd(13)} ${best[s].toFixed(2)}`);
console.log(`  worker total  ${total.toFixed(2)}`);
