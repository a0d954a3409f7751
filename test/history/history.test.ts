/**
 * Three periods of returns → `aggregate --ky --lich-su` three times → `so-sanh`: every change, streak,
 * score and rank checked against hand-computed values (history-fixtures.ts explains each task), the
 * "Biến động" and "Xếp hạng" sheets read back from tong-hop.xlsx, the sentences, and the store read
 * back with DuckDB alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { docXml, paragraphs, tables } from '../docx/docx-text';
import { formatNumber } from '../../core/format';
import { parseArgs, type AggregateArgs } from '../../batch/aggregate/args';
import { aggregate, type AggregateResult } from '../../batch/aggregate/run';
import { comparePeriods } from '../../history/compare';
import type { HistoryComparison, TaskChange } from '../../report/history/types';
import { fixturePath } from '../fixtures/appendix';
import { PERIODS, TASKS, periodFolder } from './history-fixtures';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

function args(over: Partial<AggregateArgs>): AggregateArgs {
  const parsed = parseArgs([]);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.args, quiet: true, ...over };
}

const byTask = (c: HistoryComparison, text: string): TaskChange => {
  const t = c.tasks.find((x) => x.task === text);
  if (!t) throw new Error(`no task ${text}`);
  return t;
};

describe('three periods through aggregate --ky --lich-su', () => {
  const base = fixturePath('history');
  const store = join(base, 'lich-su');
  const runs: AggregateResult[] = [];

  beforeAll(async () => {
    rmSync(base, { recursive: true, force: true });
    for (const i of [0, 1, 2] as const) {
      const dir = await periodFolder(i);
      const out = relative(process.cwd(), join(base, `out-${PERIODS[i].period}`));
      runs.push(await aggregate(args({ inputs: [dir], out, asOf: PERIODS[i].asOf, ky: PERIODS[i].period, lichSu: store })));
    }
  }, 120_000);

  it('--ky takes a YYYY-MM period', () => {
    const ok = parseArgs(['--ky', '2025-11', '--lich-su', 'kho']);
    expect(ok.ok && [ok.args.ky, ok.args.lichSu]).toEqual(['2025-11', 'kho']);
    const bad = parseArgs(['--ky', '2025-13']);
    expect(!bad.ok && bad.message).toContain('kỳ báo cáo không hợp lệ "2025-13"');
    const none = parseArgs([]);
    expect(none.ok && [none.args.ky, none.args.lichSu]).toEqual([null, null]);
  });

  it('writes one Parquet file per period and lists it among the outputs', () => {
    expect(readdirSync(store).sort()).toEqual(['2025-09.parquet', '2025-10.parquet', '2025-11.parquet']);
    for (const r of runs) expect(r.outputErrors).toEqual([]);
    expect(runs[2].outputs.some((o) => o.endsWith('2025-11.parquet'))).toBe(true);
    expect(runs[2].outputs.some((o) => o.endsWith('bien-dong.json'))).toBe(true);
  });

  it('the first period has nothing to compare with', () => {
    const c = runs[0].history as HistoryComparison;
    expect(c.previous).toBeNull();
    expect(c.sentences[0]).toBe('Kỳ tháng 09/2025 là kỳ đầu tiên trong lịch sử; chưa có kỳ trước để so sánh.');
    // The definitions still hold: every task is absent before (new), the overdue ones are newly overdue.
    expect(c.changes).toMatchObject({ newTasks: 8, newlyOverdue: 2, stillOverdue: 0, newlyDone: 0, missingTasks: 0 });
    expect(c.tasks.filter((t) => t.change !== 'new').map((t) => [t.task, t.change])).toEqual([[TASKS.NV2, 'newly_overdue'], [TASKS.NV5, 'newly_overdue']]);
    expect(byTask(c, TASKS.NV2).overdueStreak).toBe(1);
  });

  it('10/2025 against 09/2025: NV5 done in between, YT1 and YT2 newly overdue, NV2 still overdue', () => {
    const c = runs[1].history as HistoryComparison;
    expect(c.previous).toBe('2025-09');
    expect(c.changes).toEqual({
      newlyDone: 1, newlyOverdue: 2, stillOverdue: 1, newTasks: 0, missingTasks: 0, deadlineChanged: 0,
      noRecoveryPlan: 3, dueWithin30Days: 1, dueByYearEnd: 2,
    });
    expect(byTask(c, TASKS.NV5).change).toBe('newly_done');
    expect(byTask(c, TASKS.YT1).change).toBe('newly_overdue');
    expect(byTask(c, TASKS.NV2)).toMatchObject({ change: 'still_overdue', overdueStreak: 2 });
    expect(c.issues).toEqual([]);
  });

  it('so-sanh 11/2025: every change and streak', async () => {
    const c = await comparePeriods(store, { period: '2025-11' });
    expect(c.previous).toBe('2025-10');
    expect(c.periods).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(c.changes).toEqual({
      newlyDone: 1, newlyOverdue: 1, stillOverdue: 2, newTasks: 2, missingTasks: 1, deadlineChanged: 1,
      noRecoveryPlan: 2, dueWithin30Days: 1, dueByYearEnd: 3,
    });
    const got = Object.fromEntries(Object.entries(TASKS).map(([k, text]) => {
      const t = byTask(c, text);
      return [k, [t.change, t.overdueStreak]];
    }));
    expect(got).toEqual({
      NV1: ['unchanged', 0], NV2: ['still_overdue', 3], NV3: ['newly_overdue', 1], NV4: ['deadline_changed', 0], NV5: ['unchanged', 0],
      YT1: ['newly_done', 0], YT2: ['still_overdue', 2], YT3: ['missing', 0], YT4: ['new', 0], YT5: ['new', 0],
    });
    expect(byTask(c, TASKS.NV4)).toMatchObject({ due: '2025-12-31', previousDue: '2025-11-30', progress: 'unreported' });
    expect(byTask(c, TASKS.NV3).noRecoveryPlan).toBe(false);
    expect(byTask(c, TASKS.NV2).noRecoveryPlan).toBe(true);
    expect(byTask(c, TASKS.YT3)).toMatchObject({ previousProgress: 'in_progress', progress: null });
    expect(c.units.map((u) => [u.unit, u.newlyDone, u.newlyOverdue, u.stillOverdue, u.chronicOverdue, u.newTasks, u.missingTasks, u.deadlineChanged, u.noRecoveryPlan, u.dueWithin30Days, u.dueByYearEnd]))
      .toEqual([
        ['Bộ Nội vụ', 0, 1, 1, 1, 0, 0, 1, 1, 0, 1],
        ['Bộ Y tế', 1, 0, 1, 1, 2, 1, 0, 1, 1, 2],
      ]);
    expect(c.issues.map((i) => i.code)).toEqual(['DEADLINE_CHANGED_UNAPPROVED']);
    expect(c.issues[0].message).toContain('30/11/2025');
    expect(c.issues[0].message).toContain('31/12/2025');
  });

  it('scores and ranks: the formula with the repository weights', async () => {
    const c = await comparePeriods(store, { period: '2025-11' });
    // Bộ Y tế: YT1 done late 70 + YT2 overdue 20 + YT4, YT5 in time 80 each = 250 / 4.
    // Bộ Nội vụ: NV1 100 + NV5 done late 70 + NV4 unreported 0 + NV2, NV3 overdue 20 each, NV2 chronic (3 periods) −20 = 190 / 5.
    // 10/2025: Bộ Nội vụ (100 + 20 + 80 + 80 + 70) / 5 = 70; Bộ Y tế (20 + 20) / 2 = 20 (YT3 recurring is not scored).
    expect(c.scores.map((s) => [s.unit, s.score, s.rank, s.previousScore, s.previousRank, s.rankChange, s.tasks])).toEqual([
      ['Bộ Y tế', 62.5, 1, 20, 2, 1, 4],
      ['Bộ Nội vụ', 38, 2, 70, 1, -1, 5],
    ]);
    expect(c.scores[1].counts).toEqual({ doneOnTime: 1, doneLate: 1, openInTime: 0, openOverdue: 2, unreported: 1, chronicOverdue: 1 });
  });

  it('sentences in the seeds\u2019 style', () => {
    const c = runs[2].history as HistoryComparison;
    expect(c.sentences).toEqual([
      'So với kỳ trước (tháng 10/2025): thêm 01 nhiệm vụ hoàn thành; 01 nhiệm vụ mới quá hạn; 02 nhiệm vụ quá hạn kéo dài từ 2 kỳ trở lên '
        + '(lâu nhất 03 kỳ liên tiếp), trong đó Bộ Nội vụ, Bộ Y tế mỗi đơn vị 01 nhiệm vụ; 02 nhiệm vụ mới; '
        + '01 nhiệm vụ không còn trong báo cáo (Bộ Y tế (01 nhiệm vụ)); 01 nhiệm vụ thay đổi thời hạn.',
      'Trong 03 nhiệm vụ quá hạn có 02 nhiệm vụ chưa báo cáo lộ trình khắc phục.',
      'Có 01 nhiệm vụ đến hạn trong 30 ngày tới (đến ngày 15/12/2025); 03 nhiệm vụ phải hoàn thành trong những tháng cuối năm 2025.',
      'Chấm điểm kỳ tháng 11/2025: cao nhất Bộ Y tế (62,5 điểm), thấp nhất Bộ Nội vụ (38,0 điểm).',
      'Có 01 nhiệm vụ thay đổi thời hạn nhưng không thấy ghi nhận gia hạn, cần kiểm tra.',
    ]);
    const tomTat = readFileSync(join(base, 'out-2025-11', 'tom-tat.txt'), 'utf8');
    for (const s of c.sentences) expect(tomTat).toContain(s);
  });

  it('tong-hop.xlsx gains the Biến động and Xếp hạng sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(base, 'out-2025-11', 'tong-hop.xlsx'));
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Tổng hợp', 'Biến động', 'Biến động chi tiết', 'Xếp hạng']);
    const rowsOf = (name: string): unknown[][] => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[][] = [];
      ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))));
      return out;
    };
    const change = rowsOf('Biến động');
    const unit = (name: string): unknown[] => change.find((r) => r[1] === name) as unknown[];
    // STT, unit, newly done, newly overdue, still overdue, new, missing, deadline changed, chronic, no plan, due 30 days, by year end
    expect(unit('Bộ Nội vụ')).toEqual(['1', 'Bộ Nội vụ', 0, 1, 1, 0, 0, 1, 1, 1, 0, 1]);
    expect(unit('Bộ Y tế')).toEqual(['2', 'Bộ Y tế', 1, 0, 1, 2, 1, 0, 1, 1, 1, 2]);
    expect(unit('Tổng cộng').slice(1)).toEqual(['Tổng cộng', 1, 1, 2, 2, 1, 1, 2, 2, 1, 3]);
    expect(change.flat()).toContain('So với kỳ trước (tháng 10/2025)');
    expect(change.flat().some((v) => typeof v === 'string' && v.startsWith('So với kỳ trước (tháng 10/2025): thêm 01'))).toBe(true);
    const detail = rowsOf('Biến động chi tiết');
    const yt3 = detail.find((r) => r[3] === TASKS.YT3) as unknown[];
    expect(yt3[4]).toBe('Không còn trong báo cáo');
    const nv2 = detail.find((r) => r[3] === TASKS.NV2) as unknown[];
    expect([nv2[4], nv2[5]]).toEqual(['Quá hạn kéo dài', 3]);
    const nv4 = detail.find((r) => r[3] === TASKS.NV4) as unknown[];
    expect([nv4[4], nv4[6], nv4[7]]).toEqual(['Thay đổi thời hạn', '2025-11-30', '2025-12-31']);
    expect(detail.some((r) => r[3] === TASKS.NV1)).toBe(false); // unchanged and unflagged
    const rank = rowsOf('Xếp hạng');
    expect(rank.find((r) => r[1] === 'Bộ Y tế')?.slice(0, 13)).toEqual([1, 'Bộ Y tế', 62.5, 2, 'Tăng 1', 20, 4, 0, 1, 2, 1, 0, 0]);
    expect(rank.find((r) => r[1] === 'Bộ Nội vụ')?.slice(0, 13)).toEqual([2, 'Bộ Nội vụ', 38, 1, 'Giảm 1', 70, 5, 1, 1, 0, 2, 1, 1]);
    expect(rank.flat().some((v) => typeof v === 'string' && v.startsWith('Cách tính điểm: mỗi nhiệm vụ hoàn thành đúng hạn 100 điểm'))).toBe(true);
  });

  it('re-running a period replaces it; a run without --ky/--lich-su leaves the store alone', async () => {
    const before = readdirSync(store).sort();
    const again = await aggregate(args({ inputs: [await periodFolder(2)], out: relative(process.cwd(), join(base, 'out-again')), asOf: '2025-11-15', ky: '2025-11', lichSu: store }));
    expect(again.history?.changes).toEqual((await comparePeriods(store, { period: '2025-11' })).changes);
    expect(readdirSync(store).sort()).toEqual(before);
    const plain = await aggregate(args({ inputs: [await periodFolder(2)], out: relative(process.cwd(), join(base, 'out-plain')), asOf: '2025-11-15' }));
    expect(plain.history).toBeUndefined();
    expect(existsSync(join(base, 'out-plain', 'bien-dong.json'))).toBe(false);
    expect(readdirSync(store).sort()).toEqual(before);
  }, 60_000);

  it('the store reads back with DuckDB alone (as Spark, Trino or BigQuery would read the folder)', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const glob = join(store, '*.parquet').replace(/'/g, "''");
    const counts = (await db.runAndReadAll(`SELECT period, CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE overdue) AS INTEGER) AS overdue
      FROM read_parquet('${glob}') GROUP BY period ORDER BY period`)).getRowObjectsJson();
    expect(counts).toEqual([
      { period: '2025-09', n: 8, overdue: 2 },
      { period: '2025-10', n: 8, overdue: 3 },
      { period: '2025-11', n: 9, overdue: 3 },
    ]);
    const nv2 = (await db.runAndReadAll(`SELECT period, lead_units, CAST(due AS VARCHAR) AS due, progress FROM read_parquet('${glob}')
      WHERE task = '${TASKS.NV2}' ORDER BY period`)).getRowObjectsJson();
    expect(nv2).toEqual(PERIODS.map((p) => ({ period: p.period, lead_units: ['Bộ Nội vụ'], due: '2025-06-30', progress: 'not_done' })));
    const meta = (await db.runAndReadAll(`SELECT decode(value) AS v FROM parquet_kv_metadata('${glob}') WHERE decode(key) = 'tiendo_schema'`)).getRowObjectsJson();
    expect(meta.map((m) => m.v)).toEqual(['1', '1', '1']);
    db.closeSync();
  });

  it('tiendo so-sanh from the command line: --voi, --json -, --out', async () => {
    const out = join(base, 'so-sanh-out');
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts/tiendo.mjs'), 'so-sanh', '--lich-su', store, '--ky', '2025-11', '--voi', '2025-09', '--json', '-', '--out', out], { cwd: ROOT });
    const c = JSON.parse(stdout) as HistoryComparison;
    expect(c.previous).toBe('2025-09');
    expect(byTask(c, TASKS.NV5).change).toBe('newly_done');
    expect(byTask(c, TASKS.NV2)).toMatchObject({ change: 'still_overdue', overdueStreak: 3 });
    expect(existsSync(join(out, 'bien-dong.xlsx'))).toBe(true);
    const bad = await run(process.execPath, [join(ROOT, 'scripts/tiendo.mjs'), 'so-sanh', '--lich-su', store, '--ky', '2024-01'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('không có kỳ 2024-01');
  }, 60_000);

  it('so-sanh writes its files together: one that cannot be replaced leaves every previous file (exit 1, in Vietnamese)', async () => {
    const out = join(base, 'so-sanh-blocked');
    const cli = [join(ROOT, 'scripts/tiendo.mjs'), 'so-sanh', '--lich-su', store, '--ky', '2025-11', '--out', out, '--json', join(out, 'so-sanh.json')];
    await run(process.execPath, cli, { cwd: ROOT });
    const json = readFileSync(join(out, 'so-sanh.json'), 'utf8');
    // Byte for byte the JSON a plain JSON.stringify would write, though written in pieces.
    expect(json).toBe(JSON.stringify(JSON.parse(json), null, 2) + '\n');
    expect(readFileSync(join(out, 'bien-dong.json'), 'utf8')).toBe(json);
    const before = readFileSync(join(out, 'bien-dong.xlsx'));
    // The next run compares other periods, but bien-dong.json is now a folder of the user's.
    rmSync(join(out, 'bien-dong.json'));
    mkdirSync(join(out, 'bien-dong.json'));
    const failed = await run(process.execPath, [...cli, '--voi', '2025-09'], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/Không ghi được .*bien-dong\.json: ở đó đang có một thư mục cùng tên/);
    expect(readFileSync(join(out, 'so-sanh.json'), 'utf8')).toBe(json);
    expect(readFileSync(join(out, 'bien-dong.xlsx')).equals(before)).toBe(true);
    expect(readdirSync(base).filter((f) => f.includes('tiendo-tmp'))).toEqual([]);
  }, 60_000);

  it('so-sanh --docx: bien-dong.docx carries the same sentences, changes by unit and ranking as the JSON', async () => {
    const out = join(base, 'so-sanh-docx');
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts/tiendo.mjs'), 'so-sanh', '--lich-su', store, '--ky', '2025-11', '--json', '-', '--out', out, '--docx'], { cwd: ROOT });
    const c = JSON.parse(stdout) as HistoryComparison;
    const xml = docXml(join(out, 'bien-dong.docx'));
    const p = paragraphs(xml);
    expect(p).toContain('BIẾN ĐỘNG TÌNH HÌNH THỰC HIỆN NHIỆM VỤ');
    for (const sentence of c.sentences) expect(p).toContain(sentence);
    const rank = tables(xml).find((t) => t.some((r) => r.includes('Xếp hạng') || r.includes('Hạng')))!;
    expect(rank).toBeTruthy();
    for (const s of c.scores) {
      const row = rank.find((r) => r.includes(s.unit))!;
      expect(row, s.unit).toBeTruthy();
      if (s.score !== null) expect(row).toContain(formatNumber(s.score, Number.isInteger(s.score) ? 0 : 1));
    }
  }, 60_000);
});
