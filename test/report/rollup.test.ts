import { describe, expect, it } from 'vitest';
import { buildReport } from '../../report/report';
import { overdueList } from '../../report/overdue-list';
import { taskTable } from '../../report/task-table';
import { sectionRollup } from '../../report/section-rollup';
import { fileRollup } from '../../report/file-rollup';
import { headline, provinceSentence, sentences, unitList } from '../../report/sentences';
import { issue } from '../../core/issue';
import type { Task } from '../../core/model';
import { late, mkTask } from './rollup-helpers';

const NV = 'Bộ Nội vụ';
const YT = 'Bộ Y tế';
const TC = 'Bộ Tài chính';
const TP = 'Bộ Tư pháp';

function scenario(): Task[] {
  return [
    late([NV], 30, { stt: '1', row: 5, section: 'A. Nhiệm vụ chung' }),
    late([NV], 10, { stt: '2', row: 6, progress: 'in_progress', section: 'A. Nhiệm vụ chung' }),
    late([NV], 45, { stt: '3', row: 7, section: 'A. Nhiệm vụ chung' }),
    late([YT], 5, { stt: '4', row: 8, section: 'B. Nhiệm vụ cụ thể' }),
    late([YT, TC], 20, { stt: '5', row: 9, section: 'B. Nhiệm vụ cụ thể' }),
    late([TP], 3, { stt: '6', row: 10, file: 'b.xlsx' }),
    mkTask({ units: ['Bộ Công an'], progress: 'done', category: 'done_on_time', stt: '7', file: 'b.xlsx' }),
    mkTask({ units: ['Bộ Xây dựng'], progress: 'done_late', category: 'done_late', stt: '8', file: 'b.xlsx' }),
    mkTask({ units: ['Tỉnh Nghệ An'], progress: 'in_progress', category: 'open_in_time', stt: '9', file: 'c.xlsx' }),
    mkTask({ units: ['Tỉnh Nghệ An'], progress: 'unreported', category: 'open_in_time', stt: '10', file: 'c.xlsx' }),
    mkTask({ units: ['Các bộ, ngành, địa phương'], progress: 'in_progress', category: 'recurring', stt: '11', file: 'c.xlsx' }),
    mkTask({ units: ['Bộ Ngoại giao'], progress: 'stopped', category: 'stopped', stt: '12', file: 'c.xlsx' }),
  ];
}

function report(tasks = scenario()) {
  return buildReport({ asOf: '2025-11-15', sources: [{ file: 'all.xlsx', read: null, error: null, tasks }] });
}

describe('buildReport', () => {
  it('counts each task once in totals and once per lead unit', () => {
    const r = report();
    expect(r.totals).toEqual({
      tasks: 12, overdue: 6,
      progress: { done: 1, done_late: 1, in_progress: 3, not_done: 5, stopped: 1, unreported: 1, unknown: 0 },
      categories: { done_on_time: 1, done_late: 1, open_in_time: 2, open_overdue: 6, recurring: 1, stopped: 1 },
      progressSources: { typed: 11, tick: 0, inferred: 0, none: 1 }, unrecognised: 0,
    });
    expect(r.units.map((u) => [u.unit, u.tasks, u.overdue])).toEqual([
      ['Bộ Công an', 1, 0], ['Bộ Ngoại giao', 1, 0], [NV, 3, 3], [TC, 1, 1], [TP, 1, 1], ['Bộ Xây dựng', 1, 0], [YT, 2, 2],
      ['Các bộ, ngành, địa phương', 1, 0], ['Tỉnh Nghệ An', 2, 0],
    ]);
    const nv = r.units.find((u) => u.unit === NV)!;
    expect(nv.progress).toEqual({ done: 0, done_late: 0, in_progress: 1, not_done: 2, stopped: 0, unreported: 0, unknown: 0 });
    expect(nv.categories.open_overdue).toBe(3);
    expect(r.units.find((u) => u.unit === 'Bộ Xây dựng')!.doneRate).toBe(1);
    expect(r.tasks).toHaveLength(12);
    expect(r.tasks[4]).toMatchObject({ leadUnit: 'Bộ Y tế; Bộ Tài chính', leadUnits: [YT, TC], overdue: true, daysLate: 20 });
  });

  it('writes the headline in the seeds\u2019 style, singles grouped at the end', () => {
    expect(report().sentences).toEqual([
      'Đã hoàn thành 02/12 (16,7%) nhiệm vụ, trong đó 01 nhiệm vụ hoàn thành quá hạn; 06 nhiệm vụ quá hạn, chưa hoàn thành, '
        + 'thuộc trách nhiệm của 04 đơn vị: Bộ Nội vụ (03 nhiệm vụ), Bộ Y tế (02 nhiệm vụ), Bộ Tài chính, Bộ Tư pháp mỗi đơn vị 01 nhiệm vụ.',
      'Còn 02 nhiệm vụ chưa hoàn thành, chưa đến hạn.',
      'Có 01 nhiệm vụ thực hiện thường xuyên, không tính quá hạn.',
      'Có 01 nhiệm vụ dừng thực hiện.',
      'Có 01 nhiệm vụ chưa cập nhật tiến độ (cột Tiến độ để trống).',
    ]);
  });

  it('says so when nothing is overdue and nothing done late', () => {
    const r = report([mkTask({ progress: 'done', category: 'done_on_time' }), mkTask({ stt: '2' })]);
    expect(headline(r)).toBe('Đã hoàn thành 01/02 (50,0%) nhiệm vụ; không có nhiệm vụ quá hạn.');
  });

  it('handles an empty input', () => {
    const r = buildReport({ asOf: '2025-11-15', sources: [] });
    expect(r.totals.tasks).toBe(0);
    expect(r.units).toEqual([]);
    expect(r.sentences[0]).toBe('Đã hoàn thành 00/00 (0%) nhiệm vụ; không có nhiệm vụ quá hạn.');
  });

  it('lists rejected inputs with their reason and code', () => {
    const r = buildReport({
      asOf: '2025-11-15',
      sources: [
        { file: 'x.xls', read: null, error: issue('FILE_LEGACY_XLS', 'Tệp .xls cũ, cần lưu lại dạng .xlsx.', { file: 'x.xls' }) },
        { file: 'ok.xlsx', read: null, error: null, tasks: [mkTask({ file: 'ok.xlsx' })] },
      ],
    });
    expect(r.inputs[0]).toMatchObject({ file: 'x.xls', tasks: 0, error: 'Tệp .xls cũ, cần lưu lại dạng .xlsx.', errorCode: 'FILE_LEGACY_XLS' });
    expect(r.issues.map((i) => i.code)).toEqual(['FILE_LEGACY_XLS']);
    expect(r.totals.tasks).toBe(1);
  });
});

describe('provinceSentence', () => {
  const row = (province: string, communes: number, overdue: number) => ({ province, communes, overdue }) as unknown as NonNullable<Parameters<typeof provinceSentence>[0]['provinces']>[number];
  const totals = (overdue: number) => ({ overdue }) as Parameters<typeof provinceSentence>[0]['totals'];
  it('lists the overdue tasks by province when the communes span several, a non-commune lead as itself', () => {
    const provinces = [row('Tỉnh Nghệ An', 97, 1204), row('Tỉnh Lào Cai', 40, 12), row('Bộ Y tế', 0, 3), row('Tỉnh Gia Lai', 5, 0)];
    expect(provinceSentence({ totals: totals(1219), provinces }))
      .toBe('Theo tỉnh, thành phố, nhiệm vụ quá hạn thuộc: Tỉnh Nghệ An (1.204 nhiệm vụ), Tỉnh Lào Cai (12 nhiệm vụ), Bộ Y tế (03 nhiệm vụ).');
  });
  it('says nothing for one province (the headline names its communes), no provinces or nothing overdue', () => {
    expect(provinceSentence({ totals: totals(5), provinces: [row('Tỉnh Nghệ An', 97, 5), row('Bộ Y tế', 0, 0)] })).toBe('');
    expect(provinceSentence({ totals: totals(5) })).toBe('');
    expect(provinceSentence({ totals: totals(0), provinces: [row('Tỉnh Nghệ An', 9, 0), row('Tỉnh Lào Cai', 4, 0)] })).toBe('');
  });
});

describe('unitList', () => {
  it('puts one single unit with its count', () => {
    expect(unitList([{ unit: YT, count: 3 }, { unit: TP, count: 1 }])).toBe('Bộ Y tế (03 nhiệm vụ), Bộ Tư pháp (01 nhiệm vụ)');
  });
  it('orders by count desc then name, and pads to two digits', () => {
    expect(unitList([{ unit: 'B', count: 12 }, { unit: 'A', count: 12 }, { unit: 'C', count: 0 }])).toBe('A (12 nhiệm vụ), B (12 nhiệm vụ)');
  });
});

describe('tables', () => {
  it('lists overdue tasks by unit, most late first', () => {
    const tasks = scenario();
    const list = overdueList(taskTable(tasks), tasks);
    expect(list.map((e) => [e.unit, e.stt, e.daysLate])).toEqual([
      [NV, '3', 45], [NV, '1', 30], [NV, '2', 10], [TC, '5', 20], [TP, '6', 3], [YT, '5', 20], [YT, '4', 5],
    ]);
  });

  it('rolls up per section and per file, each task once', () => {
    const t = taskTable(scenario());
    const sections = sectionRollup(t).objects() as Record<string, unknown>[];
    expect(sections.map((s) => [s.file, s.section, s.tasks, s.overdue])).toEqual([
      ['a.xlsx', 'A. Nhiệm vụ chung', 3, 3], ['a.xlsx', 'B. Nhiệm vụ cụ thể', 2, 2], ['b.xlsx', '', 3, 1], ['c.xlsx', '', 4, 0],
    ]);
    const files = fileRollup(t).objects() as Record<string, unknown>[];
    expect(files.map((f) => [f.file, f.tasks, f.done, f.p_unreported])).toEqual([['a.xlsx', 5, 0, 0], ['b.xlsx', 3, 2, 0], ['c.xlsx', 4, 0, 1]]);
  });
});

describe('re-submissions', () => {
  const first = mkTask({ file: 'bo-y-te.xlsx', task: 'Tích hợp dịch vụ công', units: [YT], progress: 'in_progress', row: 7 });
  const corrected = mkTask({ file: 'bo-y-te-sua.xlsx', task: 'Tích hợp dịch vụ công', units: [YT], progress: 'done', category: 'done_on_time', row: 9 });
  const src = (t: Task, mtime: number) => ({ file: t.file, read: null, error: null, mtime, tasks: [t] });

  it('keeps the newest file and lists a conflict', () => {
    // The correction's path sorts first, so only its newer mtime can make it win.
    const r = buildReport({ asOf: '2025-11-15', sources: [src(first, 1_000_000), src(corrected, 9_000_000)] });
    expect(r.tasks.map((t) => [t.file, t.progress])).toEqual([['bo-y-te-sua.xlsx', 'done']]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'RESUBMISSION_CONFLICT', file: 'bo-y-te.xlsx', row: 7, severity: 'warning' });
    expect(r.issues[0].message).toBe('Nhiệm vụ STT 1 "Tích hợp dịch vụ công" (Bộ Y tế) cũng có trong tệp "bo-y-te-sua.xlsx" hàng 9; '
      + 'dùng bản đó, bỏ bản trong tệp này. Tiến độ "Đang thực hiện" khác "Đã hoàn thành".');
  });

  it('counts files written within 2 s of each other as equally new', () => {
    const r = buildReport({ asOf: '2025-11-15', sources: [src(first, 1_000_000), src(corrected, 1_001_500)] });
    expect(r.tasks.map((t) => t.file)).toEqual(['bo-y-te.xlsx']);
  });

  it('breaks an mtime tie by the later path', () => {
    const r = buildReport({ asOf: '2025-11-15', sources: [src(corrected, 5), src(first, 5)] });
    expect(r.tasks.map((t) => t.file)).toEqual(['bo-y-te.xlsx']);
  });

  it('prefers a copy that reports over a newer blank master row', () => {
    const master = mkTask({ file: 'master.xlsx', task: 'Tích hợp dịch vụ công', units: [YT], progress: 'unreported', progressText: '' });
    const r = buildReport({ asOf: '2025-11-15', sources: [src(corrected, 1), src(master, 9)] });
    expect(r.tasks.map((t) => t.file)).toEqual(['bo-y-te-sua.xlsx']);
    expect(r.issues.map((i) => [i.code, i.file, i.severity])).toEqual([['DUPLICATE_TASK', 'master.xlsx', 'info']]);
  });

  it('merges by task ID even when the text was edited', () => {
    const a = mkTask({ file: 'a.xlsx', task: 'Tích hợp dịch vụ công', taskId: 'T-001', progress: 'in_progress' });
    const b = mkTask({ file: 'b.xlsx', task: 'Tích hợp 04 dịch vụ công thiết yếu', taskId: 'T-001', progress: 'in_progress' });
    const r = buildReport({ asOf: '2025-11-15', sources: [src(a, 1), src(b, 2)] });
    expect(r.tasks.map((t) => t.file)).toEqual(['b.xlsx']);
    expect(r.issues.map((i) => i.code)).toEqual(['DUPLICATE_TASK']);
  });

  it('keeps every copy with keepDuplicates', () => {
    const r = buildReport({ asOf: '2025-11-15', keepDuplicates: true, sources: [src(first, 1), src(corrected, 2)] });
    expect(r.tasks).toHaveLength(2);
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['DUPLICATE_TASK', 'bo-y-te-sua.xlsx']]);
  });

  it('keeps every unit\u2019s report of a group-led task, absorbing only the blank master row', () => {
    const g = { units: ['Các bộ, ngành, địa phương'], group: true, task: 'Tuyên truyền về chuyển đổi số' };
    const master = mkTask({ ...g, file: 'master.xlsx', progress: 'unreported', progressText: '' });
    const a = mkTask({ ...g, file: 'bo-y-te.xlsx', progress: 'done', category: 'done_on_time' });
    const b = mkTask({ ...g, file: 'bo-noi-vu.xlsx', progress: 'in_progress' });
    const r = buildReport({ asOf: '2025-11-15', sources: [src(master, 9_000_000), src(a, 1), src(b, 2)] });
    expect(r.tasks.map((t) => t.file)).toEqual(['bo-y-te.xlsx', 'bo-noi-vu.xlsx']);
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['DUPLICATE_TASK', 'master.xlsx']]);
  });

  it('keeps two rows of the same file', () => {
    const again = { ...first, row: 8 };
    const r = buildReport({ asOf: '2025-11-15', sources: [{ file: first.file, read: null, error: null, tasks: [first, again] }] });
    expect(r.tasks).toHaveLength(2);
    expect(r.issues).toEqual([]);
  });
});

describe('sent but not returned', () => {
  it('lists per unit what was not returned, and flags unknown IDs', () => {
    const returned = [mkTask({ taskId: 'T1', units: [NV] }), mkTask({ taskId: 'T9', units: [NV], stt: '2', row: 6 })];
    const r = buildReport({
      asOf: '2025-11-15',
      sources: [{ file: 'a.xlsx', read: null, error: null, tasks: returned }],
      sent: [
        { taskId: 'T1', unit: NV }, { taskId: 'T2', unit: YT, stt: '3', task: 'Báo cáo Thủ tướng' },
        { taskId: 'T3', unit: YT }, { taskId: 'T4', unit: TP },
      ],
    });
    expect(r.notReturned).toEqual([{ unit: TP, tasks: 1 }, { unit: YT, tasks: 2 }]);
    expect(r.issues.filter((i) => i.code === 'NOT_RETURNED').map((i) => i.message)[0]).toBe('Bộ Y tế chưa báo cáo nhiệm vụ STT 3 "Báo cáo Thủ tướng" (mã T2).');
    expect(r.tasks[1].issues.map((i) => i.code)).toEqual(['UNKNOWN_TASK_ID']);
    expect(sentences(r).at(-1)).toBe('Có 02 đơn vị chưa báo cáo 03 nhiệm vụ đã giao: Bộ Y tế (02 nhiệm vụ), Bộ Tư pháp (01 nhiệm vụ).');
  });

  it('matches a returned row that lost its ID by task text and unit, and flags it', () => {
    const lost = mkTask({ taskId: null, units: [YT], task: 'Báo cáo  Thủ tướng.', section: 'A. Nhiệm vụ chung' });
    const r = buildReport({
      asOf: '2025-11-15',
      sources: [{ file: 'a.xlsx', read: null, error: null, tasks: [lost] }],
      sent: [{ taskId: 'T2', unit: YT, task: 'Báo cáo Thủ tướng', section: 'A. Nhiệm vụ chung' }, { taskId: 'T3', unit: YT, task: 'Khác' }],
    });
    expect(r.notReturned).toEqual([{ unit: YT, tasks: 1 }]);
    expect(r.issues.map((i) => i.message)).toEqual(['Bộ Y tế chưa báo cáo nhiệm vụ "Khác" (mã T3).']);
    expect(r.tasks[0].issues.map((i) => i.code)).toEqual(['NO_TASK_ID']);
  });
});
