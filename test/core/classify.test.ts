import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../xlsx/read';
import { classifyRead, readWorkbook } from '../../core/table/read';
import { classifyTask, rowIssues } from '../../core/classify';
import { parseDeadline } from '../../core/deadline';
import { parseStatus } from '../../core/status';
import type { ParsedTask } from '../../core/model';
import type { CellValue } from '../../core/grid';

/** A task as the table reader would build it from row 12 (deadline in E, result in F, status in G). */
function task(deadline: CellValue, status: CellValue, result = '', extra: Partial<ParsedTask> = {}): ParsedTask {
  const s = parseStatus(status);
  return {
    file: 'bo-noi-vu.xlsx',
    sheet: 'Phụ lục II',
    row: 12,
    stt: '4',
    section: null,
    task: 'Xây dựng, trình Chính phủ Nghị định sửa đổi',
    leadUnitText: 'Bộ Nội vụ',
    leadUnits: [{ name: 'Bộ Nội vụ', known: true, kind: 'ministry' }],
    coUnitsText: '',
    coUnits: [],
    deadline: parseDeadline(deadline),
    resultText: result,
    progressText: s.text,
    progress: s.progress,
    progressSource: s.text ? 'typed' : 'none',
    dueSource: 'typed',
    extra: {},
    taskId: null,
    cells: { stt: 'A12', task: 'B12', lead: 'C12', deadline: 'E12', result: 'F12', status: 'G12' },
    issues: [],
    ...extra,
  };
}

const codes = (t: { issues: { code: string }[] }) => t.issues.map((i) => i.code);

describe('classifyTask: categories and overdue', () => {
  it('open task: due before asOf is overdue, due == asOf is not', () => {
    const t = task('31/10/2025', 'Đang thực hiện');
    expect(classifyTask(t, '2025-10-30')).toMatchObject({ category: 'open_in_time', overdue: false, daysLate: null, asOf: '2025-10-30' });
    expect(classifyTask(t, '2025-10-31')).toMatchObject({ category: 'open_in_time', overdue: false, daysLate: null });
    expect(classifyTask(t, '2025-11-01')).toMatchObject({ category: 'open_overdue', overdue: true, daysLate: 1 });
    expect(classifyTask(t, '2025-11-12')).toMatchObject({ category: 'open_overdue', overdue: true, daysLate: 12 });
    expect(classifyTask(t, '2026-01-01')).toMatchObject({ daysLate: 62 });
  });

  it('month, quarter and year deadlines end on the last day of the period', () => {
    expect(classifyTask(task('Tháng 3/2025', 'Chưa hoàn thành'), '2025-03-31').overdue).toBe(false);
    expect(classifyTask(task('Tháng 3/2025', 'Chưa hoàn thành'), '2025-04-01')).toMatchObject({ overdue: true, daysLate: 1 });
    expect(classifyTask(task('Quý II/2025', 'Đang thực hiện'), '2025-07-15')).toMatchObject({ overdue: true, daysLate: 15 });
    expect(classifyTask(task('Năm 2025', 'Đang thực hiện'), '2025-12-31').overdue).toBe(false);
  });

  it('blank and unknown statuses count as open', () => {
    expect(classifyTask(task('31/10/2025', null), '2025-11-05')).toMatchObject({ category: 'open_overdue', overdue: true, daysLate: 5 });
    expect(classifyTask(task('31/10/2025', 'Xong một phần'), '2025-11-05')).toMatchObject({ category: 'open_overdue', overdue: true });
    expect(classifyTask(task('31/12/2025', null), '2025-11-05')).toMatchObject({ category: 'open_in_time', overdue: false });
  });

  it('done and done late keep their declared category, never overdue', () => {
    expect(classifyTask(task('31/10/2025', 'Đã hoàn thành'), '2025-12-01')).toMatchObject({ category: 'done_on_time', overdue: false, daysLate: null });
    expect(classifyTask(task('31/10/2025', 'Đã hoàn thành quá hạn'), '2025-12-01')).toMatchObject({ category: 'done_late', overdue: false });
  });

  it('recurring is never overdue; stopped wins over everything', () => {
    expect(classifyTask(task('Thực hiện thường xuyên', 'Đang thực hiện'), '2030-01-01')).toMatchObject({ category: 'recurring', overdue: false, daysLate: null });
    expect(classifyTask(task('Thực hiện thường xuyên', 'Dừng thực hiện'), '2030-01-01').category).toBe('stopped');
    expect(classifyTask(task('31/10/2025', 'Tạm dừng'), '2025-12-01')).toMatchObject({ category: 'stopped', overdue: false });
    expect(codes(classifyTask(task('Hằng tháng', 'Đang thực hiện'), '2030-01-01'))).toEqual([]);
  });

  it('ongoing deadlines fall due at their first milestone', () => {
    const t = task('Tháng 12/2025 và những năm tiếp theo', 'Đang thực hiện');
    expect(classifyTask(t, '2025-12-31').overdue).toBe(false);
    expect(classifyTask(t, '2026-01-10')).toMatchObject({ category: 'open_overdue', daysLate: 10 });
  });

  it('a task without a due date is open in time', () => {
    expect(classifyTask(task(null, 'Đang thực hiện'), '2030-01-01')).toMatchObject({ category: 'open_in_time', overdue: false });
    expect(classifyTask(task('sau khi Luật được thông qua', 'Chưa hoàn thành'), '2030-01-01')).toMatchObject({ category: 'open_in_time' });
  });

  it('leadUnit joins canonical names, else keeps the cell text; the input is not mutated', () => {
    const two = task('31/10/2025', 'Đang thực hiện', '', {
      leadUnitText: 'Bộ KH&CN, Bộ Công an',
      leadUnits: [{ name: 'Bộ Khoa học và Công nghệ', known: true }, { name: 'Bộ Công an', known: true }],
    });
    expect(classifyTask(two, '2025-10-01').leadUnit).toBe('Bộ Khoa học và Công nghệ; Bộ Công an');
    const none = task('31/10/2025', 'Đang thực hiện', '', { leadUnitText: 'Ban Quản lý dự án X', leadUnits: [] });
    expect(classifyTask(none, '2025-10-01').leadUnit).toBe('Ban Quản lý dự án X');
    const t = task('31/10/2025', 'Đang thực hiện');
    classifyTask(t, '2025-12-01');
    expect(t.issues).toEqual([]);
    expect('category' in t).toBe(false);
  });
});

describe('classifyTask: contradictions', () => {
  it('an open task past its deadline is overdue, not a contradiction: no issue (issue 9)', () => {
    for (const status of ['Đang thực hiện', 'Chưa hoàn thành', 'Đang triển khai', 'Quá hạn, chưa hoàn thành', 'Đang thực hiện quá hạn']) {
      const c = classifyTask(task('31/10/2025', status), '2025-11-12');
      expect([status, c.category, codes(c)]).toEqual([status, 'open_overdue', []]);
    }
    // "Chưa hoàn thành" says as much even long after the deadline.
    expect(codes(classifyTask(task('31/10/2025', 'Chưa hoàn thành'), '2026-06-30'))).toEqual([]);
  });

  it('OVERDUE_IN_PROGRESS: the status cell says in time while the deadline has passed', () => {
    const c = classifyTask(task('31/10/2025', 'Đang thực hiện, trong hạn'), '2025-11-12');
    expect(c.category).toBe('open_overdue');
    expect(c.issues).toEqual([{
      code: 'OVERDUE_IN_PROGRESS',
      severity: 'warning',
      message: 'Ô G12: tiến độ “Đang thực hiện, trong hạn” ghi là còn trong hạn nhưng đã quá thời hạn 31/10/2025 (quá 12 ngày tính đến 12/11/2025); tính là quá hạn.',
      file: 'bo-noi-vu.xlsx',
      sheet: 'Phụ lục II',
      row: 12,
      cell: 'G12',
    }]);
    expect(codes(classifyTask(task('31/10/2025', 'Chưa đến hạn'), '2025-11-03'))).toEqual(['OVERDUE_IN_PROGRESS']);
    expect(classifyTask(task('31/10/2025', 'Chưa đến hạn'), '2025-11-03').issues[0].message).toContain('quá 03 ngày');
    expect(codes(classifyTask(task('31/10/2025', 'Đang triển khai, chưa đến hạn'), '2025-10-31'))).toEqual([]);
  });

  it('LONG_OVERDUE (info): "Đang thực hiện" more than 90 days past due', () => {
    // 31/10/2025 + 90 days = 29/01/2026: still quiet; one day more, an info.
    expect(codes(classifyTask(task('31/10/2025', 'Đang thực hiện'), '2026-01-29'))).toEqual([]);
    const c = classifyTask(task('31/10/2025', 'Đang thực hiện'), '2026-01-30');
    expect(c.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([['LONG_OVERDUE', 'info', 'G12']]);
    expect(c.issues[0].message).toBe('Ô G12: tiến độ “Đang thực hiện” đã quá thời hạn 31/10/2025 91 ngày: kiểm tra tiến độ còn đúng không, hoặc nhiệm vụ đã được gia hạn chưa.');
  });

  it('no issue when in time or when blank (blank is NO_STATUS)', () => {
    expect(codes(classifyTask(task('31/10/2025', 'Đang thực hiện'), '2025-10-31'))).toEqual([]);
    expect(codes(classifyTask(task('31/10/2025', null), '2025-11-12'))).toEqual(['NO_STATUS']);
  });

  it('DONE_AFTER_DEADLINE: done on time but the result cites a later document', () => {
    const t = task('31/10/2025', 'Đã hoàn thành', 'Đã ban hành Quyết định số 1234/QĐ-BNV ngày 05/11/2025.');
    const c = classifyTask(t, '2025-11-20');
    expect(c.category).toBe('done_on_time');
    expect(c.issues).toEqual([{
      code: 'DONE_AFTER_DEADLINE',
      severity: 'warning',
      message: 'Ô G12: tiến độ “Đã hoàn thành” nhưng kết quả thực hiện dẫn văn bản ngày 05/11/2025, sau thời hạn 31/10/2025.',
      file: 'bo-noi-vu.xlsx', sheet: 'Phụ lục II', row: 12, cell: 'G12',
      suggestion: 'Đã hoàn thành quá hạn',
    }]);
  });

  it('DONE_AFTER_DEADLINE uses the latest recorded date and ignores plans and start dates', () => {
    const cites = (result: string, asOf = '2025-11-20') => codes(classifyTask(task('31/10/2025', 'Đã hoàn thành', result), asOf));
    expect(cites('tại công văn số 6001/BKHCN-CĐSQG ngày 24/10/2025')).toEqual([]);
    expect(cites('Kế hoạch số 1 ngày 01/9/2025; Báo cáo số 2 ngày 3 tháng 11 năm 2025')).toEqual(['DONE_AFTER_DEADLINE']);
    expect(cites('Đã ban hành ngày 20/10/2025, có hiệu lực từ ngày 01/01/2026')).toEqual([]);
    expect(cites('Đã hoàn thành trước ngày 30/11/2025')).toEqual([]);
    expect(cites('Đã ban hành Quyết định ngày 05/11/2025', '2025-11-01')).toEqual([]);
    expect(cites('')).toEqual([]);
    expect(cites('Quyết định ngày 5 tháng 11 năm 2025'.normalize('NFD'))).toEqual(['DONE_AFTER_DEADLINE']);
    expect(codes(classifyTask(task('Thực hiện thường xuyên', 'Đã hoàn thành', 'Công văn ngày 05/11/2025'), '2025-12-01'))).toEqual([]);
  });

  it('DONE_LATE_BUT_ON_TIME: done late although the cited document predates the deadline (seed 004 task 4)', () => {
    const t = task('31/10/2025', 'Đã hoàn thành quá hạn', 'Bộ Nội vụ đã trình Chính phủ (Tờ trình số 123/TTr-BNV ngày 28/10/2025).');
    const c = classifyTask(t, '2025-11-15');
    expect(c.category).toBe('done_late');
    expect(c.issues).toEqual([{
      code: 'DONE_LATE_BUT_ON_TIME',
      severity: 'warning',
      message: 'Ô G12: tiến độ “Đã hoàn thành quá hạn” nhưng kết quả thực hiện dẫn văn bản ngày 28/10/2025, trong thời hạn 31/10/2025.',
      file: 'bo-noi-vu.xlsx', sheet: 'Phụ lục II', row: 12, cell: 'G12',
      suggestion: 'Đã hoàn thành',
    }]);
    expect(codes(classifyTask(task('31/10/2025', 'Đã hoàn thành quá hạn', 'Tờ trình số 9 ngày 04/11/2025'), '2025-11-15'))).toEqual([]);
  });

  it('DONE_SUGGESTED: blank status, result says complete; offered, never applied', () => {
    const t = task('31/10/2025', null, 'Bộ đã hoàn thành việc rà soát 342 thủ tục, đạt tỷ lệ 100%.');
    const c = classifyTask(t, '2025-11-12');
    expect(c.progress).toBe('unreported');
    expect(c.category).toBe('open_overdue');
    const s = c.issues.find((i) => i.code === 'DONE_SUGGESTED');
    expect(s).toEqual({
      code: 'DONE_SUGGESTED',
      severity: 'info',
      message: 'Ô G12: chưa báo cáo tiến độ nhưng kết quả thực hiện cho biết đã hoàn thành (“Bộ đã hoàn thành việc rà soát 342 thủ tục, đạt tỷ lệ 100%”); đề nghị ghi “Đã hoàn thành”.',
      file: 'bo-noi-vu.xlsx', sheet: 'Phụ lục II', row: 12, cell: 'G12',
      suggestion: 'Đã hoàn thành',
    });
    expect(codes(c)).toEqual(['NO_STATUS', 'DONE_SUGGESTED']);
  });

  it('DONE_SUGGESTED recognises issued documents and submissions, not open or partial work', () => {
    const suggested = (result: string, taskText?: string) =>
      codes(classifyTask(task('31/12/2025', null, result, taskText ? { task: taskText } : {}), '2025-11-01')).includes('DONE_SUGGESTED');
    expect(suggested('Đã ban hành Quyết định số 45/QĐ-UBND ngày 10/10/2025')).toBe(true);
    expect(suggested('Hoàn thành 100% hồ sơ')).toBe(true);
    expect(suggested('Đã trình Chính phủ tại Tờ trình số 123/TTr-BNV', 'Xây dựng, trình Chính phủ Nghị định')).toBe(true);
    expect(suggested('Đã trình lãnh đạo Bộ', 'Tổ chức hội nghị tập huấn')).toBe(false);
    expect(suggested('Đang thực hiện, dự kiến hoàn thành trong tháng 12')).toBe(false);
    expect(suggested('Đã hoàn thành 3/5 hạng mục')).toBe(false);
    expect(suggested('Đã hoàn thành rà soát, đạt 80%')).toBe(false);
    expect(suggested('Chưa hoàn thành')).toBe(false);
    expect(suggested('Phấn đấu hoàn thành trong năm 2025')).toBe(false);
    expect(suggested('')).toBe(false);
    expect(suggested('ĐÃ HOÀN THÀNH')).toBe(true);
    expect(suggested('Đã hoàn thành'.normalize('NFD'))).toBe(true);
    expect(suggested('da hoan thanh')).toBe(true);
    expect(codes(classifyTask(task('31/12/2025', 'Đang thực hiện', 'Đã hoàn thành 100%'), '2025-11-01'))).toEqual([]);
  });
});

describe('rowIssues', () => {
  it('NO_DEADLINE, DEADLINE_UNPARSED, NO_STATUS, UNKNOWN_STATUS name the cell', () => {
    expect(rowIssues(task(null, 'Đang thực hiện'))).toEqual([{
      code: 'NO_DEADLINE', severity: 'warning', message: 'Ô E12: chưa có thời hạn hoàn thành.',
      file: 'bo-noi-vu.xlsx', sheet: 'Phụ lục II', row: 12, cell: 'E12',
    }]);
    expect(rowIssues(task('31/02/2025', 'Đang thực hiện'))).toEqual([{
      code: 'DEADLINE_UNPARSED', severity: 'warning', message: 'Ô E12: không đọc được thời hạn “31/02/2025”; giữ nguyên nội dung, cần kiểm tra.',
      file: 'bo-noi-vu.xlsx', sheet: 'Phụ lục II', row: 12, cell: 'E12',
    }]);
    expect(rowIssues(task('31/10/2025', null)).map((i) => [i.code, i.message])).toEqual([['NO_STATUS', 'Ô G12: chưa báo cáo tiến độ.']]);
    expect(rowIssues(task('31/10/2025', 'Xong một phần')).map((i) => [i.code, i.message, i.cell])).toEqual([
      ['UNKNOWN_STATUS', 'Ô G12: không nhận ra tiến độ “Xong một phần”; giữ nguyên, cần kiểm tra.', 'G12'],
    ]);
    expect(rowIssues(task('31/10/2025', 'Đang thực hiện'))).toEqual([]);
  });

  it('without a column there is no per-row blank issue, and the row is named instead of a cell', () => {
    const t = task(null, null, '', { cells: { task: 'B12' } });
    expect(rowIssues(t)).toEqual([]);
    const u = task('sau Tết', 'Đang thực hiện', '', { cells: {} });
    expect(rowIssues(u)[0].message).toBe('Dòng 12: không đọc được thời hạn “sau Tết”; giữ nguyên nội dung, cần kiểm tra.');
  });

  it('classifyTask adds row issues the reader did not add, without doubling them', () => {
    const t = task('31/02/2025', 'Đang thực hiện');
    expect(codes(classifyTask(t, '2025-11-01'))).toEqual(['DEADLINE_UNPARSED']);
    const read = { ...t, issues: rowIssues(t) };
    expect(codes(classifyTask(read, '2025-11-01'))).toEqual(['DEADLINE_UNPARSED']);
  });
});

describe('classification of a real .xlsx appendix (ExcelJS written, lean reader, table reader)', () => {
  it('finds each contradiction on the row and cell where the unit wrote it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục II');
    ws.addRow(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ']);
    const rows: ExcelJS.CellValue[][] = [
      ['1', 'Xây dựng, trình Chính phủ Nghị định', 'Bộ Nội vụ', new Date(Date.UTC(2025, 9, 31)), 'Bộ Nội vụ đã trình Chính phủ (Tờ trình số 123/TTr-BNV ngày 28/10/2025)', 'Đã hoàn thành quá \nhạn'],
      ['2', 'Hoàn thiện phần mềm', 'Bộ Công an', new Date(Date.UTC(2025, 9, 31)), 'Đang triển khai thực hiện', 'Đang thực hiện'],
      ['3', 'Rà soát thủ tục hành chính', 'Bộ Tư pháp', 'Tháng 9/2025', 'Đã hoàn thành việc rà soát, đạt tỷ lệ 100%', null],
      ['4', 'Ban hành Kế hoạch', 'Bộ Tài chính', '31/10/2025', 'Đã ban hành Kế hoạch số 12/KH-BTC ngày 05/11/2025', 'ĐÃ HOÀN THÀNH'],
      ['5', 'Tuyên truyền', 'Bộ Văn hóa, Thể thao và Du lịch', 'Thực hiện thường xuyên', '', 'Đang thực hiện'],
      ['6', 'Báo cáo', 'Bộ Y tế', 'sau Tết', '', 'Xong một phần'],
    ];
    for (const r of rows) ws.addRow(r);
    ws.getColumn(4).numFmt = 'dd/mm/yyyy';
    const { grids, error } = readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), { file: 'phu-luc.xlsx' });
    expect(error).toBeNull();
    const tasks = classifyRead(readWorkbook(grids, { file: 'phu-luc.xlsx' }), '2025-11-12');
    expect(tasks.map((t) => [t.row, t.progress, t.deadline.due, t.category, t.daysLate])).toEqual([
      [2, 'done_late', '2025-10-31', 'done_late', null],
      [3, 'in_progress', '2025-10-31', 'open_overdue', 12],
      [4, 'unreported', '2025-09-30', 'open_overdue', 43],
      [5, 'done', '2025-10-31', 'done_on_time', null],
      [6, 'in_progress', null, 'recurring', null],
      [7, 'unknown', null, 'open_in_time', null],
    ]);
    const found = tasks.flatMap((t) => t.issues.filter((i) => i.code !== 'UNKNOWN_UNIT').map((i) => [i.code, i.cell]));
    expect(found).toEqual([
      ['DONE_LATE_BUT_ON_TIME', 'F2'],
      ['NO_STATUS', 'F4'],
      ['DONE_SUGGESTED', 'F4'],
      ['DONE_AFTER_DEADLINE', 'F5'],
      ['DEADLINE_UNPARSED', 'D7'],
      ['UNKNOWN_STATUS', 'F7'],
    ]);
  });
});

describe('classifyTask: the Task object', () => {
  /** What classifyTask returns, by its definition: the task with its issues and classification set, keys in order. */
  const reference = (t: ParsedTask, asOf: string): Record<string, unknown> => {
    const c = classifyTask(t, asOf);
    return { ...t, issues: c.issues, leadUnit: c.leadUnit, asOf: c.asOf, category: c.category, overdue: c.overdue, daysLate: c.daysLate };
  };

  it('has the keys of the task then the classification, in order, whatever the task layout', () => {
    const plain = task('31/10/2025', 'Đang thực hiện');
    const withReason = { ...plain, progressSource: 'inferred' as const, progressReason: 'kết quả ghi đã hoàn thành' };
    // The reader's key order with the reason after progressSource (as core/table/rows.ts writes it).
    const { dueSource, extra, taskId, cells, issues, ...head } = withReason;
    const readerReason: ParsedTask = { ...head, dueSource, extra, taskId, cells, issues };
    const reordered = { ...Object.fromEntries(Object.entries(plain).reverse()), note: 'x' } as unknown as ParsedTask;
    const asTask = classifyTask(plain, '2025-11-15');
    for (const t of [plain, withReason, readerReason, reordered, asTask]) {
      const got = classifyTask(t, '2025-11-15');
      expect(Object.keys(got)).toEqual(Object.keys(reference(t, '2025-11-15')));
      expect(JSON.stringify(got)).toBe(JSON.stringify(reference(t, '2025-11-15')));
    }
    expect(Object.keys(classifyTask(readerReason, '2025-11-15'))).toContain('progressReason');
  });
});
