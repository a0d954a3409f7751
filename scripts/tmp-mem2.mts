import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readOne, pack, unpack, spoolCold } from '../batch/read-one';
import { Spool, SpoolWriter } from '../batch/spool';
import { renderTask } from '../batch/render-task';
const dir = process.argv[2]; const n = Number(process.argv[3] ?? 300);
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.xlsx')) files.push(p); } };
walk(dir); files.sort();
const spool = Spool.create(); const w = new SpoolWriter(join(spool.dir, 's.bin'));
const keep: any[] = [];
(globalThis as any).gc(); const h0 = process.memoryUsage().heapUsed;
let keysBytes = 0;
for (const f of files.slice(0, n)) { const r = await readOne(f, undefined, '2025-11-15'); const p = spoolCold(pack(r), w, 's.bin', r.tasks!.map(renderTask)); const u = unpack(JSON.parse(JSON.stringify(p)), spool); keysBytes += JSON.stringify(u.keys).length; if (process.argv[4]) delete u.keys; keep.push(u); }
(globalThis as any).gc(); const h1 = process.memoryUsage().heapUsed;
console.log(`${n} files: heap ${((h1 - h0) / 1e6).toFixed(1)} MB → per 3321 files ${((h1 - h0) / n * 3321 / 1e6).toFixed(0)} MB; keys json ${(keysBytes/n*3321/1e6).toFixed(0)} MB`);
const t = keep[0].tasks[0]; console.log(JSON.stringify({...t, task: undefined, resultText: undefined, cells: undefined}).length);
const fast = (o: object) => (globalThis as any).eval('%HasFastProperties(o)');
let slow = 0, total = 0; for (const k of keep) for (const t of k.tasks) { total++; if (!new Function('o', 'return %HasFastProperties(o)')(t)) slow++; }
console.log('slow tasks', slow, '/', total);
const t0 = keep[0].tasks[0]; console.log(Object.keys(t0).join(','));
