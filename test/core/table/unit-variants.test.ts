/**
 * Commune-level leads (issue 14: 3,321 communes' returns): recognised by pattern, not flagged UNKNOWN_UNIT on every row,
 * and a lead spelt unlike the rest of its table is flagged UNIT_VARIANT instead of silently counting as another unit.
 */
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../core/grid';
import { readSheet } from '../../../core/table/read';

function sheet(leads: string[]): Grid {
  return {
    name: 'Phụ lục',
    merges: [],
    rows: [
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      ...leads.map((lead, i) => [String(i + 1), `Rà soát, cập nhật danh mục thủ tục hành chính số ${i + 1}`, lead, '31/12/2025', 'Đang thực hiện']),
    ],
  };
}

const codes = (leads: string[], code: string) =>
  readSheet(sheet(leads), { file: 'xa-tan-lap.xlsx' }).tasks.map((t) => t.issues.filter((i) => i.code === code).map((i) => [i.cell, i.suggestion, i.severity]));

describe('commune-level leads', () => {
  it('are not UNKNOWN_UNIT, while a unit that is neither listed nor commune-level still is', () => {
    const leads = ['UBND xã Tân Lập', 'Công an xã Tân Lập', 'UBND phường Ba Đình', 'Đặc khu Phú Quốc', 'UBND thị trấn Phố Lu', 'Phòng Lao động - Thương binh và Xã hội'];
    expect(codes(leads, 'UNKNOWN_UNIT').map((x) => x.length)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(codes(leads, 'UNIT_VARIANT').flat()).toEqual([]);
  });

  it('flags each row spelt unlike its table’s usual spelling, suggesting it, and keeps the name as written', () => {
    const leads = ['UBND xã Tân Lập', 'UBND xã Tân Lập', 'UBND xã Tân Lâp', 'UBND Xã tân lập', 'UBND xã Tân Lập', 'UBND xã Tân-Lập', 'UBND xã Tân Phú'];
    expect(codes(leads, 'UNIT_VARIANT')).toEqual([
      [], [], [['C4', 'UBND xã Tân Lập', 'warning']], [['C5', 'UBND xã Tân Lập', 'warning']], [], [['C7', 'UBND xã Tân Lập', 'warning']], [],
    ]);
    const read = readSheet(sheet(leads), { file: 'xa-tan-lap.xlsx' });
    expect(read.tasks[2].leadUnits.map((u) => u.name)).toEqual(['UBND xã Tân Lâp']);
    expect(read.tasks[2].issues.find((i) => i.code === 'UNIT_VARIANT')?.message)
      .toBe('Ô C4: "UBND xã Tân Lâp" có thể là "UBND xã Tân Lập" (cách viết của 3 dòng khác trong bảng), chỉ khác chữ hoa, dấu hoặc khoảng trắng; đang được đếm là hai đơn vị, cần kiểm tra.');
  });

  it('gives a tie to the spelling met first, and leaves one consistent spelling alone', () => {
    expect(codes(['UBND xã Tân Lâp', 'UBND xã Tân Lập'], 'UNIT_VARIANT')).toEqual([[], [['C3', 'UBND xã Tân Lâp', 'warning']]]);
    expect(codes(Array(5).fill('UBND xã Tân Lập'), 'UNIT_VARIANT').flat()).toEqual([]);
  });
});
