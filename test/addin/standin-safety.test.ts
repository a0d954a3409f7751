/**
 * Never destroy the user's work (issue 12, add-in items 1–8 and 12): the pane's actions and the adapter run in
 * Node against test/addin/excel-standin.js, the same Excel stand-in the headless-Chromium test serves, which models
 * what real Excel does that broke here (unbounded selections, protection, the 512-merge limit, the response payload
 * limit, conditional-format priority and clearAll, data validation, undo and Worksheet.delete, isSetSupported).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readActiveSheet } from '../../addin/excel-adapter';
import { resetSource, runCheck, runClassify, runSummary, widenSelection, WidenError, type Ask } from '../../addin/pane/actions';
import { overwrites } from '../../addin/pane/classify-plan';
import { OWN_HEADERS } from '../../addin/pane/own-columns';
import type { PaneSettings } from '../../addin/pane/settings';
import { rowFills } from './cf-eval';
import { readSeed, writeFixture, type SeedSheet } from './fixture-seed';
import { installStandin, type Standin, type StandinCell } from './standin-node';

const ROOT = resolve(import.meta.dirname, '../..');

type Cell = StandinCell;

/** Loads the stand-in as office.js would be, with `seed` as the open workbook; the pane forgets its table sheet. */
function install(seed: object): Standin {
  const x = installStandin(seed);
  resetSource();
  return x;
}

let seed: SeedSheet[];
const AS_OF = '2025-11-15';
const settings = (over: Partial<PaneSettings> = {}): PaneSettings => ({ asOf: AS_OF, dueSoonDays: 7, scope: 'sheet', target: 'beside', ...over });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const cells = (x: Standin, name = 'Phụ lục') => x.state.sheets.find((s) => s.name === name)!.cells;

beforeAll(async () => {
  const dir = join(ROOT, 'test-output', 'addin-safety');
  mkdirSync(dir, { recursive: true });
  seed = await readSeed(await writeFixture(join(dir, 'fixture.xlsx')));
}, 60_000);

let x: Standin;
beforeEach(() => {
  x = install({ active: 'Phụ lục', sheets: clone(seed) });
});

describe('item 1: a selection never leads to writing over the user\'s columns', () => {
  it('B5:F16 leaves out "Kết quả thực hiện" (G) and "Tiến độ" (H): nothing is written, the pane offers to widen', async () => {
    x.select('Phụ lục', 'B5:F16');
    const before = clone(cells(x));
    const err = await runClassify(settings({ scope: 'selection' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WidenError);
    const w = (err as WidenError).widen;
    expect(w.message).toContain('G "Kết quả thực hiện"');
    expect(w.message).toContain('H "Tiến độ"');
    expect(w.address).toBe('B5:H16');
    expect(cells(x)).toEqual(before);
    expect(x.state.undo).toBe(0);
    // "Kiểm tra bảng" says the same, without failing
    const view = await runCheck(settings({ scope: 'selection' }));
    expect(view.widen?.address).toBe('B5:H16');
    // "Mở rộng vùng chọn", then classify: tiendo's columns land right of the table, G and H untouched
    await widenSelection(w);
    expect(x.state.selected).toEqual({ sheet: 'Phụ lục', address: 'B5:H16' });
    x.select('Phụ lục', 'B5:H16');
    const r = await runClassify(settings({ scope: 'selection' }));
    expect(r.columns).toEqual([9, 10, 11, 12, 13]); // I..M
    const after = cells(x);
    const bh = (g: Cell[][], row: number) => Array.from({ length: 7 }, (_, i) => g[row]?.[i + 1] ?? null);
    for (let row = 0; row < before.length; row++) expect(bh(after, row), `row ${row + 1}`).toEqual(bh(before, row));
    expect(after[5].slice(8, 13)).toEqual([...OWN_HEADERS]);
    // every task was classified from its real status column: "Đã hoàn thành" on row 8, not "Chưa báo cáo"
    expect(after[7][8]).toBe('Đã hoàn thành');
  });

  it('a column of the user\'s right of the table (outside the selection) is skipped, never overwritten', async () => {
    const sheet = x.state.sheets.find((s) => s.name === 'Phụ lục')!;
    sheet.cells[5][8] = 'Việc cần làm của tôi';
    sheet.cells[9][8] = 'gọi lại Bộ Nội vụ';
    x.select('Phụ lục', 'B5:H16');
    const r = await runClassify(settings({ scope: 'selection' }));
    expect(r.columns).toEqual([10, 11, 12, 13, 14]); // J..N: I is the user's
    expect(cells(x)[5][8]).toBe('Việc cần làm của tôi');
    expect(cells(x)[9][8]).toBe('gọi lại Bộ Nội vụ');
  });

  it('overwrites() names every non-empty cell of the user\'s a plan would touch', () => {
    const space = { name: 'S', rows: [[null, 'x'], [null, null]], merges: [], origin: { row: 5, col: 2 } };
    expect(overwrites(space, [{ row: 5, col: 2, values: [['a', 'b'], ['c', 'd']] }])).toEqual(['C5']);
    expect(overwrites(space, [{ row: 6, col: 2, values: [['a', 'b']] }])).toEqual([]);
  });
});

describe('item 2: protected sheets', () => {
  it('refuses before writing anything and offers a new sheet; the new sheet works', async () => {
    x.state.sheets.find((s) => s.name === 'Phụ lục')!.protected = true;
    const before = clone(x.state);
    await expect(runClassify(settings())).rejects.toThrow(/đang được bảo vệ.*Sang trang tính mới/);
    expect(x.state.sheets).toEqual(before.sheets);
    expect(x.state.undo).toBe(0);
    const r = await runClassify(settings({ target: 'sheet' }));
    expect(r.sheet).toBe('Phân loại (tiendo)');
    expect(x.state.validations).toEqual([]); // the protected table's dropdown is left alone
  });
});

describe('item 3: a whole-column selection ("A:H")', () => {
  it('reads the used part of the columns instead of crashing on null values', async () => {
    x.select('Phụ lục', 'A:H');
    const view = await runCheck(settings({ scope: 'selection' }));
    expect(view.tasks).toBe(8);
    const grid = await readActiveSheet('selection');
    expect(grid.rows.length).toBeLessThan(40);
  });
});

describe('item 4: more than 512 merged areas', () => {
  it('reads the merges in parts and says so; the table is still found', async () => {
    const s = x.state.sheets.find((q) => q.name === 'Phụ lục')! as unknown as { merges: object[]; cells: Cell[][] };
    for (let i = 0; i < 600; i++) {
      const r = 40 + i;
      s.cells[r] = [null, null, null, null, null, null, null, null, null, null, `ghi chú ${i}`];
      s.merges.push({ top: r, left: 10, bottom: r, right: 11 });
    }
    const grid = await readActiveSheet('sheet');
    expect(grid.notes?.[0]).toMatch(/hơn 512 vùng ô gộp/);
    expect(grid.merges.length).toBe(600 + seed[0].merges.length);
    const view = await runCheck(settings());
    expect(view.tasks).toBe(8);
  });
});

describe('item 5: the user\'s conditional formats and the template\'s dropdown', () => {
  it('removes only tiendo\'s rules, puts them in priority order, keeps the user\'s rule and a Stop-style list', async () => {
    x = install({
      active: 'Phụ lục',
      sheets: clone(seed),
      conditionalFormats: [{ sheet: 'Phụ lục', address: 'B7:H16', formula: '=$H7="Đã hoàn thành"', fill: '#00B050' }],
      validations: [{ sheet: 'Phụ lục', address: 'H7:H16', rule: { list: { source: 'Đã hoàn thành,Đang thực hiện' } }, errorAlert: { showAlert: true, style: 'Stop', title: 'Tiến độ', message: 'Chọn trong danh sách theo hướng dẫn của Văn phòng.' } }],
    });
    await runClassify(settings());
    await runClassify(settings({ asOf: '2025-11-18' }));
    const cfs = x.state.conditionalFormats;
    expect(cfs.filter((c) => c.fill === '#00B050')).toHaveLength(1); // the user's rule survives both runs
    const own = cfs.filter((c) => c.formula.includes('N("tiendo")=0'));
    expect(own).toHaveLength(3);
    // Excel's add() puts each new rule first: the overdue rule must end on top, as the plan orders them
    expect(own.map((c) => c.fill)).toEqual(['#F8CBAD', '#FFEB9C', '#C6EFCE']);
    const fills = rowFills(cells(x), own);
    expect(fills.get(9)).toBe('#F8CBAD');
    expect(x.state.validations).toHaveLength(1);
    expect(x.state.validations[0].errorAlert).toMatchObject({ style: 'Stop', message: 'Chọn trong danh sách theo hướng dẫn của Văn phòng.' });
  });
});

describe('item 6: undo', () => {
  it('one click beside the table is one undo step; re-running into the new sheet keeps the undo stack', async () => {
    await runClassify(settings());
    expect(x.state.undo).toBe(1);
    await runClassify(settings({ target: 'sheet' }));
    x.state.active = 'Phụ lục';
    const asked: string[] = [];
    const ask: Ask = async (q) => { asked.push(q); return true; };
    await runClassify(settings({ target: 'sheet' }), ask);
    expect(asked[0]).toMatch(/Phân loại \(tiendo\)" đã có/);
    expect(x.state.undoCleared).toBe(0);
    expect(x.state.deleted).toEqual([]);
  });

  it('asks before replacing the summary sheet, says it cannot be undone, and a "no" changes nothing', async () => {
    await runSummary(settings());
    x.state.active = 'Phụ lục';
    const before = clone(x.state);
    const asked: string[] = [];
    await expect(runSummary(settings(), async (q) => { asked.push(q); return false; })).rejects.toThrow(/Đã huỷ/);
    expect(asked[0]).toMatch(/không hoàn tác/);
    expect(x.state.deleted).toEqual(before.deleted);
    expect(x.state.undoCleared).toBe(before.undoCleared);
  });
});

describe('item 7: the pane stays on the user\'s table', () => {
  it('after the summary (or the new classification sheet) is active, "Kiểm tra bảng" still reads "Phụ lục"', async () => {
    await runSummary(settings());
    expect(x.state.active).toBe('Tổng hợp (tiendo)');
    expect((await runCheck(settings())).sheet).toBe('Phụ lục');
    await runClassify(settings({ target: 'sheet' }));
    expect(x.state.active).toBe('Phân loại (tiendo)');
    const r = await runSummary(settings());
    const summary = cells(x, 'Tổng hợp (tiendo)').flat().filter((v) => typeof v === 'string').join('\n');
    expect(summary).not.toContain('Phân loại (tiendo)');
    expect(r.units).toBeGreaterThan(0);
  });
});

describe('item 8 and 12: an older Excel (isSetSupported false above ExcelApi 1.8)', () => {
  it('reads without cell properties and merged areas, and still finds the table', async () => {
    x = install({ active: 'Phụ lục', sheets: clone(seed), supported: { ExcelApi: '1.8' } });
    const view = await runCheck(settings());
    expect(view.tasks).toBe(8);
    // and classifies: columns and colours written; the dropdown (1.8) too
    await runClassify(settings());
    expect(cells(x)[5].slice(8, 13)).toEqual([...OWN_HEADERS]);
    expect(x.state.validations).toHaveLength(1);
  });

  it('on ExcelApi 1.7 (Excel 2019; below the dropdown\'s 1.8) the table is read and the columns are written without a dropdown', async () => {
    x = install({ active: 'Phụ lục', sheets: clone(seed), supported: { ExcelApi: '1.7' } });
    expect((await runCheck(settings())).tasks).toBe(8);
    await runClassify(settings());
    expect(cells(x)[7][8]).toBe('Đã hoàn thành');
    expect(x.state.validations).toEqual([]);
  });
});

describe('item 12: the response payload limit', () => {
  it('a sheet whose response passes 5 MB is read again in row chunks', async () => {
    const big: Cell[][] = [['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ']];
    for (let i = 1; i <= 6000; i++) big.push([i, `Nhiệm vụ số ${i} ${'rà soát, hoàn thiện thể chế '.repeat(30)}`, 'Bộ Tư pháp', '31/12/2025', 'Đang thực hiện']);
    x = install({ active: 'Lớn', sheets: [{ name: 'Lớn', cells: big }] });
    const grid = await readActiveSheet('sheet');
    expect(grid.rows).toHaveLength(6001);
    expect(x.state.runs).toBe(2); // the one-sync read refused, then the chunked read
  });
});
