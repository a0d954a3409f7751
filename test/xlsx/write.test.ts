import { describe, expect, it } from 'vitest';
import { INJECTIONS, expectChartWired, wellFormed } from './test-helpers';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { safeSheetName, writeWorkbook } from '../../xlsx/write';
import { safeText } from '../../xlsx/writer/text';
import type { SheetSpec, WorkbookSpec } from '../../report/layout/spec';

function sheet(extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: 'Tổng hợp',
    titleBlock: [{ text: 'Phụ lục', bold: true }, { text: '(Kèm theo Báo cáo số 12/BC-VPCP)', italic: true }],
    columns: [
      { header: 'STT', width: 6, key: 'stt' },
      { header: 'Đơn vị', width: 30, key: 'unit' },
      { header: 'Hoàn thành', width: 10, key: 'done' },
      { header: 'Quá hạn', width: 10, key: 'late' },
      { header: 'Tiến độ', width: 16, key: 'status', unlocked: true },
      { header: 'Mã', width: 10, key: 'id', hidden: true },
    ],
    headerGroups: [{ title: 'Số nhiệm vụ', from: 'done', to: 'late' }],
    rows: [
      { cells: ['A', 'Nhiệm vụ chung'], kind: 'section' },
      ['1', 'Bộ Nội vụ', 3, 1, null, 'NV-1'],
      ['2', 'Bộ Y tế', 2, 4, 'Đang thực hiện', 'NV-2'],
      ...INJECTIONS.map((s, i) => [String(i + 3), s, 0, 0, null, 'X' + String(i)]),
      { cells: ['', 'Tổng cộng', 5, 5], kind: 'total' },
    ],
    merges: ['E14:F14'],
    freeze: true,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeader: true },
    protection: {},
    dataValidations: [
      { column: 'status', type: 'list', list: ['Đã hoàn thành', 'Đang thực hiện'], input: { title: 'Tiến độ', body: 'Chọn trong danh sách' }, error: { title: 'Sai', body: 'Không hợp lệ' } },
      { column: 'late', type: 'date', input: { title: 'Một tiêu đề rất dài vượt quá ba mươi hai ký tự cho phép', body: 'x'.repeat(400) } },
    ],
    charts: [{ type: 'bar', grouping: 'stacked', title: 'Tình hình theo đơn vị', categories: 'unit', rows: { first: 1, last: 2 },
      series: [{ name: 'Hoàn thành', column: 'done', color: '70AD47' }, { name: 'Quá hạn', column: 'late', color: 'C00000' }] }],
    ...extra,
  };
}

async function tmp(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'tiendo-write-')), name);
}

async function entries(path: string): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  return Object.fromEntries(Object.entries(files).filter(([, v]) => v.length).map(([k, v]) => [k, strFromU8(v)]));
}

/** Every entry's CRC in the central directory matches its inflated bytes. */
function checkCrcs(zip: Uint8Array): number {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = v.getUint32(eocd + 16, true);
  const n = v.getUint16(eocd + 10, true);
  for (let i = 0; i < n; i++) {
    const method = v.getUint16(p + 10, true);
    const crc = v.getUint32(p + 16, true);
    const size = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const off = v.getUint32(p + 42, true);
    const start = off + 30 + v.getUint16(off + 26, true) + v.getUint16(off + 28, true);
    const raw = zip.subarray(start, start + size);
    const data = method === 0 ? raw : inflateRawSync(raw);
    expect(crc32(data) >>> 0).toBe(crc);
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return n;
}

describe.each([
  ['in memory', 1e9],
  ['streaming', 0],
])('writeWorkbook (%s)', (_mode, streamAbove) => {
  it('renders title, two-row header, rows, protection, validations, print setup and frozen panes', async () => {
    const path = await tmp('a.xlsx');
    await writeWorkbook({ sheets: [sheet()] }, path, { streamAbove });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Tổng hợp')!;
    // Layout: titles rows 1-2, blank row 3, header rows 4-5, data from 6.
    expect(ws.getCell('A1').value).toBe('Phụ lục');
    expect(ws.getCell('A1').font.name).toBe('Times New Roman');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A2').font.italic).toBe(true);
    expect(ws.getCell('C4').value).toBe('Số nhiệm vụ');
    expect(ws.getCell('C5').value).toBe('Hoàn thành');
    expect(ws.getCell('B4').value).toBe('Đơn vị');
    expect(ws.getCell('B4').font.name).toBe('Times New Roman');
    expect(ws.getCell('B4').border.top?.style).toBe('thin');
    expect(ws.getCell('A6').value).toBe('A');
    expect(ws.getCell('B6').value).toBe('Nhiệm vụ chung');
    expect(ws.getCell('B7').value).toBe('Bộ Nội vụ');
    expect(ws.getCell('C8').value).toBe(2);
    expect(ws.getCell('F8').value).toBe('NV-2');
    expect(ws.getColumn(6).hidden).toBe(true);
    const model = ws.model as unknown as { merges: string[] };
    expect(model.merges).toEqual(expect.arrayContaining(['A1:E1', 'C4:D4', 'B4:B5', 'B6:E6', 'E14:F14']));
    // Protection with the Tiến độ column unlocked in data rows only.
    expect((ws as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection.sheet).toBe(true);
    expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeUndefined();
    expect(ws.getCell('E7').protection?.locked).toBe(false);
    expect(ws.getCell('D7').protection?.locked).not.toBe(false);
    expect(ws.getCell('E5').protection?.locked).not.toBe(false);
    // Validations: list with its input message; dialog texts clamped to Excel's limits.
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.E7.type).toBe('list');
    expect(dv.E7.formulae).toEqual(['"Đã hoàn thành,Đang thực hiện"']);
    expect(dv.E7.showInputMessage).toBe(true);
    expect(dv.E7.promptTitle).toBe('Tiến độ');
    expect(dv.D7.type).toBe('date');
    expect(dv.D7.promptTitle!.length).toBe(32);
    expect(dv.D7.prompt!.length).toBe(255);
    // Print: A4 landscape, fit to one page wide, header rows repeated.
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 0 });
  });

  it('keeps text that looks like a formula as a string cell (no <f>, in the shared strings)', async () => {
    const path = await tmp('inject.xlsx');
    await writeWorkbook({ sheets: [sheet()] }, path, { streamAbove });
    const xml = await entries(path);
    const sheetXml = xml['xl/worksheets/sheet1.xml'];
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
    const shared = xml['xl/sharedStrings.xml'];
    expect(shared).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bấm vào đây&quot;)');
    expect(shared).toContain('@SUM(A1:A2)');
    // B9 holds the HYPERLINK text: a shared-string cell.
    expect(sheetXml).toMatch(/<c r="B9"[^>]*t="s"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet(1)!;
    INJECTIONS.forEach((s, i) => {
      const cell = ws.getCell(`B${9 + i}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(s);
    });
  });

  it('adds a native bar chart: well-formed parts, all referenced, CRCs valid, still readable', async () => {
    const path = await tmp('chart.xlsx');
    await writeWorkbook({ sheets: [sheet(), { name: 'Khác', columns: [{ header: 'A', width: 10 }], rows: [['x']] }] }, path, { streamAbove });
    const bytes = new Uint8Array(await readFile(path));
    expect(checkCrcs(bytes)).toBeGreaterThan(10);
    const xml = await entries(path);
    for (const name of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels', '[Content_Types].xml', 'xl/worksheets/sheet1.xml']) {
      expect(xml[name], name).toBeDefined();
      wellFormed(xml[name]);
    }
    expectChartWired(xml, 'sheet1');
    expect(xml['xl/drawings/drawing1.xml']).toContain('r:id="rId1"');
    const chart = xml['xl/charts/chart1.xml'];
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    // Rows 7-8 hold Bộ Nội vụ and Bộ Y tế; the caches carry their values.
    expect(chart).toContain("<c:f>'Tổng hợp'!$B$7:$B$8</c:f>");
    expect(chart).toContain("<c:f>'Tổng hợp'!$C$7:$C$8</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>Bộ Nội vụ</c:v></c:pt><c:pt idx="1"><c:v>Bộ Y tế</c:v></c:pt>');
    expect(chart).toContain('<c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>4</c:v></c:pt>');
    expect(xml['xl/worksheets/sheet2.xml']).not.toContain('<drawing');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Khác']);
    expect(wb.getWorksheet('Tổng hợp')!.getCell('B8').value).toBe('Bộ Y tế');
  });
});

describe('writer helpers', () => {
  it('safeText drops characters XML cannot hold and keeps Vietnamese NFC', () => {
    expect(safeText('a\u0000b\u0007c\u000Bd\ttab\nline')).toBe('abcd\ttab\nline');
    expect(safeText('Ho\u0300a')).toBe('Hòa');
    expect(safeText('\uD800x')).toBe('x');
    expect(safeText('x'.repeat(40_000))).toHaveLength(32_767);
  });

  it('safeSheetName removes forbidden characters, caps at 31 and de-duplicates', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Báo cáo [Q3]: 2025/2026?', taken)).toBe('Báo cáo  Q3   2025 2026');
    expect(safeSheetName('Tổng hợp', taken)).toBe('Tổng hợp');
    expect(safeSheetName('tổng hợp', taken)).toBe('tổng hợp_2');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
  });

  it('writes a control character and an empty workbook sheet without breaking the file', async () => {
    const path = await tmp('ctrl.xlsx');
    const spec: WorkbookSpec = { sheets: [{ name: 'A', columns: [{ header: 'Nội dung', width: 20 }], rows: [['Dòng\u0001một']] }] };
    await writeWorkbook(spec, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('A')!.getCell('A2').value).toBe('Dòngmột');
  });
});
