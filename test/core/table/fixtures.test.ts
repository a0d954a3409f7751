import { describe, expect, it } from 'vitest';
import {
  buildDuplicateStt, buildFootnotes, buildMultiSheet, buildNfd, buildReturnB6, buildStatuses, buildTwoRowHeader, STATUS_VARIANTS,
} from '../../fixtures/samples';
import { buildTcvn3, buildVni } from '../../fixtures/legacy-samples';
import { classifyRead } from '../../../core/table/read';
import { fixturePath, writeAppendix } from '../../fixtures/appendix';
import { foldKey } from '../../../core/text/normalize';
import type { SheetRead } from '../../../core/model';
import { codesAt, readFixture } from './helpers';

const summary = (read: SheetRead) => read.tasks.map((t) => [t.row, t.stt, t.task, t.leadUnits.map((u) => u.name).join('; '), t.deadline.due, t.deadline.kind, t.progress]);

describe('return with a title block and the table at B6', () => {
  it('finds the header at B6, skips the column-number row, reads 6 tasks in 2 sections', async () => {
    const read = await readFixture(await buildReturnB6());
    expect(read.sheet).toBe('Báo cáo');
    expect(read.layout?.headerRows).toEqual([6]);
    expect(read.layout?.columns).toEqual({ stt: 1, task: 2, lead: 3, deadline: 4, result: 5, status: 6, note: 7 });
    expect(read.tasks.map((t) => t.cells.stt)).toEqual(['B9', 'B10', 'B11', 'B12', 'B14', 'B16']);
    expect(read.tasks.map((t) => t.section)).toEqual([
      ...Array(4).fill('Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo'),
      'II. Nhiệm vụ phối hợp với các bộ, ngành', 'II. Nhiệm vụ phối hợp với các bộ, ngành',
    ]);
    expect(summary(read)).toEqual([
      [9, '1', 'Xây dựng Kế hoạch triển khai Đề án 06 năm 2025', 'Bộ Y tế', '2025-03-31', 'date', 'done'],
      [10, '2', 'Xây dựng giải pháp, công cụ để giám sát các cơ sở khám chữa bệnh', 'Bộ Y tế', '2025-06-30', 'quarter', 'in_progress'],
      [11, '3', 'Triển khai thí điểm Hệ thống điều phối dữ liệu y tế', 'Bộ Y tế', '2025-06-30', 'date', 'done_late'],
      [12, '4', 'Chỉ đạo các bệnh viện triển khai Bệnh án điện tử', 'Bộ Y tế', null, 'recurring', 'in_progress'],
      [14, '1', 'Phối hợp xác thực thông tin người bệnh qua VNeID', 'Bộ Công an', '2025-12-31', 'month', 'unreported'],
      [16, '2', 'Liên thông dữ liệu giấy chứng sinh, giấy báo tử', 'Trung tâm Kiểm soát bệnh tật XYZ', '2025-10-15', 'date', 'unreported'],
    ]);
    expect(read.tasks[0].deadline.text).toBe('31/03/2025');
    expect(read.tasks[3].extra).toEqual({ 'Ghi chú': 'Báo cáo hằng quý' });
    expect(read.tasks[0].resultText).toBe('Đã ban hành Kế hoạch số 245/KH-BYT ngày 20/3/2025');
  });

  it('flags the note-only row, the unknown unit, and classifies at an as-of date', async () => {
    const read = await readFixture(await buildReturnB6());
    expect(read.issues.map((i) => [i.code, i.row, i.cell])).toEqual([['ROW_NOT_TASK', 15, 'H15']]);
    expect(codesAt(read, 16)).toContain('UNKNOWN_UNIT');
    expect(codesAt(read, 14)).toEqual(['NO_STATUS']);
    const tasks = classifyRead(read, '2025-11-01');
    expect(tasks.map((t) => t.category)).toEqual(['done_on_time', 'open_overdue', 'done_late', 'recurring', 'open_in_time', 'open_overdue']);
    // "Đang thực hiện" 124 days past due: counted overdue, and an info to check the status (more than 90 days).
    expect(tasks[1].issues.map((i) => [i.code, i.severity])).toContainEqual(['LONG_OVERDUE', 'info']);
    expect(tasks[1].issues.map((i) => i.code)).not.toContain('OVERDUE_IN_PROGRESS');
    expect(tasks[5].issues.map((i) => i.code)).toContain('DONE_SUGGESTED');
    expect(tasks[1].daysLate).toBe(124);
  });
});

describe('two-row merged header', () => {
  it('maps sub-columns under merged parents and skips the "1 2 3" row', async () => {
    const read = await readFixture(await buildTwoRowHeader());
    const layout = read.layout!;
    expect(layout.headerRows).toEqual([4, 5]);
    expect(layout.columns).toEqual({ stt: 0, task: 1, lead: 2, co: 3, deadline: 4, result: 5, status: 6, note: 7 });
    expect(layout.headers[2]).toBe('Cơ quan thực hiện / Chủ trì');
    expect(layout.headers[4]).toBe('Thời gian hoàn thành');
    expect(layout.firstDataRow).toBe(6);
    expect(read.tasks.map((t) => [t.row, t.section, t.stt])).toEqual([
      [8, 'I. NHIỆM VỤ VỀ THỂ CHẾ', '1'], [9, 'I. NHIỆM VỤ VỀ THỂ CHẾ', '2'], [10, 'I. NHIỆM VỤ VỀ THỂ CHẾ', '3'],
      [12, 'II. NHIỆM VỤ CỦA ĐỊA PHƯƠNG', '1'], [13, 'II. NHIỆM VỤ CỦA ĐỊA PHƯƠNG', '2'],
    ]);
    expect(read.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'not_done', 'in_progress', 'stopped']);
    expect(read.tasks[1].deadline).toMatchObject({ due: '2025-06-30', kind: 'date' });
    expect(read.tasks[1].coUnitsText).toBe('Các địa phương');
    expect(read.tasks[4].deadline).toMatchObject({ due: '2025-06-30', kind: 'half' });
    expect(codesAt(read, 12)).toContain('LEGACY_UNIT');
    expect(read.tasks[3].leadUnits[0].legacy).toBeTruthy();
    expect(codesAt(read, 13)).toContain('NO_LEAD_UNIT');
    expect(read.issues).toEqual([]);
  });
});

const SMALL = [
  [7, '1', 'Xây dựng Kế hoạch ứng dụng dữ liệu đã số hóa', 'Bộ Khoa học và Công nghệ', '2025-03-31', 'month', 'done'],
  [8, '2', 'Rà soát tổng thể hạ tầng công nghệ thông tin', 'Bộ Khoa học và Công nghệ', '2025-06-30', 'quarter', 'in_progress'],
  [10, '1', 'Đẩy mạnh thanh toán không dùng tiền mặt trong lĩnh vực y tế, giáo dục', 'Bộ Y tế', '2025-12-31', 'ongoing', 'in_progress'],
  [11, '2', 'Tuyên truyền, hướng dẫn người dân sử dụng ứng dụng VNeID', 'Bộ Công an', null, 'recurring', 'not_done'],
];
const SMALL_SECTIONS = ['a nhiem vu chung cua cac bo nganh dia phuong', 'a nhiem vu chung cua cac bo nganh dia phuong', 'b nhiem vu cu the cua cac bo nganh', 'b nhiem vu cu the cua cac bo nganh'];

describe('text encodings', () => {
  it('reads a sheet written in NFD as NFC', async () => {
    const read = await readFixture(await buildNfd());
    expect(summary(read)).toEqual(SMALL);
    expect(read.tasks[0].section).toBe('A. Nhiệm vụ chung của các bộ, ngành, địa phương');
    expect(read.tasks[2].extra).toEqual({ 'Ghi chú': 'Phối hợp Ngân hàng Nhà nước' });
    expect(read.issues).toEqual([]);
  });

  it('converts a TCVN3 sheet (.VnTime / .VnTimeH) and says so', async () => {
    const read = await readFixture(await buildTcvn3());
    expect(summary(read)).toEqual(SMALL);
    expect(read.tasks.map((t) => foldKey(t.section ?? ''))).toEqual(SMALL_SECTIONS);
    const enc = read.issues.filter((i) => i.code === 'LEGACY_ENCODING');
    expect(enc.length).toBeGreaterThan(0);
    expect(enc[0].severity).toBe('info');
    expect(enc[0].message).toContain('TCVN3');
    expect(read.issues.filter((i) => i.code !== 'LEGACY_ENCODING')).toEqual([]);
  });

  it('converts a VNI sheet', async () => {
    const read = await readFixture(await buildVni());
    expect(summary(read)).toEqual(SMALL);
    expect(read.tasks.map((t) => foldKey(t.section ?? ''))).toEqual(SMALL_SECTIONS);
    expect(read.issues.some((i) => i.code === 'LEGACY_ENCODING' && i.message.includes('VNI'))).toBe(true);
  });
});

describe('statuses in every variant', () => {
  it('maps each variant, keeps the unknown word and flags it', async () => {
    const read = await readFixture(await buildStatuses());
    expect(read.tasks.map((t) => t.progress)).toEqual(STATUS_VARIANTS.map(([, p]) => p));
    const last = read.tasks[read.tasks.length - 1];
    expect(last.progressText).toBe('Xong rồi nhé');
    expect(codesAt(read, last.row)).toContain('UNKNOWN_STATUS');
    expect(codesAt(read, 16)).toEqual(['NO_STATUS']);
    expect(read.layout?.columns.status).toBe(5);
  });
});

describe('footnotes and signature block under the table', () => {
  it('stops at "Ghi chú:" and reads exactly the 3 tasks', async () => {
    const read = await readFixture(await buildFootnotes());
    expect(read.tasks.map((t) => t.row)).toEqual([6, 7, 8]);
    expect(read.issues).toEqual([]);
    expect(read.rowsScanned).toBe(5);
    expect(read.tasks[0].task).toBe('Xây dựng Kế hoạch đẩy mạnh triển khai Chỉ thị 18/CT-TTg¹');
  });
});

describe('duplicate and out-of-order STT', () => {
  it('keeps every task and flags the duplicate and the backward number, per section', async () => {
    const read = await readFixture(await buildDuplicateStt());
    expect(read.tasks.map((t) => t.stt)).toEqual(['1', '2', '2', '4', '3', '1', '1.1', '1.2', 'a)', '2']);
    const flagged = read.tasks.flatMap((t) => t.issues.filter((i) => i.code === 'DUPLICATE_STT' || i.code === 'STT_OUT_OF_ORDER').map((i) => [i.code, i.row, i.cell]));
    expect(flagged).toEqual([['DUPLICATE_STT', 4, 'A4'], ['STT_OUT_OF_ORDER', 6, 'A6']]);
    expect(read.tasks.slice(5).every((t) => t.section === 'B. Nhiệm vụ khác')).toBe(true);
  });
});

describe('workbook with cover, instructions and hidden sheets', () => {
  it('picks the table sheet and reads the hidden ID column', async () => {
    const read = await readFixture(await buildMultiSheet());
    expect(read.sheet).toBe('Phụ lục');
    expect(read.layout?.columns).toMatchObject({ stt: 0, task: 1, lead: 2, deadline: 3, result: 4, status: 5, id: 6 });
    expect(read.tasks.map((t) => t.taskId)).toEqual(['CT07-C-01', 'CT07-C-02', 'CT07-C-05']);
    expect(read.tasks.map((t) => t.progress)).toEqual(['done', 'in_progress', 'unreported']);
    expect(read.tasks.every((t) => t.leadUnits[0]?.known)).toBe(true);
  });
});

describe('1904 date system', () => {
  it('reads date deadlines of a workbook in the 1904 system', async () => {
    const path = await writeAppendix(fixturePath('date1904.xlsx'), {
      date1904: true,
      sheets: [{
        header: ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
        rows: [
          ['1', 'Việc một', 'Bộ Y tế', new Date('2025-06-30T00:00:00Z'), 'Đang thực hiện'],
          ['2', 'Việc hai', 'Bộ Y tế', { v: 44011, numFmt: 'dd/mm/yyyy' }, 'Đang thực hiện'],
        ],
      }],
    });
    const read = await readFixture(path);
    expect(read.tasks.map((t) => t.deadline)).toEqual([
      { text: '30/06/2025', due: '2025-06-30', kind: 'date' },
      { text: '30/06/2024', due: '2024-06-30', kind: 'date' },
    ]);
  });
});
