/** The pane rollup's pure parts: sheet names within Excel's 31 characters, and very long sheets cut with a note. */
import { describe, expect, it } from 'vitest';
import { capRows, PANE_MAX_ROWS, rollupSheetName } from '../../addin/rollup/rollup';
import { sheetPlan } from '../../addin/pane/summary';
import type { SheetSpec } from '../../report/layout/spec';

const spec = (rows: number): SheetSpec => ({
  name: 'Chi tiết',
  columns: [{ key: 'stt', header: 'STT', width: 6 }, { key: 'task', header: 'Tên nhiệm vụ', width: 40 }],
  rows: Array.from({ length: rows }, (_, i) => [i + 1, `Nhiệm vụ ${i + 1}`]),
  footer: [{ text: 'Ghi chú của báo cáo' }],
});

describe('pane rollup', () => {
  it('names its sheets "<name> (tiendo)" within 31 characters', () => {
    expect(rollupSheetName('Tổng hợp')).toBe('Tổng hợp (tiendo)');
    const long = rollupSheetName('Một tên trang tính rất dài vượt quá giới hạn');
    expect(long.length).toBe(31);
    expect(long.endsWith(' (tiendo)')).toBe(true);
  });

  it('keeps a sheet within the limit as it is, and cuts a longer one with a note first in its footer', () => {
    const small = spec(5);
    expect(capRows(small, 5)).toBe(small);
    const cut = capRows(spec(7), 5);
    expect(cut.rows).toHaveLength(5);
    expect(cut.footer?.map((l) => l.text)).toEqual([
      'Trang tính này chỉ ghi 05 trên 07 dòng (giới hạn của ngăn tác vụ). Để có đủ mọi dòng, hãy chạy lệnh "tiendo aggregate" trên cùng các tệp (tong-hop.xlsx và tong-hop.json).',
      'Ghi chú của báo cáo',
    ]);
    // the plan written to Excel stops at the cap and carries the note under the table
    const plan = sheetPlan(cut);
    const cells = plan.blocks.flatMap((b) => b.values.flat());
    expect(cells).toContain('Nhiệm vụ 5');
    expect(cells).not.toContain('Nhiệm vụ 6');
    expect(cells).toContain(cut.footer![0].text);
    expect(PANE_MAX_ROWS).toBeLessThan(1_048_576);
  });
});
