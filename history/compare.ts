/**
 * Compare two periods of the store, every change a SQL query over the Parquet files
 * (definitions in report/history/types.ts and docs/lich-su.md). The pure part (labels to
 * issues, scores, sentences) is report/history/assemble.ts.
 *
 * Matching: `match_key` (tiendo ID, else lead units + task key). A key held by two rows of one
 * period is ambiguous: its rows are listed as 'ambiguous' with an issue and matched with nothing.
 * Overdue streak: consecutive stored periods up to this one in which the task was overdue
 * (gaps and islands over the overdue rows of the keys overdue now or in the previous period).
 *
 * Joins to the streak table are plain equi-joins on a pre-filtered side, the "overdue" test kept out of the
 * ON clause: `LEFT JOIN streak s ON s.match_key = j.match_key AND j.overdue` made DuckDB fall back to a slow
 * join (54 s against 0,1 s for 200,000 × 80,000 rows, measured on the bench store).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { assemble, type RawAmbiguous, type RawComparison, type RawScoreCounts, type RawTask } from '../report/history/assemble';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../report/history/score';
import type { ChangeCounts, HistoryComparison, Period, UnitChanges } from '../report/history/types';
import { eachFirst, lit, rowsOf, withDb, type DbOptions } from './duckdb';
import { listPeriods, type StoredPeriod } from './store';

export interface CompareOptions extends DbOptions {
  /** The period compared (default: the latest in the store). */
  period?: Period;
  /** The period compared with (default: the latest earlier period in the store). */
  previous?: Period;
  weights?: ScoreWeights;
}

/** Thrown for a usage problem (no store, unknown period): the message is for the user. */
export class HistoryError extends Error {}

export async function comparePeriods(dir: string, opts: CompareOptions = {}): Promise<HistoryComparison> {
  const stored = await listPeriods(dir);
  if (!stored.length) throw new HistoryError(`Chưa có kỳ báo cáo nào trong kho lịch sử "${dir}" (ghi bằng: aggregate … --ky YYYY-MM --lich-su ${dir}).`);
  const period = opts.period ?? stored[stored.length - 1].period;
  const cur = stored.find((p) => p.period === period);
  if (!cur) throw new HistoryError(`Kho lịch sử "${dir}" không có kỳ ${period} (có: ${stored.map((p) => p.period).join(', ')}).`);
  let prev: StoredPeriod | null = null;
  if (opts.previous) {
    prev = stored.find((p) => p.period === opts.previous) ?? null;
    if (!prev) throw new HistoryError(`Kho lịch sử "${dir}" không có kỳ ${opts.previous} (có: ${stored.map((p) => p.period).join(', ')}).`);
    if (prev.period >= period) throw new HistoryError(`Kỳ so sánh ${prev.period} phải trước kỳ ${period}.`);
  } else {
    prev = stored.filter((p) => p.period < period).pop() ?? null;
  }
  const upTo = stored.filter((p) => p.period <= period);
  // DuckDB's own memory is capped (it spills to disk beyond): with the JS side, so-sanh stays near 1 GB on 12 million rows.
  const db = { memoryLimit: '512MB', ...opts };
  const raw = await withDb((c) => queryAll(c, cur, prev, upTo, opts.weights ?? DEFAULT_WEIGHTS), db);
  return assemble(raw, opts.weights ?? DEFAULT_WEIGHTS);
}

const FLAGS: Record<keyof ChangeCounts, string> = {
  newlyDone: 'newly_done', newlyOverdue: 'newly_overdue', stillOverdue: 'still_overdue', newTasks: 'is_new',
  missingTasks: 'is_missing', deadlineChanged: 'deadline_changed', noRecoveryPlan: 'no_plan',
  dueWithin30Days: 'due_30', dueByYearEnd: 'due_year_end',
};
const countCols = Object.entries(FLAGS).map(([k, f]) => `CAST(count(*) FILTER (WHERE ${f}) AS INTEGER) AS "${k}"`).join(',\n    ');

/** With TIENDO_TIMING=1, each query's seconds on stderr (for the history bench). */
function stepTimer(): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    if (process.env.TIENDO_TIMING) process.stderr.write(`[timing] so-sanh ${name}: ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}

async function queryAll(db: DuckDBConnection, cur: StoredPeriod, prev: StoredPeriod | null, upTo: StoredPeriod[], w: ScoreWeights): Promise<RawComparison> {
  const step = stepTimer();
  const iP = upTo.length;
  const iQ = prev ? upTo.findIndex((p) => p.period === prev.period) + 1 : -1;
  const ps = upTo.map((p, i) => `(${lit(p.period)}, ${i + 1})`).join(', ');
  await db.run(`CREATE TEMP TABLE ps AS SELECT * FROM (VALUES ${ps}) v(period, i)`);
  await db.run(`CREATE TEMP TABLE cur AS SELECT *, count(*) OVER (PARTITION BY match_key) AS n FROM read_parquet(${lit(cur.file)})`);
  await db.run(prev
    ? `CREATE TEMP TABLE prev AS SELECT *, count(*) OVER (PARTITION BY match_key) AS n FROM read_parquet(${lit(prev.file)})`
    : 'CREATE TEMP TABLE prev AS SELECT * FROM cur WHERE false');
  step('cur, prev');
  const files = upTo.map((p) => lit(p.file)).join(', ');
  await db.run(`CREATE TEMP TABLE streak AS
    WITH keys AS (SELECT match_key FROM cur WHERE overdue UNION SELECT match_key FROM prev WHERE overdue),
    o AS (
      SELECT DISTINCT h.match_key, ps.i
      FROM read_parquet([${files}], union_by_name = true) h JOIN ps ON ps.period = h.period
      WHERE h.overdue AND h.match_key IN (SELECT match_key FROM keys)),
    g AS (SELECT match_key, i, i - row_number() OVER (PARTITION BY match_key ORDER BY i) AS grp FROM o),
    s AS (SELECT match_key, i, count(*) OVER (PARTITION BY match_key, grp ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS streak FROM g)
    SELECT match_key, i, CAST(streak AS INTEGER) AS streak FROM s WHERE i IN (${iP}, ${iQ})`);
  step('streaks');
  await db.run(`CREATE TEMP TABLE amb AS SELECT match_key FROM cur WHERE n > 1 UNION SELECT match_key FROM prev WHERE n > 1`);
  await db.run(`CREATE TEMP TABLE cmp AS
    WITH c AS (SELECT * FROM cur WHERE match_key NOT IN (SELECT match_key FROM amb)),
    p AS (SELECT * FROM prev WHERE match_key NOT IN (SELECT match_key FROM amb)),
    j AS (
      SELECT coalesce(c.match_key, p.match_key) AS match_key,
        c.match_key IS NOT NULL AS in_cur, p.match_key IS NOT NULL AS in_prev,
        coalesce(c.task_id, p.task_id) AS task_id, coalesce(c.task_key, p.task_key) AS task_key,
        coalesce(c.lead_unit, p.lead_unit) AS lead_unit, coalesce(c.lead_units, p.lead_units) AS lead_units,
        coalesce(c.stt, p.stt) AS stt, coalesce(c.task, p.task) AS task,
        c.progress, p.progress AS prev_progress, c.due, p.due AS prev_due,
        c.deadline_text, p.deadline_text AS prev_deadline_text,
        coalesce(c.overdue, false) AS overdue, coalesce(p.overdue, false) AS prev_overdue,
        c.category, coalesce(c.has_plan, false) AS has_plan, coalesce(c.extension_noted, false) AS extension_noted,
        c.due_source, c.as_of,
        coalesce(c.file, p.file) AS file, coalesce(c.sheet, p.sheet) AS sheet, coalesce(c.row, p.row) AS row
      FROM c FULL JOIN p ON c.match_key = p.match_key),
    f AS (
      SELECT j.*,
        in_cur AND in_prev AND progress IN ('done', 'done_late') AND prev_progress NOT IN ('done', 'done_late') AS newly_done,
        overdue AND NOT (in_prev AND prev_overdue) AS newly_overdue,
        overdue AND in_prev AND prev_overdue AS still_overdue,
        in_cur AND NOT in_prev AS is_new,
        in_prev AND NOT in_cur AS is_missing,
        in_cur AND in_prev AND (due IS DISTINCT FROM prev_due
          OR (due IS NULL AND prev_due IS NULL AND deadline_text IS DISTINCT FROM prev_deadline_text)) AS deadline_changed,
        overdue AND NOT has_plan AS no_plan,
        category = 'open_in_time' AND due >= as_of AND due <= as_of + 30 AS due_30,
        category = 'open_in_time' AND due >= as_of AND due <= make_date(year(as_of), 12, 31) AS due_year_end,
        CASE WHEN j.overdue THEN coalesce(s.streak, 0) ELSE 0 END AS streak
      FROM j LEFT JOIN (SELECT * FROM streak WHERE i = ${iP}) s ON s.match_key = j.match_key)
    SELECT f.*,
      deadline_changed AND due > prev_due AND NOT extension_noted AND due_source IS DISTINCT FROM 'extension' AS unapproved_extension,
      CASE WHEN is_missing THEN 'missing' WHEN newly_done THEN 'newly_done' WHEN newly_overdue THEN 'newly_overdue'
        WHEN still_overdue THEN 'still_overdue' WHEN deadline_changed THEN 'deadline_changed' WHEN is_new THEN 'new'
        ELSE 'unchanged' END AS change
    FROM f`);

  step('changes');
  const head = await rowsOf<{ as_of: string | null; prev_as_of: string | null }>(db,
    'SELECT (SELECT max(as_of) FROM cur) AS as_of, (SELECT max(as_of) FROM prev) AS prev_as_of');
  step('as-of');
  const [totals] = await rowsOf<ChangeCounts>(db, `SELECT ${countCols} FROM cmp`);
  const units = await rowsOf<UnitChanges>(db, `SELECT unit, ${countCols},
    CAST(count(*) FILTER (WHERE still_overdue AND streak >= 2) AS INTEGER) AS "chronicOverdue"
    FROM (SELECT *, unnest(lead_units) AS unit FROM cmp) GROUP BY unit`);
  step('counts');
  // One JSON text per row, parsed in JS: ~8× faster than converting 200,000 × 30 values one by one.
  const taskCols = [...new Set(['match_key', 'task_id', 'task_key', 'lead_unit', 'stt', 'task', 'change', 'streak', 'progress', 'prev_progress',
    'due', 'prev_due', 'deadline_text', 'prev_deadline_text', 'overdue', 'no_plan', 'unapproved_extension', 'file', 'sheet', 'row',
    ...Object.values(FLAGS)])];
  // Streamed: the JSON texts are parsed as they come, never all held at once beside the tasks.
  const tasks: RawTask[] = [];
  await eachFirst(db, `SELECT CAST(to_json({${taskCols.map((c) => `"${c}": "${c}"`).join(', ')}}) AS VARCHAR) AS j
    FROM cmp ORDER BY file, sheet, row, match_key`, (j) => tasks.push(JSON.parse(j as string) as RawTask));
  step('tasks');
  const ambiguous = await rowsOf<RawAmbiguous>(db, `
    SELECT 'cur' AS side, x.*, CASE WHEN x.overdue THEN coalesce(s.streak, 0) ELSE 0 END AS streak FROM (
      SELECT match_key, period, task_id, task_key, lead_unit, stt, task, progress, CAST(due AS VARCHAR) AS due, deadline_text, overdue, file, sheet, row
      FROM cur WHERE match_key IN (SELECT match_key FROM amb)) x
      LEFT JOIN (SELECT * FROM streak WHERE i = ${iP}) s ON s.match_key = x.match_key
    UNION ALL
    SELECT 'prev' AS side, x.*, 0 AS streak FROM (
      SELECT match_key, period, task_id, task_key, lead_unit, stt, task, progress, CAST(due AS VARCHAR) AS due, deadline_text, overdue, file, sheet, row
      FROM prev WHERE match_key IN (SELECT match_key FROM amb)) x
    ORDER BY side, file, sheet, row`);
  step('ambiguous');
  const scoreCounts = await rowsOf<RawScoreCounts>(db, `
    SELECT x.period, x.unit,
      CAST(count(*) FILTER (WHERE category = 'done_on_time') AS INTEGER) AS "doneOnTime",
      CAST(count(*) FILTER (WHERE category = 'done_late') AS INTEGER) AS "doneLate",
      CAST(count(*) FILTER (WHERE category = 'open_in_time' AND progress <> 'unreported') AS INTEGER) AS "openInTime",
      CAST(count(*) FILTER (WHERE category = 'open_overdue' AND progress <> 'unreported') AS INTEGER) AS "openOverdue",
      CAST(count(*) FILTER (WHERE category IN ('open_in_time', 'open_overdue') AND progress = 'unreported') AS INTEGER) AS "unreported",
      CAST(count(*) FILTER (WHERE category = 'open_overdue' AND overdue AND coalesce(s.streak, 0) >= ${Math.floor(w.chronicFromPeriods)}) AS INTEGER) AS "chronicOverdue"
    FROM (
      SELECT period, match_key, category, progress, overdue, ${iP} AS i, unnest(lead_units) AS unit FROM cur
      UNION ALL
      SELECT period, match_key, category, progress, overdue, ${iQ} AS i, unnest(lead_units) AS unit FROM prev) x
    LEFT JOIN streak s ON s.match_key = x.match_key AND s.i = x.i
    GROUP BY x.period, x.unit`);
  step('scores');
  return {
    period: cur.period, previous: prev?.period ?? null,
    asOf: head[0]?.as_of ?? null, previousAsOf: head[0]?.prev_as_of ?? null,
    periods: upTo.map((p) => p.period),
    totals, units, tasks, ambiguous, scoreCounts,
  };
}
