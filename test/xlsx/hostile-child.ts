/**
 * Child process of hostile.test.ts: reads one file as the batch does (readOne, classified at an as-of
 * date) and prints a one-line JSON summary with its peak memory. Run under the CLI's heap cap:
 *   node --max-old-space-size=1024 --import tsx test/xlsx/hostile-child.ts <file>
 */
import { readOne } from '../../batch/read-one';

const file = process.argv[2];
const t0 = performance.now();
const r = await readOne(file, undefined, '2025-11-15');
const tasks = r.read?.tasks ?? [];
const json = JSON.stringify(r.read?.tasks.slice(0, 5) ?? []);
console.log(JSON.stringify({
  error: r.error ? { code: r.error.code, message: r.error.message } : null,
  tasks: tasks.length,
  texts: tasks.slice(0, 5).map((t) => t.task),
  allTexts: tasks.length <= 20_000 ? tasks.map((t) => t.task) : [],
  issues: [...new Set(r.read?.issues.map((i) => i.code) ?? [])],
  wellFormedJson: Buffer.from(json, 'utf8').toString('utf8') === json && !/\\u[dD][89abAB]/.test(json),
  seconds: (performance.now() - t0) / 1000,
  peakMb: process.resourceUsage().maxRSS / 1024,
}));
