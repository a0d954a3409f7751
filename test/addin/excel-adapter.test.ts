import { fromTasks } from '../../report/report';
import { summaryLayout } from '../../addin/pane/summary';
import { late, mkTask } from '../report/rollup-helpers';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  chunkRows,
  guardedFormats,
  parseAreas,
  readActiveSheet,
  selectCell,
  setListValidation,
  setRowHighlights,
  writeBlocks,
  writeNewSheet,
  writeSummarySheet,
  type CellBlock,
} from '../../addin/excel-adapter';
import { installMock, newSheet, newState, type MockState } from './mock-excel';
import { installStandin } from './standin-node';

let state: MockState;

function appendixSheet() {
  // a title block, a table starting at B4 with a merged section row and a date serial
  const cells = [
    ['PHỤ LỤC'],
    ['(Kèm theo Báo cáo số 12/BC-VP)'],
    [],
    ['', 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
    ['', 'A', 'NHIỆM VỤ CHUNG'],
    ['', 1, 'Rà soát văn bản', 'Bộ Tư pháp', 45961, 'Đã hoàn thành'],
    ['', 2, 'Xây dựng đề án', 'Bộ Nội vụ', '', ''],
  ];
  const formats: string[][] = [];
  formats[5] = [];
  formats[5][4] = 'dd/mm/yyyy';
  const fonts: { name?: string; bold?: boolean }[][] = [];
  fonts[3] = [{}, { name: 'Times New Roman', bold: true }, { name: 'Times New Roman', bold: true }];
  fonts[4] = [{}, { name: 'Times New Roman', bold: true }, { name: 'Times New Roman', bold: true }];
  fonts[5] = [{}, { name: '.VnTime' }];
  return newSheet('Phụ lục', cells, { formats, fonts, merged: "'Phụ lục'!C5:F5, 'Phụ lục'!A1:F1" });
}

beforeEach(() => {
  state = newState([appendixSheet()]);
  installMock(state);
});

describe('readActiveSheet', () => {
  it('reads the used range into a Grid in one run and one sync', async () => {
    const g = await readActiveSheet();
    expect(state.runs).toBe(1);
    expect(state.syncs).toBe(1);
    expect(g.name).toBe('Phụ lục');
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.rows[3]).toEqual([null, 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ']);
    expect(g.rows[5]).toEqual([null, 1, 'Rà soát văn bản', 'Bộ Tư pháp', 45961, 'Đã hoàn thành']);
    expect(g.rows[6][5]).toBeNull();
    expect(g.styles?.[5][4]).toEqual({ numFmt: 'dd/mm/yyyy', font: 'Calibri' });
    expect(g.styles?.[5][1]).toEqual({ font: '.VnTime' });
    expect(g.styles?.[3][1]).toEqual({ font: 'Times New Roman', bold: true });
    // interned: equal styles share one object
    expect(g.styles?.[3][1]).toBe(g.styles?.[4][2]);
    expect(g.merges).toEqual([
      { top: 4, left: 2, bottom: 4, right: 5 },
      { top: 0, left: 0, bottom: 0, right: 5 },
    ]);
  });

  it('reads only the selection when asked, with grid coordinates relative to it', async () => {
    // the Excel stand-in: the selection is narrowed to the used range (getIntersectionOrNullObject)
    const s = appendixSheet();
    const x = installStandin({ active: s.name, sheets: [{ name: s.name, cells: s.cells, formats: s.formats, fonts: s.fonts, merges: [{ top: 4, left: 2, bottom: 4, right: 5 }, { top: 0, left: 0, bottom: 0, right: 5 }] }] });
    x.select(s.name, 'B4:F7');
    const g = await readActiveSheet('selection');
    expect(g.origin).toEqual({ row: 4, col: 2 });
    expect(g.rows[0]).toEqual(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ']);
    expect(g.merges[0]).toEqual({ top: 1, left: 1, bottom: 1, right: 4 });
  });

  it('reads a sheet with no merged areas', async () => {
    state.sheets[0].merged = '';
    const g = await readActiveSheet();
    expect(g.merges).toEqual([]);
  });
});

describe('readActiveSheet on a sheet too large for one response', () => {
  it('falls back to reading row chunks, one sync each, and returns the same grid', async () => {
    const whole = await readActiveSheet();
    state.syncs = 0;
    state.runs = 0;
    state.readLimitCells = 20; // 7 rows × 6 columns = 42 cells: too much for one response
    const g = await readActiveSheet('sheet', { chunkRows: 3 });
    expect(g).toEqual(whole);
    // failed single read (1 sync), shape + merges (1), 3 chunks of 3, 3 and 1 rows
    expect(state.runs).toBe(2);
    expect(state.syncs).toBe(5);
  });

  it('other Excel errors are not retried', async () => {
    state.active = 'Không có';
    await expect(readActiveSheet()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(state.runs).toBe(1);
  });
});

describe('parseAreas', () => {
  it('parses quoted sheet names containing commas and "!"-less lists', () => {
    expect(parseAreas("'Phụ lục, 2'!A1:C1, 'Phụ lục, 2'!$B$5:$G$5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 2, bottom: 5, right: 7 },
    ]);
    expect(parseAreas('A1:B2,AA10')).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 10, left: 27, bottom: 10, right: 27 },
    ]);
    expect(parseAreas('')).toEqual([]);
  });
});

describe('formula-injection guard', () => {
  it('formats as text every string starting with = + - @, and only those', () => {
    const f = guardedFormats([['=HYPERLINK("http://x","bấm")', '+84 912 345 678', '-', '@mention', 'Bình thường', 5, null]], ['@', 'General', undefined, undefined, undefined, '0']);
    expect(f).toEqual([['@', '@', '@', '@', 'General', '0', 'General']]);
  });

  it('writes hostile text as text: no cell becomes a formula', async () => {
    await writeBlocks('Phụ lục', [{ row: 10, col: 2, values: [['=1+1', '+SUM(A1:A3)', '@cmd', '-2+3', 'ok']] }]);
    const sheet = state.sheets[0];
    expect(sheet.formulas).toEqual([]);
    expect(sheet.cells[9].slice(1, 6)).toEqual(['=1+1', '+SUM(A1:A3)', '@cmd', '-2+3', 'ok']);
    expect(sheet.formats[9].slice(1, 6)).toEqual(['@', '@', '@', '@', 'General']);
  });

  it('the mock does flag a formula when the guard is bypassed (the check can fail)', async () => {
    const sheet = state.sheets[0];
    const { formats } = sheet;
    formats[20] = ['General'];
    // write directly, as code without the guard would
    await (globalThis as unknown as { Excel: { run: (cb: (c: never) => Promise<void>) => Promise<void> } }).Excel.run(async (ctx: never) => {
      const c = ctx as unknown as { workbook: { worksheets: { getItem: (n: string) => { getRangeByIndexes: (...a: number[]) => { values: unknown } } } } };
      c.workbook.worksheets.getItem('Phụ lục').getRangeByIndexes(20, 0, 1, 1).values = [['=1+1']];
    });
    expect(sheet.formulas).toEqual(['A21']);
  });
});

describe('payload chunking', () => {
  const bigColumn = (n: number, text: string) => Array.from({ length: n }, (_, i) => [`${text} ${i}`]);

  it('splits rows so each chunk stays under the budget and covers every row once', () => {
    const values = bigColumn(1000, 'x'.repeat(500));
    const chunks = chunkRows(values, 100_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0][0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(1000);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i][0]).toBe(chunks[i - 1][1]);
    for (const [a, b] of chunks) expect(JSON.stringify(values.slice(a, b)).length).toBeLessThan(100_000);
  });

  it('a 5,000-row column is written in one run with one sync', async () => {
    const block: CellBlock = { row: 2, col: 9, values: bigColumn(5000, 'Chưa hoàn thành, trong hạn') };
    const syncs = await writeBlocks('Phụ lục', [block]);
    expect(state.runs).toBe(1);
    expect(syncs).toBe(1);
    expect(state.syncs).toBe(1);
    expect(state.writes).toHaveLength(1);
    expect(state.sheets[0].cells[5000][8]).toBe('Chưa hoàn thành, trong hạn 4999');
  });

  it('a payload over the budget is sent in several syncs of one run, never one per row', async () => {
    const values = bigColumn(3000, 'ô '.repeat(400)); // ~2.4 MB of UTF-16 text
    const syncs = await writeBlocks('Phụ lục', [{ row: 1, col: 20, values }], { budget: 500_000 });
    expect(state.runs).toBe(1);
    expect(syncs).toBeGreaterThanOrEqual(4);
    expect(syncs).toBeLessThan(20);
    const rows = state.writes.reduce((n, w) => n + w.rows, 0);
    expect(rows).toBe(3000);
    for (const w of state.writes) expect(JSON.stringify(w.values).length * 2).toBeLessThan(500_000 + 2000);
    expect(state.sheets[0].cells[2999][19]).toBe(values[2999][0]);
  });

  it('null clears a cell ("" is sent), dates become serials formatted dd/mm/yyyy', async () => {
    state.sheets[0].cells[6][5] = 'cũ';
    await writeBlocks('Phụ lục', [{ row: 7, col: 6, values: [[null, new Date(Date.UTC(2025, 9, 31))]] }]);
    expect(state.sheets[0].cells[6][5]).toBe('');
    expect(state.sheets[0].cells[6][6]).toBe(45961);
    expect(state.sheets[0].formats[6][6]).toBe('dd/mm/yyyy');
  });
});

describe('other writes', () => {
  it('new sheet: empties an existing one in place (no Worksheet.delete: the undo stack survives), writes, activates it', async () => {
    const x = installStandin({ active: 'Phụ lục', sheets: [{ name: 'Phụ lục', cells: [['a']] }, { name: 'Phân loại', cells: [['cũ', 'cũ'], ['cũ', 'cũ'], ['cũ', 'cũ']] }] });
    await writeNewSheet('Phân loại', [{ row: 1, col: 1, values: [['Dòng', 'STT'], [6, '1']] }], { freezeRows: 1 });
    expect(x.state.deleted).toEqual([]);
    expect(x.state.undoCleared).toBe(0);
    const s = x.state.sheets.find((q) => q.name === 'Phân loại')!;
    expect(s.cells.map((r) => r.map((v) => v ?? ''))).toEqual([['Dòng', 'STT'], [6, '1'], ['', '']]);
    expect(x.state.active).toBe('Phân loại');
    expect(x.state.runs).toBe(1);
  });

  it('conditional formats: tiendo\'s own replaced, in priority order, the user\'s kept', async () => {
    const x = installStandin({
      active: 'Phụ lục',
      sheets: [{ name: 'Phụ lục', cells: [['a']] }],
      conditionalFormats: [{ sheet: 'Phụ lục', address: 'B6:J9', formula: '=$B6>3', fill: '#0000FF' }],
    });
    const rules = [{ formula: '=$J6="Quá hạn"', fill: '#F8CBAD' }, { formula: '=$I6="Đã hoàn thành đúng hạn"', fill: '#C6EFCE' }];
    await setRowHighlights('Phụ lục', 'B6:J7', rules);
    await setRowHighlights('Phụ lục', 'B6:J7', rules);
    expect(x.state.conditionalFormats.map((c) => [c.address, c.formula, c.fill])).toEqual([
      ['B6:J7', '=AND($J6="Quá hạn",N("tiendo")=0)', '#F8CBAD'],
      ['B6:J7', '=AND($I6="Đã hoàn thành đúng hạn",N("tiendo")=0)', '#C6EFCE'],
      ['B6:J9', '=$B6>3', '#0000FF'],
    ]);
  });

  it('status dropdown: a list validation, not stacked on re-run, and an existing rule is kept', async () => {
    const x = installStandin({ active: 'Phụ lục', sheets: [{ name: 'Phụ lục', cells: [['a']] }] });
    const msg = { title: 'Tiến độ', text: 'Chọn trong danh sách' };
    expect(await setListValidation('Phụ lục', 'F6:F7', ['Đã hoàn thành', 'Đang thực hiện'], msg)).toBe('added');
    expect(await setListValidation('Phụ lục', 'F6:F7', ['Đã hoàn thành', 'Đang thực hiện'], msg)).toBe('kept');
    expect(x.state.validations).toHaveLength(1);
    expect(x.state.validations[0].rule).toEqual({ list: { inCellDropDown: true, source: 'Đã hoàn thành,Đang thực hiện' } });
  });

  it('summary sheet: the printable appendix (Times New Roman, merges, A4, frozen header) with a stacked bar chart', async () => {
    const report = fromTasks('2025-11-15', [
      mkTask({ units: ['Bộ Nội vụ'], progress: 'done', category: 'done_on_time' }),
      late(['=Bộ lạ'], 12),
    ]);
    await writeSummarySheet(summaryLayout(report, 'Phụ lục', '(Kèm theo Báo cáo số 12/BC-VPCP)'));
    const s = state.sheets.find((x) => x.name === 'Tổng hợp (tiendo)')!;
    expect(s.cells[0][0]).toBe('Phụ lục');
    expect(s.cells[2][0]).toBe('(Kèm theo Báo cáo số 12/BC-VPCP)');
    expect(s.cells[3][0]).toBe('(Số liệu tính đến ngày 15/11/2025; nguồn: trang tính "Phụ lục")');
    // two-row header: group titles on row 6, the rest merged down to row 7
    expect(s.cells[5][3]).toBe('Tiến độ đơn vị báo cáo');
    expect(s.cells[6][3]).toBe('Đã hoàn thành');
    expect(state.merges).toContain('Tổng hợp (tiendo)!A1:R1');
    expect(state.merges).toContain('Tổng hợp (tiendo)!A6:A7');
    const unitRow = s.cells.find((r) => r?.[1] === '=Bộ lạ')!;
    expect(unitRow.slice(0, 3)).toEqual(['1', '=Bộ lạ', 1]);
    expect(s.cells.find((r) => r?.[1] === 'Tổng cộng')!.slice(2, 3)).toEqual([2]);
    expect(s.formulas).toEqual([]);
    const looks = state.writes.filter((w) => w.sheet === 'Tổng hợp (tiendo)' && w.look).map((w) => w.look!);
    expect(looks.some((l) => l.font === 'Times New Roman' && l.size === 12)).toBe(true);
    expect(looks.some((l) => Array.isArray(l.borders) && l.borders.includes('InsideHorizontal:Continuous'))).toBe(true);
    expect(state.pageLayout['Tổng hợp (tiendo)']).toEqual({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: '$6:$7' });
    expect(state.charts).toHaveLength(1);
    expect(state.charts[0]).toMatchObject({ type: 'BarStacked', title: 'Tình hình thực hiện nhiệm vụ theo đơn vị', address: 'Tổng hợp (tiendo)!K8:P9', categories: 'Tổng hợp (tiendo)!B8:B9' });
    expect(state.charts[0].series!.map((x) => x.name)).toEqual(['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Trong hạn', 'Quá hạn', 'Thường xuyên', 'Dừng thực hiện']);
    expect(state.runs).toBe(1);
  });

  it('selectCell activates the sheet and selects the cell', async () => {
    state.sheets.push(newSheet('Khác'));
    await selectCell('Phụ lục', 'F7');
    expect(state.selected).toEqual({ sheet: 'Phụ lục', address: 'F7:F7' });
    expect(state.active).toBe('Phụ lục');
  });
});

describe('idempotent classify through the adapter', () => {
  it('read → plan → write twice: the same five columns, headers not duplicated, no formulas', async () => {
    const { readSeed, writeFixture } = await import('./fixture-seed');
    const { analyse } = await import('../../addin/pane/actions');
    const { planBeside } = await import('../../addin/pane/classify-plan');
    const { OWN_HEADERS } = await import('../../addin/pane/own-columns');
    const s = (await readSeed(await writeFixture('test-output/addin/adapter-fixture.xlsx')))[0];
    const L = (c: number) => String.fromCharCode(65 + c);
    state = newState([
      newSheet(s.name, s.cells.map((r) => (r ?? []).map((v) => v ?? '')), {
        formats: s.formats.map((r) => (r ?? []).map((v) => v ?? 'General')),
        fonts: s.fonts.map((r) => (r ?? []).map((f) => f ?? {})),
        merged: s.merges.map((m) => `'${s.name}'!${L(m.left)}${m.top + 1}:${L(m.right)}${m.bottom + 1}`).join(', '),
      }),
    ]);
    installMock(state);
    const columns: number[][] = [];
    for (let pass = 0; pass < 2; pass++) {
      const grid = await readActiveSheet();
      const a = analyse(grid, '2025-11-15');
      expect(a.tasks).toHaveLength(8);
      const plan = planBeside(grid, a.read, a.tasks, 7);
      columns.push(plan.columns);
      await writeBlocks(plan.sheet, plan.blocks);
    }
    expect(columns).toEqual([[9, 10, 11, 12, 13], [9, 10, 11, 12, 13]]);
    const cells = state.sheets[0].cells;
    expect(cells.flat().filter((v) => (OWN_HEADERS as readonly unknown[]).includes(v))).toHaveLength(5);
    expect(cells[5].slice(8, 13)).toEqual([...OWN_HEADERS]);
    expect(cells[8].slice(8, 13)).toEqual(['Đang thực hiện', 'Chưa hoàn thành, quá hạn', 'Quá hạn', 46, '']);
    expect(Math.max(...cells.map((r) => r?.length ?? 0))).toBe(13);
    expect(state.sheets[0].formulas).toEqual([]);
    // two reads + two writes, one sync each
    expect(state.runs).toBe(4);
    expect(state.syncs).toBe(4);
  });
});
