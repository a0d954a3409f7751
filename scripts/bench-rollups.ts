/**
 * The main thread's rollups alone (issue 14): reads a folder once through the read pool, then builds the report
 * several times and prints each phase's CPU time (the pool is idle by then, so the process's CPU is the main
 * thread's). Usage: tsx scripts/bench-rollups.ts <folder-or-file> [runs=5] [as-of=2025-11-15]
 */
import { collectSources } from '../batch/aggregate/sources';
import { buildReport } from '../report/report';

const [input, runsArg, asOfArg] = process.argv.slice(2);
if (!input) throw new Error('usage: tsx scripts/bench-rollups.ts <folder-or-file> [runs] [as-of]');
const runs = Number(runsArg ?? 5);
const asOf = asOfArg ?? '2025-11-15';
const sources = await collectSources([input], { asOf });
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const per = new Map<string, number[]>();
for (let k = 0; k < runs; k++) {
  let last = cpu();
  const t0 = last;
  buildReport({ asOf, sources, onPhase: (p) => { const now = cpu(); (per.get(p) ?? per.set(p, []).get(p)!).push(now - last); last = now; } });
  (per.get('total') ?? per.set('total', []).get('total')!).push(cpu() - t0);
}
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const [p, ms] of per) console.log(`${p.padEnd(16)} CPU ms: median ${median(ms).toFixed(0)}, min ${Math.min(...ms).toFixed(0)} (${ms.map((m) => m.toFixed(0)).join(' ')})`);
