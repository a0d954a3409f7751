/**
 * History bench (`npm run bench:history`; also run as a step of `npm run bench`): a synthetic store of
 * 60 monthly periods × 200,000 tasks = 12 million rows (five years of national cycles), generated once
 * with DuckDB SQL into bench-data/lich-su-12m/ (same columns as history/store.ts writes), then
 * `tiendo so-sanh` on the latest period end to end in a child process: wall time and peak RSS.
 * Target: a few seconds, ≤ 1 GB.
 *
 * Each period holds 200,000 tasks of 100 units; 2,000 tasks are new each month and 2,000 leave;
 * a fifth of the tasks are chronically overdue (long streaks), a tenth overdue in some months only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../history/store';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'bench-data', 'lich-su-12m');
const PERIODS = 60;
const TASKS = 200_000;
const CHURN = 2_000;
const STAMP = `v${SCHEMA_VERSION}-${PERIODS}x${TASKS}-${CHURN}-b`;

function periodName(i: number): string {
  const m = (i % 12) + 1;
  return `${2021 + Math.floor(i / 12)}-${String(m).padStart(2, '0')}`;
}

async function generate(): Promise<number> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const t0 = performance.now();
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  for (let p = 0; p < PERIODS; p++) {
    const period = periodName(p);
    const asOf = `${period}-15`;
    const file = join(DIR, `${period}.parquet`).replace(/'/g, "''");
    // Task k exists in periods p with p*CHURN <= k < p*CHURN + TASKS; h = a stable hash of the task.
    await db.run(`COPY (
      WITH t AS (SELECT k, hash(k) AS h, hash(k, ${p}) AS hp FROM range(${p * CHURN}, ${p * CHURN + TASKS}) r(k)),
      s AS (SELECT *, 'Đơn vị số ' || (h % 100) AS unit,
              (h % 5 = 0 AND k < ${p * CHURN + TASKS - 20_000}) OR hp % 10 = 0 AS od,
              hp % 3 = 0 AS done FROM t)
      SELECT '${period}' AS period, DATE '${asOf}' AS as_of,
        unit || '|B|nhiem vu so ' || k AS match_key, NULL::VARCHAR AS task_id, 'B|nhiem vu so ' || k AS task_key,
        unit AS lead_unit, [unit] AS lead_units, CAST(k % 500 + 1 AS VARCHAR) AS stt, 'B. Nhiệm vụ cụ thể' AS section,
        'Nhiệm vụ số ' || k || ' về chuyển đổi số và cải cách hành chính' AS task,
        CASE WHEN h % 5 = 0 THEN '30/06/2020' ELSE '' END AS deadline_text,
        CASE WHEN h % 5 = 0 THEN DATE '2020-06-30' ELSE DATE '2026-12-31' - CAST(h % 390 AS INTEGER) END AS due,
        'typed' AS due_source,
        CASE WHEN od THEN 'not_done' WHEN done THEN 'done' WHEN hp % 7 = 0 THEN 'unreported' ELSE 'in_progress' END AS progress,
        '' AS progress_text,
        CASE WHEN od THEN 'open_overdue' WHEN done THEN 'done_on_time' ELSE 'open_in_time' END AS category,
        od AS overdue, CASE WHEN od THEN 100 ELSE NULL END::INTEGER AS days_late,
        CASE WHEN hp % 4 = 0 THEN 'Dự kiến hoàn thành trong quý tới' ELSE '' END AS result,
        hp % 4 = 0 AS has_plan, false AS extension_noted,
        'don-vi-' || (h % 100) || '.xlsx' AS file, 'Phụ lục' AS sheet, CAST(k % 500 + 6 AS INTEGER) AS row
      FROM s ORDER BY match_key)
      TO '${file}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA { tiendo_schema: '${SCHEMA_VERSION}' })`);
  }
  db.closeSync();
  writeFileSync(join(DIR, '.stamp'), STAMP);
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  if (process.argv.includes('--generate-only')) {
    console.log(`generated in ${(await generate()).toFixed(1)} s`);
    return;
  }
  const stampFile = join(DIR, '.stamp');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== STAMP) {
    const s = await generate();
    console.log(`generated ${PERIODS} periods × ${TASKS.toLocaleString('vi-VN')} tasks in ${s.toFixed(1)} s (DuckDB SQL)`);
  }
  const files = readdirSync(DIR).filter((f) => f.endsWith('.parquet'));
  const size = files.reduce((a, f) => a + statSync(join(DIR, f)).size, 0) / 1048576;
  console.log(`store: ${files.length} Parquet files, ${(files.length * TASKS).toLocaleString('vi-VN')} rows, ${size.toFixed(0)} MB`);
  const out = join(ROOT, 'bench-data', 'so-sanh-12m.json');
  const cmd = [process.execPath, ...'--max-old-space-size=1024 --max-semi-space-size=32'.split(' '), join(ROOT, 'scripts', 'tiendo.mjs'),
    'so-sanh', '--lich-su', DIR, '--json', out];
  spawnSync(cmd[0], [...cmd.slice(1, -4), '--help'], { cwd: ROOT }); // build the launcher's bundle, untimed
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  for (let i = 0; i < 1; i++) {
    const t0 = performance.now();
    const r = time ? spawnSync(time, ['-v', ...cmd], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TIENDO_TIMING: '1' }, maxBuffer: 1 << 26 })
      : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TIENDO_TIMING: '1' }, maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
    const peak = rss ? Number(rss[1]) / 1024 : null;
    const cmp = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) as { period: string; previous: string; changes: Record<string, number>; tasks: unknown[] } : null;
    console.log(`so-sanh ${cmp?.period} vs ${cmp?.previous} (run ${i + 1}): ${seconds.toFixed(2)} s wall, peak RSS ${peak === null ? 'n/a' : peak.toFixed(0) + ' MB'}, exit ${r.status}`
      + `; ${cmp?.tasks.length.toLocaleString('vi-VN')} tasks; changes ${JSON.stringify(cmp?.changes)}`);
    for (const l of (r.stderr ?? '').split('\n').filter((x) => x.startsWith('[timing]'))) console.log(`  ${l.slice(9)}`);
    if (r.status !== 0) console.log((r.stderr ?? '').split('\n').slice(0, 5).join('\n'));
    if (i === 0) console.log(`target: a few seconds, ≤ 1.024 MB: ${r.status === 0 && seconds < 10 && peak !== null && peak <= 1024 ? 'OK' : 'MISSED'}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
