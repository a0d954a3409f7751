import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed000 } from '../../fixtures/samples';
import type { ParsedTask, SheetRead } from '../../../core/model';
import { readFixture } from './helpers';

let read: SheetRead;
const at = (row: number): ParsedTask => {
  const t = read.tasks.find((x) => x.row === row);
  if (!t) throw new Error(`no task at row ${row}`);
  return t;
};

beforeAll(async () => {
  read = await readFixture(await buildSeed000());
});

describe('seed 000 appendix (Chỉ thị 07/CT-TTg) as a workbook', () => {
  it('finds the header at A5 under the title block, with the coordinating column and no status column', () => {
    expect(read.sheet).toBe('Phụ lục');
    expect(read.layout?.headerRows).toEqual([5]);
    expect(read.layout?.columns).toEqual({ stt: 0, task: 1, lead: 2, co: 3, deadline: 4 });
    expect(read.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['MISSING_COLUMN', 'warning', 5]]);
    expect(read.issues[0].message).toContain('Tiến độ');
  });

  it('reads 112 tasks: 26 in A, 81 in B, 5 in C, with full section titles', () => {
    expect(read.tasks).toHaveLength(112);
    const bySection = new Map<string | null, number>();
    for (const t of read.tasks) bySection.set(t.section, (bySection.get(t.section) ?? 0) + 1);
    expect([...bySection]).toEqual([
      ['A. Nhiệm vụ chung của các bộ, ngành, địa phương', 26],
      ['B. Nhiệm vụ cụ thể của các bộ, ngành', 81],
      ['C. Nhiệm vụ của các địa phương', 5],
    ]);
  });

  it('keeps sheet rows and STT, restarting per section, with no STT issues', () => {
    expect([at(7).stt, at(39).stt, at(130).stt, at(132).stt, at(138).stt]).toEqual(['1', '1', '81', '1', '5']);
    const codes = read.tasks.flatMap((t) => t.issues.map((i) => i.code));
    expect(codes).not.toContain('DUPLICATE_STT');
    expect(codes).not.toContain('STT_OUT_OF_ORDER');
  });

  it('strips <p> tags and reads deadlines: Quý I/2025, Thực hiện thường xuyên, Tháng 12/2025 và những năm tiếp theo', () => {
    expect(at(13).deadline).toEqual({ text: 'Quý I/2025', due: '2025-03-31', kind: 'quarter' });
    expect(at(13).coUnits.map((u) => u.name)).toEqual(['Bộ Công an']);
    expect(at(32).task.startsWith('Công bố danh mục các bài toán lớn')).toBe(true);
    expect(at(32).task).not.toMatch(/<\/?p>/);
    expect(at(32).deadline.kind).toBe('recurring');
    expect(at(32).deadline.due).toBeNull();
    expect(at(62).deadline).toMatchObject({ due: '2025-12-31', kind: 'ongoing' });
    expect(at(62).leadUnits.map((u) => u.name)).toEqual(['Bộ Tài chính']);
    expect(at(7).deadline).toEqual({ text: 'Tháng 3/2025', due: '2025-03-31', kind: 'month' });
  });

  it('resolves lead units with notes kept', () => {
    expect(at(39).leadUnits.map((u) => u.name)).toEqual(['Bộ Công an']);
    expect(at(74).leadUnits[0].name).toBe('Bộ Khoa học và Công nghệ');
    expect(at(74).leadUnits[0].note ?? '').toContain('Bộ Thông tin và Truyền thông');
    expect(at(7).leadUnits[0]).toMatchObject({ known: true, kind: 'group' });
  });

  it('joins the continuation row of C.1 (after a blank row) into its task', () => {
    const c1 = at(132);
    expect(c1.rowEnd).toBe(134);
    expect(c1.task).toContain('về dân cư để thực hiện cắt giảm ngay.');
    expect(c1.task.indexOf('Kiên Giang')).toBeLessThan(c1.task.indexOf('về dân cư'));
    expect(read.tasks.some((t) => t.row === 134)).toBe(false);
  });

  it('accounts for every row: no ROW_NOT_TASK, all rows below the header scanned', () => {
    expect(read.issues.filter((i) => i.code === 'ROW_NOT_TASK')).toEqual([]);
    expect(read.rowsScanned).toBe(133);
    expect(read.tasks.every((t) => t.issues.every((i) => i.code !== 'NO_STATUS'))).toBe(true);
  });
});
