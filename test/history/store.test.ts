/** The store and its SQL on hand-made rows: ambiguous matches, tiendo IDs, streak breaks, extensions. */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparePeriods, HistoryError } from '../../history/compare';
import { listPeriods, recordPeriod } from '../../history/store';
import type { HistoryRow } from '../../report/history/types';
import { fixturePath } from '../fixtures/appendix';

const row = (period: string, key: string, over: Partial<HistoryRow> = {}): HistoryRow => ({
  period, asOf: `${period}-15`, matchKey: `Bộ Tư pháp|B|${key}`, taskId: null, taskKey: `B|${key}`, leadUnit: 'Bộ Tư pháp', leadUnits: ['Bộ Tư pháp'],
  stt: key, section: 'B. Nhiệm vụ cụ thể', task: `Nhiệm vụ ${key}`, deadlineText: '30/06/2025', due: '2025-06-30', dueSource: 'typed',
  progress: 'not_done', progressText: 'Chưa hoàn thành', category: 'open_overdue', overdue: true, daysLate: 10, result: '',
  hasPlan: false, extensionNoted: false, file: 'bo-tu-phap.xlsx', sheet: 'Phụ lục', row: 5, ...over,
});
const inTime = { category: 'open_in_time' as const, overdue: false, daysLate: null, due: '2026-06-30', deadlineText: '30/06/2026' };

describe('history store', () => {
  const dir = fixturePath('history-store');

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    // a: overdue 01, 02, absent 03, overdue 04, 05 → streak 2 (absence breaks it)
    // b: duplicated in 05 (same unit and text twice) → ambiguous
    // c: tiendo ID; its text is rewritten in 05 but the ID matches it
    // d: due moved later with "gia hạn" in the result (no issue); e: moved later silently (issue); f: moved earlier (no issue)
    await recordPeriod(dir, '2025-01', [row('2025-01', 'a')]);
    await recordPeriod(dir, '2025-02', [row('2025-02', 'a')]);
    await recordPeriod(dir, '2025-03', [row('2025-03', 'z')]);
    await recordPeriod(dir, '2025-04', [row('2025-04', 'a'), row('2025-04', 'b'),
      row('2025-04', 'c', { taskId: 'CT-01', matchKey: 'id:CT-01' }),
      row('2025-04', 'd', inTime), row('2025-04', 'e', inTime), row('2025-04', 'f', inTime)]);
    await recordPeriod(dir, '2025-05', [row('2025-05', 'a'), row('2025-05', 'b', { row: 7 }), row('2025-05', 'b', { row: 9 }),
      row('2025-05', 'c2', { taskId: 'CT-01', matchKey: 'id:CT-01', task: 'Nhiệm vụ c (viết lại)' }),
      row('2025-05', 'd', { ...inTime, due: '2026-09-30', extensionNoted: true }),
      row('2025-05', 'e', { ...inTime, due: '2026-09-30' }),
      row('2025-05', 'f', { ...inTime, due: '2026-03-31' })]);
    writeFileSync(join(dir, 'ghi-chu.txt'), 'not a period');
  });

  it('lists only YYYY-MM.parquet files', async () => {
    expect((await listPeriods(dir)).map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('ambiguous rows are flagged, listed and matched with nothing', async () => {
    const c = await comparePeriods(dir);
    const b = c.tasks.filter((t) => t.taskKey === 'B|b');
    expect(b.map((t) => [t.change, t.row])).toEqual([['ambiguous', 7], ['ambiguous', 9]]);
    const amb = c.issues.filter((i) => i.code === 'HISTORY_AMBIGUOUS_MATCH');
    expect(amb).toHaveLength(1);
    expect(amb[0].message).toContain('bo-tu-phap.xlsx dòng 7; bo-tu-phap.xlsx dòng 9');
    expect(c.changes.missingTasks).toBe(0); // b of 04 is not reported missing either
    expect(c.sentences).toContain('Có 01 nhóm nhiệm vụ trùng nội dung không ghép được giữa các kỳ, cần kiểm tra.');
  });

  it('a streak is broken by a period without the task; the tiendo ID matches rewritten text', async () => {
    const c = await comparePeriods(dir);
    expect(c.tasks.find((t) => t.taskKey === 'B|a')).toMatchObject({ change: 'still_overdue', overdueStreak: 2 });
    expect(c.tasks.find((t) => t.taskId === 'CT-01')).toMatchObject({ change: 'still_overdue', overdueStreak: 2 });
    const older = await comparePeriods(dir, { period: '2025-02' });
    expect(older.tasks.find((t) => t.taskKey === 'B|a')?.overdueStreak).toBe(2);
  });

  it('only a later deadline without an extension noted is an issue', async () => {
    const c = await comparePeriods(dir);
    expect(['d', 'e', 'f'].map((k) => c.tasks.find((t) => t.taskKey === `B|${k}`)?.change)).toEqual(['deadline_changed', 'deadline_changed', 'deadline_changed']);
    const issues = c.issues.filter((i) => i.code === 'DEADLINE_CHANGED_UNAPPROVED');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('“Nhiệm vụ e”');
  });

  it('unknown periods are usage errors', async () => {
    await expect(comparePeriods(dir, { period: '2024-12' })).rejects.toBeInstanceOf(HistoryError);
    await expect(comparePeriods(dir, { period: '2025-04', previous: '2025-05' })).rejects.toThrow('phải trước');
    await expect(comparePeriods(fixturePath('history-none'))).rejects.toThrow('Chưa có kỳ báo cáo nào');
    await expect(recordPeriod(dir, '2025-13', [])).rejects.toThrow('Kỳ báo cáo không hợp lệ');
  });
});
