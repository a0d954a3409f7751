/**
 * The raw lower bound of reading: open each zip, inflate the sheet XML and the shared
 * strings with node:zlib, scan every cell value; nothing else. Runs on every core (worker threads).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
function entries(buf) {
  let e = buf.length - 22;
  while (e >= 0 && buf.readUInt32LE(e) !== 0x06054b50) e--;
  const n = buf.readUInt16LE(e + 10);
  let p = buf.readUInt32LE(e + 16);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20);
    const nl = buf.readUInt16LE(p + 28), xl = buf.readUInt16LE(p + 30), cl = buf.readUInt16LE(p + 32);
    const off = buf.readUInt32LE(p + 42);
    out.set(buf.toString('utf8', p + 46, p + 46 + nl), { method, csize, off });
    p += 46 + nl + xl + cl;
  }
  return out;
}
function part(buf, e) {
  const start = e.off + 30 + buf.readUInt16LE(e.off + 26) + buf.readUInt16LE(e.off + 28);
  const raw = buf.subarray(start, start + e.csize);
  return (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
}
let cells = 0, chars = 0;
for (const f of workerData) {
  const buf = readFileSync(f);
  const ents = entries(buf);
  const sst = ents.get('xl/sharedStrings.xml');
  if (sst) for (const m of part(buf, sst).matchAll(/<t[^>]*>([^<]*)<\/t>/g)) chars += m[1].length;
  for (const [name, e] of ents) {
    if (!name.startsWith('xl/worksheets/')) continue;
    for (const m of part(buf, e).matchAll(/<v>([^<]*)<\/v>/g)) { cells++; chars += m[1].length; }
  }
}
parentPort.postMessage({ cells, chars });
`;

export async function lowerBound(files: string[], threads = availableParallelism()): Promise<{ seconds: number; cpuSeconds: number; cells: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const n = Math.max(1, Math.min(threads, files.length));
  const parts = Array.from({ length: n }, (_, i) => files.filter((_f, j) => j % n === i));
  const results = await Promise.all(parts.map((p) => new Promise<{ cells: number }>((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: p });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const cpu = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, cells: results.reduce((a, r) => a + r.cells, 0) };
}
