import { describe, expect, it } from 'vitest';
import { INJECTIONS, expectChartWired, wellFormed } from './test-helpers';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsxFile } from '../../xlsx/read';
import { writeWorkbook } from '../../xlsx/write';
import { escAttr, escText, tElement } from '../../xlsx/writer/lean/xml';
import type { SheetSpec, WorkbookSpec } from '../../report/layout/spec';
import { reportTemplateSpec } from '../../report/layout/report-template';
import { summarySpec } from '../../report/layout/summary';
import { syntheticReport } from './lean-fixtures';

async function tmp(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'tiendo-lean-')), name);
}

async function both(spec: WorkbookSpec): Promise<{ exceljs: string; lean: string }> {
  const exceljs = await tmp('exceljs.xlsx');
  const lean = await tmp('lean.xlsx');
  await writeWorkbook(spec, exceljs, { engine: 'exceljs', streamAbove: 1e9 });
  await writeWorkbook(spec, lean, { engine: 'lean' });
  return { exceljs, lean };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

async function entries(path: string): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

type Internal = ExcelJS.Worksheet & {
  sheetProtection?: Record<string, unknown>;
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: unknown[];
  model: { merges: string[] };
};

/** Everything a user sees in a worksheet, as plain data (what ExcelJS reads back). */
function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const w = ws as Internal;
  const cells: Record<string, unknown> = {};
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.height) rows[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value;
      cells[cell.address] = {
        type: cell.type,
        value: v instanceof Date ? v.toISOString() : v,
        font: cell.font, fill: cell.fill, border: cell.border, numFmt: cell.numFmt, alignment: cell.alignment,
        locked: cell.protection?.locked,
      };
    });
  });
  const columns = (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  const { horizontalDpi: _h, verticalDpi: _v, ...pageSetup } = ws.pageSetup as Record<string, unknown>;
  return {
    name: ws.name, state: ws.state, cells, rows, columns,
    merges: [...w.model.merges].sort(),
    views: (ws.views ?? []).map((v) => ({ ...v })),
    pageSetup,
    headerFooter: ws.headerFooter,
    printTitles: ws.pageSetup.printTitlesRow,
    protection: w.sheetProtection ?? null,
    validations: w.dataValidations.model,
    conditional: w.conditionalFormattings,
    autoFilter: ws.autoFilter ?? null,
  };
}

async function compare(spec: WorkbookSpec): Promise<{ lean: string; wbLean: ExcelJS.Workbook }> {
  const { exceljs, lean } = await both(spec);
  const [a, b] = [await load(exceljs), await load(lean)];
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const ws of a.worksheets) {
    const expected = snapshot(ws);
    const actual = snapshot(b.getWorksheet(ws.name)!);
    for (const key of Object.keys(expected)) expect(actual[key], `${ws.name}: ${key}`).toEqual(expected[key]);
  }
  return { lean, wbLean: b };
}

function sheet(extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: 'Tổng hợp',
    titleBlock: [{ text: 'Phụ lục', bold: true }, { text: '(Kèm theo Báo cáo số 12/BC-VPCP)', italic: true }],
    columns: [
      { header: 'STT', width: 6, key: 'stt' },
      { header: 'Đơn vị', width: 30, key: 'unit' },
      { header: 'Hoàn thành', width: 10, key: 'done', numFmt: '#,##0' },
      { header: 'Quá hạn', width: 10, key: 'late' },
      { header: 'Tiến độ', width: 16, key: 'status', unlocked: true },
      { header: 'Ngày', width: 12, key: 'date', align: 'center' },
      { header: 'Mã', width: 10, key: 'id', hidden: true },
    ],
    headerGroups: [{ title: 'Số nhiệm vụ', from: 'done', to: 'late' }],
    columnNumbers: true,
    rows: [
      { cells: ['A', 'Nhiệm vụ chung'], kind: 'section' },
      ['1', 'Bộ Nội vụ', 3, 1, null, new Date(Date.UTC(2025, 9, 31)), 'NV-1'],
      ['2', { value: 'Bộ Y tế', bold: true, color: 'C00000', fill: 'FCE4D6' }, 2, { value: 0.257, numFmt: '0.0%' }, 'Đang thực hiện', { value: new Date(Date.UTC(2025, 0, 2)), numFmt: 'dd/mm/yyyy hh:mm' }, 'NV-2'],
      ['3', '  lề hai bên  ', true, false, 'A & B <c> "d" \'e\'', 'Dòng 1\nDòng 2', 'x\u0001y'],
      ...INJECTIONS.map((s, i) => [String(i + 4), s, 0, 0, null, null, 'X' + String(i)]),
      { cells: ['', 'Tổng cộng', 5, 5], kind: 'total', height: 24 },
    ],
    blankRows: 3,
    merges: ['F20:G20'],
    freeze: true,
    freezeColumns: 2,
    autoFilter: true,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeader: true },
    protection: {},
    dataValidations: [
      { column: 'status', type: 'list', list: ['Đã hoàn thành', 'Đang thực hiện'], input: { title: 'Tiến độ', body: 'Chọn "một" giá trị & <Enter>' }, error: { title: 'Sai', body: 'Không hợp lệ' } },
      { column: 'date', type: 'date', min: '2020-01-01', max: '2030-12-31', input: { title: 'Một tiêu đề rất dài vượt quá ba mươi hai ký tự cho phép', body: 'x'.repeat(400) } },
      { column: 'late', type: 'whole', min: 0, max: 999, allowBlank: false },
    ],
    conditionalFormats: [{ column: 'status', equals: 'Chưa "hoàn" thành', fill: 'F8CBAD', color: '9C0006' }],
    charts: [{ type: 'bar', grouping: 'stacked', title: 'Tình hình <theo> đơn vị', categories: 'unit', rows: { first: 1, last: 2 },
      series: [{ name: 'Hoàn thành', column: 'done', color: '70AD47' }, { name: 'Quá hạn', column: 'late', color: 'C00000' }] }],
    footer: [{ text: 'Ghi chú: số liệu tạm tính.', italic: true }],
    tabColor: '70AD47',
    ...extra,
  };
}

describe('lean writer renders what the ExcelJS path renders', () => {
  it('a sheet with every feature: groups, sections, totals, looks, dates, validations, protection, print, freeze, filter', async () => {
    const spec: WorkbookSpec = { sheets: [sheet(), { name: 'Ẩn', columns: [{ header: 'A', width: 10 }], rows: [['x']], hidden: true }], creator: 'tiendo', title: 'Thử' };
    const { wbLean } = await compare(spec);
    // Hand-written anchors, so a shared mistake in both paths still fails.
    const ws = wbLean.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('C4').value).toBe('Số nhiệm vụ');
    expect(ws.getCell('C5').value).toBe('Hoàn thành');
    expect(ws.getCell('A6').value).toBe('(1)');
    expect(ws.getCell('G6').value).toBeNull();
    expect(ws.getCell('B8').value).toBe('Bộ Nội vụ');
    expect(ws.getCell('F8').value).toEqual(new Date(Date.UTC(2025, 9, 31)));
    expect(ws.getCell('F8').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B9').font).toMatchObject({ name: 'Times New Roman', bold: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('D9').numFmt).toBe('0.0%');
    expect(ws.getCell('B10').value).toBe('  lề hai bên  ');
    expect(ws.getCell('C10').value).toBe(true);
    expect(ws.getCell('E10').value).toBe('A & B <c> "d" \'e\'');
    expect(ws.getCell('F10').value).toBe('Dòng 1\nDòng 2');
    expect(ws.getCell('G10').value).toBe('xy');
    expect(ws.getCell('E8').protection.locked).toBe(false);
    expect(ws.getColumn(7).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:6' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6, topLeftCell: 'C7' });
    expect(wbLean.getWorksheet('Ẩn')!.state).toBe('hidden');
  });

  it('the report template (protection, unlocked columns, dropdowns, conditional formats, dates) matches', async () => {
    const spec = reportTemplateSpec({
      unit: 'Bộ Nội vụ', asOf: '2025-11-15', blankRows: 5,
      rows: [
        { section: 'Nhiệm vụ chung', label: 'A' },
        { stt: '1', task: 'Ban hành kế hoạch', lead: 'Bộ Nội vụ', deadline: new Date(Date.UTC(2025, 9, 31)), id: 'NV-1', status: 'Đang thực hiện' },
        { stt: '2', task: '=1+1', lead: 'Bộ Y tế', co: 'Bộ Tài chính', deadline: 'Quý IV/2025', id: 'NV-2', result: 'Đã trình' },
      ],
    }, [{ stt: '1', task: 'Phối hợp xây dựng dữ liệu', lead: 'Bộ Công an', deadline: 'Năm 2025' }]);
    const { wbLean } = await compare(spec);
    const ws = wbLean.getWorksheet('Báo cáo')!;
    expect((ws as Internal).sheetProtection).toMatchObject({ sheet: true });
    const dv = (ws as Internal).dataValidations.model as Record<string, ExcelJS.DataValidation>;
    expect(dv.G10.type).toBe('list');
    expect(dv.E10.type).toBe('date');
  });

  it('the summary appendix (tong-hop.xlsx) of a few hundred tasks matches, sheet for sheet', async () => {
    const spec = summarySpec(syntheticReport(300, 40), { title: 'Tình hình thực hiện Đề án 06', kemTheo: '(Kèm theo Báo cáo số 12/BC-VPCP)' });
    const { lean, wbLean } = await compare(spec);
    expect(wbLean.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Chưa báo cáo', 'Chi tiết', 'Cảnh báo', 'Nguồn']);
    const detail = wbLean.getWorksheet('Chi tiết')!;
    // Three title lines, a blank row and the header: tasks from row 6.
    expect(detail.getCell('C6').value).toBe('Triển khai nhiệm vụ số 1 về chuyển đổi số, cải cách hành chính và dữ liệu dân cư');
    const xml = await entries(lean);
    expect(xml['xl/workbook.xml']).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">');
  });
});

describe('lean writer output', () => {
  it('keeps formula-like text as string cells: no <f> anywhere, escaped in the shared strings', async () => {
    const path = await tmp('inject.xlsx');
    await writeWorkbook({ sheets: [sheet()] }, path, { engine: 'lean' });
    const xml = await entries(path);
    const sheetXml = xml['xl/worksheets/sheet1.xml'];
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(xml['xl/sharedStrings.xml']).toContain('<si><t>=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bấm vào đây&quot;)</t></si>');
    expect(xml['xl/sharedStrings.xml']).toContain('<si><t xml:space="preserve">  lề hai bên  </t></si>');
    expect(xml['xl/sharedStrings.xml']).toContain('<si><t>A &amp; B &lt;c&gt; &quot;d&quot; \'e\'</t></si>');
    expect(sheetXml).toMatch(/<c r="B11" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    expect(sheetXml).toContain('promptTitle="Tiến độ" prompt="Chọn &quot;một&quot; giá trị &amp; &lt;Enter&gt;"');
    const wb = await load(path);
    INJECTIONS.forEach((s, i) => {
      const cell = wb.getWorksheet(1)!.getCell(`B${11 + i}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(s);
    });
  });

  it('writes the chart parts directly, all well-formed and referenced', async () => {
    const path = await tmp('chart.xlsx');
    await writeWorkbook({ sheets: [{ name: 'Khác', columns: [{ header: 'A', width: 10 }], rows: [['x']] }, sheet()] }, path, { engine: 'lean' });
    const xml = await entries(path);
    for (const text of Object.values(xml)) wellFormed(text);
    expect(xml['xl/worksheets/sheet1.xml']).not.toContain('<drawing');
    expectChartWired(xml, 'sheet2');
    const chart = xml['xl/charts/chart1.xml'];
    expect(chart).toContain('<a:t>Tình hình &lt;theo&gt; đơn vị</a:t>');
    // Data rows 8-9 (titles 1-2, blank 3, header 4-5, numbers 6, section 7) hold Bộ Nội vụ and Bộ Y tế.
    expect(chart).toContain("<c:f>'Tổng hợp'!$B$8:$B$9</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>Bộ Nội vụ</c:v></c:pt><c:pt idx="1"><c:v>Bộ Y tế</c:v></c:pt>');
  });

  it('writes 200,000 task rows through writeWorkbook (lean above the threshold), read back by the lean reader', async () => {
    const path = await tmp('tong-hop.xlsx');
    const spec = summarySpec(syntheticReport(200_000));
    await writeWorkbook(spec, path);
    const xml = unzipSync(new Uint8Array(await readFile(path)), { filter: (f) => f.name === 'xl/workbook.xml' });
    expect(strFromU8(xml['xl/workbook.xml'])).toContain('name="Chi tiết"');
    const { grids, error } = await readXlsxFile(path, { limits: { maxFileBytes: 500e6, maxPartBytes: 2e9, maxTotalBytes: 4e9, maxRatio: 1000, maxCells: 1e8, maxRows: 1e8 } });
    expect(error).toBeNull();
    const detail = grids.find((g) => g.name === 'Chi tiết')!;
    // 3 title lines, a blank row, 1 header row, then the tasks.
    expect(detail.rows.length).toBe(5 + 200_000);
    expect(detail.rows[5][2]).toBe('Triển khai nhiệm vụ số 1 về chuyển đổi số, cải cách hành chính và dữ liệu dân cư');
    const idCol = detail.rows[4].indexOf('Mã nhiệm vụ');
    expect(idCol).toBeGreaterThan(0);
    expect(detail.rows[5 + 199_999][idCol]).toBe('T199999');
  }, 300_000);
});

describe('lean XML escaping', () => {
  it('escapes text, attributes and keeps edge spaces', () => {
    expect(escText('a & b < c > "d"\r')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;&#13;');
    expect(escAttr('x="1"\n\ty')).toBe('x=&quot;1&quot;&#10;&#9;y');
    expect(tElement(' a')).toBe('<t xml:space="preserve"> a</t>');
    expect(tElement('a\nb')).toBe('<t xml:space="preserve">a\nb</t>');
    expect(tElement('ab')).toBe('<t>ab</t>');
  });
});

describe('lean writer failures', () => {
  it('leaves no half-written file when the spec cannot be rendered', async () => {
    const path = await tmp('bad.xlsx');
    const spec: WorkbookSpec = { sheets: [{ ...sheet(), dataValidations: [{ column: 'status', type: 'list', list: ['x'.repeat(300)] }] }] };
    await expect(writeWorkbook(spec, path, { engine: 'lean' })).rejects.toThrow(/Danh sách chọn quá dài/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });
});
