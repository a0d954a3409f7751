import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, Grid } from '../../core/grid';
import { toGrid, type CellBlock } from '../../addin/excel-adapter';
import { analyse } from '../../addin/pane/actions';
import { checkView } from '../../addin/pane/check';
import { planBeside, planNewSheet } from '../../addin/pane/classify-plan';
import { OWN_HEADERS } from '../../addin/pane/own-columns';
import { summaryLayout, summaryReport } from '../../addin/pane/summary';
import { PaneError } from '../../addin/pane/messages';
import { FORMULA_TASK, readSeed, writeFixture, type SeedSheet } from './fixture-seed';

const AS_OF = '2025-11-15';
let seed: SeedSheet;

function gridOf(s: SeedSheet): Grid {
  const L = (c: number) => String.fromCharCode(65 + c);
  const merged = s.merges.map((m) => `'${s.name}'!${L(m.left)}${m.top + 1}:${L(m.right)}${m.bottom + 1}`).join(', ');
  return toGrid({
    name: s.name,
    rowIndex: 0,
    columnIndex: 0,
    values: s.cells.map((r) => r.map((v) => v ?? '')),
    numberFormat: s.formats.map((r) => r.map((v) => v ?? 'General')),
    fonts: s.fonts.map((r) => r.map((f) => f ?? {})),
    mergedAddress: merged,
  });
}

/** What Excel would hold after the blocks are written (1-based block coordinates). */
function applyBlocks(grid: Grid, blocks: CellBlock[]): Grid {
  const rows: CellValue[][] = grid.rows.map((r) => [...(r ?? [])]);
  for (const b of blocks) {
    b.values.forEach((vals, i) =>
      vals.forEach((v, j) => {
        const r = b.row - 1 + i;
        const c = b.col - 1 + j;
        while (rows.length <= r) rows.push([]);
        rows[r][c] = v;
      }),
    );
  }
  return { ...grid, rows };
}

beforeAll(async () => {
  seed = (await readSeed(await writeFixture('test-output/addin/pane-fixture.xlsx')))[0];
});

describe('check', () => {
  it('matches the two-row header and counts by VPCP category', () => {
    const grid = gridOf(seed);
    const a = analyse(grid, AS_OF);
    const v = checkView(grid, a.read, a.tasks, { asOf: AS_OF, dueSoonDays: 7 });
    expect(v.headerRows).toEqual([5, 6]);
    expect(v.headers.map((h) => `${h.label}=${h.cell}`)).toEqual([
      'STT=B6', 'Tên nhiệm vụ=C6', 'Đơn vị chủ trì=D6', 'Đơn vị phối hợp=E6', 'Thời hạn=F6', 'Kết quả thực hiện=G6', 'Tiến độ=H6',
    ]);
    expect(Object.fromEntries(v.counts.map((c) => [c.key, c.count]))).toEqual({
      done_on_time: 1, done_late: 1, open_in_time: 3, open_overdue: 2, recurring: 1, stopped: 0, unreported: 2, due_soon: 1,
    });
    expect(v.summary).toBe('Đã hoàn thành 02/08 (25,0%) nhiệm vụ; 02 nhiệm vụ quá hạn, chưa hoàn thành.');
    expect(v.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(['NO_STATUS@H10', 'UNKNOWN_STATUS@H15', 'NO_STATUS@H16']);
  });

  it('a sheet without a table is a Vietnamese PaneError, not a crash', () => {
    const grid: Grid = { name: 'Bìa', rows: [['Báo cáo tháng 11'], ['Kính gửi: Văn phòng Chính phủ']], merges: [] };
    expect(() => analyse(grid, AS_OF)).toThrow(PaneError);
    expect(() => analyse(grid, AS_OF)).toThrow(/Không tìm thấy bảng phụ lục/);
    expect(() => analyse({ name: 'Trống', rows: [], merges: [] }, AS_OF)).toThrow('Trang tính đang trống.');
  });
});

describe('classify beside the table', () => {
  it('writes five own columns right of the table (I..M), header on the last header row', () => {
    const grid = gridOf(seed);
    const a = analyse(grid, AS_OF);
    const plan = planBeside(grid, a.read, a.tasks, 7);
    expect(plan.columns).toEqual([9, 10, 11, 12, 13]);
    const after = applyBlocks(grid, plan.blocks);
    expect(after.rows[5].slice(8, 13)).toEqual([...OWN_HEADERS]);
    // row 9: task 2, in progress, 46 days late
    expect(after.rows[8].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, quá hạn', 'Quá hạn', 46, null]);
    // row 12: task 4, due 20/11, 5 days left
    expect(after.rows[11].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, trong hạn', null, null, 5]);
    // section row 11 stays empty
    expect(after.rows[10].slice(8, 13)).toEqual([null, null, null, null, null]);
    expect(plan.highlight?.address).toBe('B7:M16');
    expect(plan.highlight?.rules.map((r) => r.formula)).toEqual([
      '=$K7="Quá hạn"',
      '=AND(ISNUMBER($M7),$M7<=7)',
      '=OR($J7="Đã hoàn thành đúng hạn",$J7="Đã hoàn thành quá hạn")',
    ]);
    expect(plan.validation).toEqual({ sheet: 'Phụ lục', address: 'H7:H16' });
  });

  it('running it twice reuses the same columns and does not duplicate headers', () => {
    const grid = gridOf(seed);
    const first = planBeside(grid, analyse(grid, AS_OF).read, analyse(grid, AS_OF).tasks, 7);
    const once = applyBlocks(grid, first.blocks);
    const a2 = analyse(once, AS_OF);
    // core still reads the table's own "Tiến độ" column, not ours
    expect(a2.read.layout?.columns.status).toBe(7);
    expect(a2.tasks).toHaveLength(8);
    const second = planBeside(once, a2.read, a2.tasks, 7);
    expect(second.columns).toEqual(first.columns);
    const twice = applyBlocks(once, second.blocks);
    const headerCount = (g: Grid) => g.rows.flat().filter((v) => (OWN_HEADERS as readonly unknown[]).includes(v)).length;
    expect(headerCount(twice)).toBe(5);
    expect(twice.rows).toEqual(once.rows);
  });

  it('skips a non-empty column right of the table', () => {
    const grid = gridOf(seed);
    grid.rows[8][8] = 'ghi chú tay';
    const a = analyse(grid, AS_OF);
    expect(planBeside(grid, a.read, a.tasks, 7).columns).toEqual([10, 11, 12, 13, 14]);
  });
});

describe('classify into a new sheet', () => {
  it('one row per task with its source row; formula-like text is formatted as text', () => {
    const grid = gridOf(seed);
    const a = analyse(grid, AS_OF);
    const plan = planNewSheet(grid, a.read, a.tasks, 7);
    expect(plan.sheet).toBe('Phân loại (tiendo)');
    const body = plan.blocks[1];
    expect(body.values).toHaveLength(8);
    expect(body.values[5].slice(0, 4)).toEqual(['Phụ lục', 14, '6', FORMULA_TASK]);
    expect(body.formats?.[3]).toBe('@');
    expect(plan.highlight?.address).toBe('A2:M9');
  });
});

describe('summary', () => {
  it('per-unit table from the batch rollup, totals and sentences', () => {
    const grid = gridOf(seed);
    const a = analyse(grid, AS_OF);
    const layout = summaryLayout(summaryReport(AS_OF, a.tasks), 'Phụ lục');
    const tuPhap = layout.rows.find((r) => r[0] === 'Bộ Tư pháp');
    // Đơn vị, 6 categories, chưa báo cáo, tổng, quá hạn, tỷ lệ
    expect(tuPhap).toEqual(['Bộ Tư pháp', 1, 0, 0, 1, 0, 0, 1, 2, 1, 0.5]);
    expect(layout.rows).toHaveLength(7);
    expect(layout.totals).toEqual(['Tổng cộng', 1, 1, 3, 2, 1, 0, 2, 8, 2, 0.25]);
    expect(layout.notes[0]).toMatch(/^Đã hoàn thành 02\/08 \(25,0%\)/);
    expect(layout.chart).toEqual({ title: 'Tình hình thực hiện nhiệm vụ theo đơn vị', lastCol: 6 });
  });
});
