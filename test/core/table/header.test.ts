import { describe, expect, it } from 'vitest';
import type { CellValue, Grid, MergeRange } from '../../../core/grid';
import { columnRole, findHeader, isColumnNumberRow } from '../../../core/table/header';
import { readSheet } from '../../../core/table/read';
import { encodeLegacy } from '../../support/legacy';

const grid = (rows: CellValue[][], merges: MergeRange[] = [], name = 'Sheet1'): Grid => ({ name, rows, merges });

describe('columnRole', () => {
  it.each([
    ['STT', 'stt'], ['TT', 'stt'], ['Số TT', 'stt'],
    ['Tên nhiệm vụ', 'task'], ['Nhiệm vụ', 'task'], ['Nội dung nhiệm vụ', 'task'], ['Nội dung công việc', 'task'], ['NHIỆM VỤ', 'task'],
    ['Đơn vị chủ trì', 'lead'], ['Cơ quan chủ trì', 'lead'], ['Chủ trì', 'lead'], ['Cơ quan thực hiện', 'lead'],
    ['Đơn vị phối hợp', 'co'], ['Cơ quan phối hợp', 'co'], ['Phối hợp', 'co'],
    ['Thời hạn', 'deadline'], ['Thời hạn\nhoàn thành', 'deadline'], ['THỜI GIAN HOÀN THÀNH', 'deadline'],
    ['Kết quả thực hiện', 'result'], ['Kết quả', 'result'],
    ['Tiến độ', 'status'], ['Tiến độ thực hiện', 'status'], ['Tình trạng', 'status'],
    ['Ghi chú', 'note'], ['Mã nhiệm vụ (tiendo)', 'id'],
  ])('%s → %s', (text, role) => {
    expect(columnRole(text)).toBe(role);
  });

  it('gives no role to other text', () => {
    expect(columnRole('Phụ lục')).toBeNull();
    expect(columnRole('')).toBeNull();
    expect(columnRole('Xây dựng Kế hoạch triển khai nhiệm vụ chuyển đổi số quốc gia năm 2025 theo hướng rõ người, rõ việc')).toBeNull();
  });
});

describe('findHeader', () => {
  it('finds a header in column C under a title, skipping a "(1) (2)" row', () => {
    const g = grid([
      [null, null, 'Phụ lục'],
      [],
      [null, null, 'Số TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời hạn', 'Tình trạng', 'Ghi chú', 'Đơn giá'],
      [null, null, '(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
      [null, null, 1, 'Việc một', 'Bộ Y tế', 'Tháng 3/2025', 'Đã hoàn thành', null, null],
    ]);
    const layout = findHeader(g)!;
    expect(layout.headerRows).toEqual([3]);
    expect(layout.columns).toEqual({ stt: 2, task: 3, lead: 4, deadline: 5, status: 6, note: 7 });
    expect(layout.extras).toEqual([{ col: 7, header: 'Ghi chú' }, { col: 8, header: 'Đơn giá' }]);
    expect(layout.firstDataRow).toBe(4);
  });

  it('returns null when no row names three roles', () => {
    expect(findHeader(grid([['Báo cáo'], ['Tiến độ', 'tốt'], ['STT']]))).toBeNull();
    expect(findHeader(grid([]))).toBeNull();
  });

  it('reads a two-row header whose children the reader filled with the parent value', () => {
    const g = grid([
      ['TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Cơ quan thực hiện', 'Thời hạn'],
      ['TT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn'],
      ['1', 'Việc một', 'Bộ Y tế', 'Bộ Công an', 'Năm 2025'],
    ], [
      { top: 0, left: 2, bottom: 0, right: 3 }, { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 4, bottom: 1, right: 4 },
    ]);
    const layout = findHeader(g)!;
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns).toEqual({ stt: 0, task: 1, lead: 2, co: 3, deadline: 4 });
    expect(layout.firstDataRow).toBe(2);
  });
});

describe('readSheet on bare grids', () => {
  it('NO_TABLE for a sheet without a table', () => {
    const read = readSheet(grid([['Kính gửi: Văn phòng Chính phủ'], ['Nội dung báo cáo']]), { file: 'a.xlsx' });
    expect(read.layout).toBeNull();
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([['NO_TABLE', 'error']]);
  });

  it('MISSING_COLUMN error and no tasks when the task column is missing', () => {
    const read = readSheet(grid([['STT', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'], ['1', 'Bộ Y tế', 'Năm 2025', 'Đã hoàn thành']]), { file: 'a.xlsx' });
    expect(read.tasks).toEqual([]);
    expect(read.layout).toBeNull();
    expect(read.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['MISSING_COLUMN', 'error', 1]]);
  });

  it('gives a vertically merged lead unit to every task it covers, ignores a title merged across the width', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['NHIỆM VỤ TRỌNG TÂM', 'NHIỆM VỤ TRỌNG TÂM', 'NHIỆM VỤ TRỌNG TÂM', 'NHIỆM VỤ TRỌNG TÂM', 'NHIỆM VỤ TRỌNG TÂM'],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đã hoàn thành'],
      ['2', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      ['3', 'Việc ba', null, 'Năm 2025', 'Đang thực hiện'],
    ], [{ top: 1, left: 0, bottom: 1, right: 4 }, { top: 2, left: 2, bottom: 4, right: 2 }]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.stt, t.section, t.leadUnitText])).toEqual([
      ['1', 'NHIỆM VỤ TRỌNG TÂM', 'Bộ Y tế'], ['2', 'NHIỆM VỤ TRỌNG TÂM', 'Bộ Y tế'], ['3', 'NHIỆM VỤ TRỌNG TÂM', 'Bộ Y tế'],
    ]);
  });

  it('stops at a signature block and skips a repeated header', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đã hoàn thành'],
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['2', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      [null, null, null, 'TM. ỦY BAN NHÂN DÂN'],
      [null, null, null, 'CHỦ TỊCH'],
      ['3', 'Không phải nhiệm vụ', 'Bộ Y tế', 'Năm 2025', null],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => t.stt)).toEqual(['1', '2']);
    // The numbered row under the signature is not counted, but it is reported, never dropped silently.
    expect(read.issues.map((i) => [i.code, i.row, i.cell])).toEqual([['ROW_AFTER_TABLE', 7, 'B7']]);
    expect(read.rowsScanned).toBe(4);
  });

  it('skips a partial repeated header and keeps task rows whose texts use header words', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'],
      ['1', 'Rà soát nội dung công việc, tình hình thực hiện nhiệm vụ', 'Bộ Y tế', 'Năm 2025', 'Kết quả: đã ban hành', 'Đang thực hiện'],
      [null, 'Nội dung nhiệm vụ', null, 'Thời hạn', 'Kết quả', null],
      ['2', 'Tiến độ thực hiện nhiệm vụ', 'Đơn vị phối hợp', 'Năm 2025', 'Tình hình thực hiện', null],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.row, t.stt])).toEqual([[2, '1'], [4, '2']]);
    expect(read.issues.filter((i) => i.row === 3)).toEqual([]);
  });

  it('does not take a bare "Q" or "TM" label for a signature ("Q. CHỦ TỊCH" is one)', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['P', 'Nhóm nhiệm vụ số 16', null, null, null],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đã hoàn thành'],
      ['Q', 'Nhóm nhiệm vụ số 17', null, null, null],
      ['1', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      ['TM', 'Nhóm nhiệm vụ số 18', null, null, null],
      ['1', 'Việc ba', 'Bộ Y tế', 'Năm 2025', null],
      [null, null, null, 'Q. CHỦ TỊCH'],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    // "Q" is a section letter; "TM" is no section label, so its row is reported, and reading goes on.
    expect(read.tasks.map((t) => [t.section, t.task])).toEqual([
      ['P. Nhóm nhiệm vụ số 16', 'Việc một'], ['Q. Nhóm nhiệm vụ số 17', 'Việc hai'], ['Q. Nhóm nhiệm vụ số 17', 'Việc ba'],
    ]);
    expect(read.issues.map((i) => [i.code, i.row])).toEqual([['ROW_NOT_TASK', 6]]);
    expect(read.rowsScanned).toBe(7);
  });

  it('reads tick-mark status columns under a merged "Tiến độ" parent', () => {
    const g = grid([
      ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Tiến độ', null, null],
      [null, null, null, null, 'Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành'],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'x', null, null],
      ['2', 'Việc hai', 'Bộ Y tế', 'Năm 2025', null, 'X', null],
      ['3', 'Việc ba', 'Bộ Y tế', 'Năm 2025', null, null, null],
    ], [
      { top: 0, left: 4, bottom: 0, right: 6 }, { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 2 }, { top: 0, left: 3, bottom: 1, right: 3 },
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.issues).toEqual([]);
    expect(read.tasks.map((t) => [t.progress, t.progressText, t.cells.status])).toEqual([
      ['done', 'Đã hoàn thành', 'E3'], ['in_progress', 'Đang thực hiện', 'F4'], ['unreported', '', 'E5'],
    ]);
    expect(read.tasks[0].extra).toEqual({});
    expect(read.tasks[2].issues.map((i) => i.code)).toEqual(['NO_STATUS']);
  });

  it('joins a task merged down over two rows with a second lead unit', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['1', 'Việc chung', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      [null, null, 'Bộ Công an', null, null],
      ['2', 'Việc riêng', 'Bộ Tư pháp', 'Năm 2025', 'Đang thực hiện'],
    ], [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 3, bottom: 2, right: 3 }, { top: 1, left: 4, bottom: 2, right: 4 }]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.stt, t.task, t.leadUnits.map((u) => u.name), t.rowEnd])).toEqual([
      ['1', 'Việc chung', ['Bộ Y tế', 'Bộ Công an'], 3], ['2', 'Việc riêng', ['Bộ Tư pháp'], undefined],
    ]);
    expect(read.tasks[0].leadUnitText).toBe('Bộ Y tế; Bộ Công an');
  });

  it('tells a title row after tasks from a continuation, and a note before any task from a section', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      [null, 'Ghi chú: đơn vị điền cột Tiến độ', null, null, null],
      ['1', 'Việc một, gồm:', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      [null, 'phần việc còn lại của nhiệm vụ một', null, null, null],
      [null, 'Nhiệm vụ giao Thứ trưởng chỉ đạo', null, null, null],
      ['1', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      [null, 'NHIỆM VỤ KHÁC', null, null, null],
      ['1', 'Việc ba', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.row, t.section, t.task])).toEqual([
      [3, null, 'Việc một, gồm: phần việc còn lại của nhiệm vụ một'],
      [6, 'Nhiệm vụ giao Thứ trưởng chỉ đạo', 'Việc hai'],
      [8, 'NHIỆM VỤ KHÁC', 'Việc ba'],
    ]);
    expect(read.issues.map((i) => [i.code, i.row])).toEqual([['ROW_NOT_TASK', 2]]);
    expect(read.tasks.flatMap((t) => t.issues.map((i) => i.code))).not.toContain('DUPLICATE_STT');
  });

  it('converts one TCVN3 column and names it in a LEGACY_ENCODING issue', () => {
    const units = ['Bộ Khoa học và Công nghệ', 'Bộ Tài chính', 'Bộ Giáo dục và Đào tạo'];
    const rows: CellValue[][] = [['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ...units.map((u, i) => [String(i + 1), `Nhiệm vụ số ${i + 1}`, encodeLegacy(u, 'tcvn3'), 'Năm 2025', 'Đang thực hiện'])];
    const styles = rows.map((_, r) => (r === 0 ? [] : [undefined, undefined, { font: '.VnTime' }]));
    const read = readSheet({ name: 'S', rows, merges: [], styles }, { file: 'x.xlsx' });
    expect(read.tasks.map((t) => t.leadUnits[0].name)).toEqual(units);
    expect(read.tasks[0].task).toBe('Nhiệm vụ số 1');
    expect(read.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([['LEGACY_ENCODING', 'info', 'C2']]);
    expect(read.issues[0].message).toContain('cột C');
  });

  it('treats "01" and "1" as the same STT', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['01', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      [1, 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.stt, t.issues.map((i) => i.code)])).toEqual([['01', []], ['1', ['DUPLICATE_STT']]]);
  });

  it('takes a bold row after a task as a section title, a plain one as a continuation', () => {
    const g: Grid = {
      ...grid([
        ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
        ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
        [null, 'Y tế và giáo dục', null, null, null],
        ['1', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
        [null, 'và các việc liên quan', null, null, null],
      ]),
      styles: [[], [], [undefined, { bold: true }], [], [undefined, { bold: false }]],
    };
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.row, t.section, t.task, t.rowEnd])).toEqual([
      [2, null, 'Việc một', undefined],
      [4, 'Y tế và giáo dục', 'Việc hai và các việc liên quan', 5],
    ]);
  });

  it('does not end the table at a note with tasks after it', () => {
    const g = grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      ['Ghi chú: nhiệm vụ 2 được bổ sung', null, null, null, null],
      ['2', 'Việc hai', 'Bộ Y tế', 'Năm 2025', 'Đang thực hiện'],
      ['Lưu ý: số liệu tạm tính', null, null, null, null],
      [null, null, null, 'Người lập biểu'],
    ]);
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => t.stt)).toEqual(['1', '2']);
    expect(read.issues.map((i) => [i.code, i.row])).toEqual([['ROW_NOT_TASK', 3]]);
    expect(read.rowsScanned).toBe(4);
  });

  it('reports sheet rows and cells of a grid that starts at C3 (an add-in used range)', () => {
    const g: Grid = { ...grid([
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ['1', 'Việc một', 'Bộ Y tế', 'Năm 2025', 'Làm gì đó'],
    ]), origin: { row: 3, col: 3 } };
    const read = readSheet(g, { file: 'a.xlsx' });
    expect(read.layout?.headerRows).toEqual([3]);
    expect(read.tasks[0].row).toBe(4);
    expect(read.tasks[0].cells).toEqual({ stt: 'C4', task: 'D4', lead: 'E4', deadline: 'F4', status: 'G4' });
    expect(read.tasks[0].issues.map((i) => [i.code, i.cell])).toEqual([['UNKNOWN_STATUS', 'G4']]);
  });

  it('repairs a sheet of UTF-8 read as Windows-1252, header included', () => {
    const enc = (x: string) => encodeLegacy(x, 'utf8_as_cp1252');
    const rows: CellValue[][] = [
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'].map(enc),
      ['1', 'Xây dựng cơ sở dữ liệu', 'Bộ Tài chính', 'Tháng 6/2025', 'Đã hoàn thành'].map(enc),
    ];
    const read = readSheet({ name: 'S', rows, merges: [] }, { file: 'a.xlsx' });
    expect(read.tasks.map((t) => [t.task, t.leadUnits[0]?.name, t.deadline.due, t.progress])).toEqual([
      ['Xây dựng cơ sở dữ liệu', 'Bộ Tài chính', '2025-06-30', 'done'],
    ]);
    expect(read.issues.map((i) => i.code)).toContain('LEGACY_ENCODING');
    expect(read.issues.find((i) => i.code === 'LEGACY_ENCODING')?.message).toContain('UTF-8');
  });
});

describe('column-number rows under the header', () => {
  /** The pattern as written before: two adjacent optional space runs per term (exponential on "1/ 1/ 1/ …"). */
  const OLD = /^\(?\s*(\d{1,2}|[a-z]|[ivx]{1,4})\s*\)?(\s*[=+\-*/x]\s*\(?\s*\d{1,2}\s*\)?)*$/i;
  const row = (cells: string[]): Grid => ({ name: 'S', merges: [], rows: [cells] });

  it('accepts the same cells as before on 100,000 random short cells', () => {
    const alpha = ['(', ')', '=', '+', '-', '*', '/', 'x', 'X', ' ', '  ', '1', '2', '12', '3', 'a', 'i', 'v', 'iv', 'b', '.'];
    let seed = 5;
    const rand = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % n; };
    let accepted = 0;
    for (let k = 0; k < 100_000; k++) {
      let s = '';
      for (let i = 1 + rand(12); i > 0; i--) s += alpha[rand(alpha.length)];
      s = s.trim();
      if (!s) continue;
      const want = OLD.test(s);
      if (want) accepted++;
      expect(isColumnNumberRow(row([s, '(2)']), 0, 0, 1), JSON.stringify(s)).toBe(want);
    }
    expect(accepted).toBeGreaterThan(2000);
  });

  it('reads a hostile task cell of "1/<br />" × 2,000 at once (a 400-character one never ended before)', () => {
    const header = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'];
    const grid: Grid = { name: 'S', merges: [], rows: [header, ['1', '1/<br />'.repeat(2000), 'Bộ Y tế', '31/12/2025', 'Đang thực hiện']] };
    expect(readSheet(grid, { file: 'h.xlsx' }).tasks.length).toBe(1);
  });
});
