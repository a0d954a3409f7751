/** Duplicate returns found by content (report/duplicate-files.ts), on hand-built tasks. */
import { describe, expect, it } from 'vitest';
import { findDuplicateFiles, fingerprint, type FileTasks } from '../../report/duplicate-files';
import { buildReport } from '../../report/report';
import type { Task } from '../../core/model';
import { mkTask } from './rollup-helpers';

const G = { units: ['Các bộ, ngành, địa phương'], group: true };

function ret(file: string, mtime: number, over: (i: number) => Partial<Task> = () => ({})): FileTasks {
  const tasks = [1, 2, 3].map((i) => ({
    ...mkTask({ file, row: 4 + i, stt: String(i), task: `Nhiệm vụ ${i}`, ...(i === 2 ? G : {}), due: '2025-09-30', result: i === 1 ? 'Đã ban hành Kế hoạch số 12/KH' : '' }),
    ...over(i),
  }));
  return { file, tasks, mtime };
}

describe('findDuplicateFiles', () => {
  it('content, not layout: other rows, sheet, case, spacing and tone placement do not make another return', () => {
    const a = ret('a.xlsx', 1);
    const b = ret('b.xlsx', 1, (i) => ({ row: 10 + i, sheet: 'Sheet1', resultText: i === 1 ? '  ĐÃ BAN HÀNH  kế hoạch số 12/KH ' : '', progressText: 'đang  thực hiện' }));
    expect(fingerprint(a)).toBe(fingerprint(b));
    const d = findDuplicateFiles([a, b]);
    expect([...d.duplicateOf]).toEqual([['a.xlsx', 'b.xlsx']]); // tie on time: the later path is kept
    expect(d.issues.map((i) => [i.code, i.severity, i.file])).toEqual([['DUPLICATE_FILE', 'warning', 'a.xlsx']]);
  });

  it('one changed status, result, deadline, lead or extra cell is another return', () => {
    const a = ret('a.xlsx', 1);
    const changes: ((i: number) => Partial<Task>)[] = [
      (i) => (i === 3 ? { progress: 'done', progressText: 'Đã hoàn thành' } : {}),
      (i) => (i === 2 ? { resultText: 'Đã triển khai' } : {}),
      (i) => (i === 1 ? { deadline: { text: '31/10/2025', due: '2025-10-31', kind: 'date' } } : {}),
      (i) => (i === 1 ? { leadUnitText: 'Bộ Y tế' } : {}),
      (i) => (i === 1 ? { extra: { 'Ghi chú': 'đã gửi lại' } } : {}),
    ];
    for (const change of changes) expect(findDuplicateFiles([a, ret('b.xlsx', 1, change)]).issues).toEqual([]);
  });

  it('the newest of three copies is kept; empty files are never duplicates', () => {
    const d = findDuplicateFiles([ret('x.xlsx', 5_000), ret('y.xlsx', 9_000), ret('z.xlsx', 1_000), { file: 'e1.xlsx', tasks: [], mtime: 0 }, { file: 'e2.xlsx', tasks: [], mtime: 0 }]);
    expect([...d.duplicateOf].sort()).toEqual([['x.xlsx', 'y.xlsx'], ['z.xlsx', 'y.xlsx']]);
  });

  it('buildReport: the copy\u2019s tasks are not counted, group-led ones included', () => {
    const src = (f: FileTasks) => ({ file: f.file, read: null, error: null, mtime: f.mtime, tasks: f.tasks });
    const one = buildReport({ asOf: '2025-11-15', sources: [src(ret('a.xlsx', 1))] });
    const two = buildReport({ asOf: '2025-11-15', sources: [src(ret('a.xlsx', 1)), src(ret('a (1).xlsx', 1))] });
    expect(two.totals).toEqual(one.totals);
    expect(two.inputs.map((i) => [i.file, i.duplicateOf ?? null])).toEqual([['a.xlsx', null], ['a (1).xlsx', 'a.xlsx']]);
    expect(two.issues.map((i) => i.code)).toEqual(['DUPLICATE_FILE']);
  });

  it('under a group lead, a copy repeating another file\u2019s result word for word is one unit\u2019s report sent twice', () => {
    const g = (file: string, result: string, progress: Task['progress'] = 'in_progress') => mkTask({ ...G, file, task: 'Tuyên truyền', result, progress });
    // Each file also holds a task of its own, so the files are not copies of each other.
    const src = (t: Task, mtime: number) => ({ file: t.file, read: null, error: null, mtime, tasks: [t, mkTask({ file: t.file, row: 9, task: `Riêng ${t.file}` })] });
    const same = buildReport({ asOf: '2025-11-15', sources: [src(g('a.xlsx', 'Đã tổ chức 12 hội nghị'), 1), src(g('b.xlsx', 'Đã tổ chức 12  hội nghị.'), 9_000)] });
    expect(same.tasks.filter((t) => t.task === 'Tuyên truyền').map((t) => t.file)).toEqual(['b.xlsx']);
    expect(same.issues.map((i) => [i.code, i.file])).toEqual([['DUPLICATE_TASK', 'a.xlsx']]);
    // Two units' own words, or a status with no result (cannot tell two units apart): both count.
    const own = buildReport({ asOf: '2025-11-15', sources: [src(g('a.xlsx', 'Đã tổ chức 12 hội nghị'), 1), src(g('b.xlsx', 'Đã phát 300 tờ rơi'), 9_000)] });
    expect(own.tasks.filter((t) => t.task === 'Tuyên truyền')).toHaveLength(2);
    const bare = buildReport({ asOf: '2025-11-15', sources: [src(g('a.xlsx', ''), 1), src(g('b.xlsx', ''), 9_000)] });
    expect(bare.tasks.filter((t) => t.task === 'Tuyên truyền')).toHaveLength(2);
  });
});
