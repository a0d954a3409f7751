/**
 * The writer (xlsx/write.ts), for every size, checked by reading its output back with
 * ExcelJS (test/xlsx/readback.ts): against the read-back of what the ExcelJS writer
 * wrote for the same specs before it was retired (test/xlsx/golden/), against
 * hand-written anchors (so a mistake pinned in a golden file still fails), and on the
 * XML itself (no formulas, escaping, chart parts, CRCs).
 *
 * After an intended change of the layout: UPDATE_GOLDEN=1 npx vitest run test/xlsx/write.test.ts,
 * then review the diff of test/xlsx/golden/.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { safeSheetName, writeWorkbook } from '../../xlsx/write';
import { safeText } from '../../xlsx/writer/text';
import { escAttr, escText, tElement } from '../../xlsx/writer/xml';
import { readXlsxFile } from '../../xlsx/read';
import type { SheetSpec, WorkbookSpec } from '../../report/layout/spec';
import { summarySpec } from '../../report/layout/summary';
import { readBack, snapshotJson, type WorkbookSnapshot } from './readback';
import { GOLDEN_SPECS, INJECTIONS, richSheet, syntheticReport } from './writer-fixtures';

/** Throws unless `xml` is well-formed XML with namespaces. */
export function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => { throw e; });
  p.write(xml).close();
}

/** The native chart is wired in: the sheet's drawing, its rels, the drawing's chart rel and both content-type overrides. */
export function expectChartWired(xml: Record<string, string>, sheet: string): void {
  expect(xml[`xl/worksheets/${sheet}.xml`]).toMatch(/<drawing r:id="rIdTiendoDrawing1"\/><\/worksheet>$/);
  expect(xml[`xl/worksheets/_rels/${sheet}.xml.rels`]).toContain('Id="rIdTiendoDrawing1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
  expect(xml['xl/drawings/_rels/drawing1.xml.rels']).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"');
  expect(xml['[Content_Types].xml']).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  expect(xml['[Content_Types].xml']).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
}

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

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type Internal = ExcelJS.Worksheet & { sheetProtection?: Record<string, unknown>; dataValidations: { model: Record<string, ExcelJS.DataValidation> } };

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

describe('writeWorkbook', () => {
  it('renders title, two-row header, rows, protection, validations, print setup and frozen panes', async () => {
    const path = await tmp('a.xlsx');
    await writeWorkbook({ sheets: [sheet()] }, path);
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
    await writeWorkbook({ sheets: [sheet()] }, path);
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
    await writeWorkbook({ sheets: [sheet(), { name: 'Khác', columns: [{ header: 'A', width: 10 }], rows: [['x']] }] }, path);
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

describe('the writer reproduces what the ExcelJS writer wrote (read back by ExcelJS)', () => {
  it.each(Object.keys(GOLDEN_SPECS))('%s', async (name) => {
    const path = await tmp(`${name}.xlsx`);
    await writeWorkbook(GOLDEN_SPECS[name](), path);
    const actual = JSON.parse(snapshotJson(await readBack(path))) as WorkbookSnapshot;
    const file = join(__dirname, 'golden', `${name}.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, snapshotJson(actual));
    const expected = JSON.parse(readFileSync(file, 'utf8')) as WorkbookSnapshot;
    expect(actual.properties).toEqual(expected.properties);
    expect(actual.looks).toEqual(expected.looks);
    expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expected.sheets.forEach((want, i) => {
      const got = actual.sheets[i] as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(want)) expect(got[key], `${want.name}: ${key}`).toEqual(value);
    });
  });

  it('every feature lands where the spec says (hand-written anchors)', async () => {
    const path = await tmp('anchors.xlsx');
    await writeWorkbook(GOLDEN_SPECS['every-feature'](), path);
    const wb = await load(path);
    const ws = wb.getWorksheet('Tổng hợp')!;
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
    expect(wb.getWorksheet('Ẩn')!.state).toBe('hidden');
    expect(wb.creator).toBe('tiendo');
  });

  it('the filled report template: protected, its status dropdown stops wrong values and explains itself', async () => {
    const path = await tmp('template.xlsx');
    await writeWorkbook(GOLDEN_SPECS['report-template-filled'](), path);
    const ws = (await load(path)).getWorksheet('Báo cáo')!;
    expect((ws as Internal).sheetProtection).toMatchObject({ sheet: true });
    const dv = (ws as Internal).dataValidations.model;
    expect(dv.G10).toMatchObject({ type: 'list', errorStyle: 'stop', showErrorMessage: true, showInputMessage: true, promptTitle: 'Tiến độ thực hiện' });
    expect(dv.E10.type).toBe('date');
  });

  it('the summary appendix: six sheets, tasks under three title lines and the header, print titles', async () => {
    const path = await tmp('tong-hop.xlsx');
    await writeWorkbook(GOLDEN_SPECS.summary(), path);
    const wb = await load(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Chưa báo cáo', 'Chi tiết', 'Cảnh báo', 'Nguồn']);
    expect(wb.getWorksheet('Chi tiết')!.getCell('C6').value).toBe('Triển khai nhiệm vụ số 1 về chuyển đổi số, cải cách hành chính và dữ liệu dân cư');
    expect((await entries(path))['xl/workbook.xml']).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">');
  });
});

describe('writer XML', () => {
  it('keeps formula-like text as string cells: no <f> anywhere, escaped in the shared strings and dialogs', async () => {
    const path = await tmp('inject-xml.xlsx');
    await writeWorkbook({ sheets: [richSheet()] }, path);
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

  it('writes the chart parts of the second sheet, all well-formed and referenced', async () => {
    const path = await tmp('chart2.xlsx');
    await writeWorkbook({ sheets: [{ name: 'Khác', columns: [{ header: 'A', width: 10 }], rows: [['x']] }, richSheet()] }, path);
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

  it('escapes text, attributes and keeps edge spaces', () => {
    expect(escText('a & b < c > "d"\r')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;&#13;');
    expect(escAttr('x="1"\n\ty')).toBe('x=&quot;1&quot;&#10;&#9;y');
    expect(tElement(' a')).toBe('<t xml:space="preserve"> a</t>');
    expect(tElement('a\nb')).toBe('<t xml:space="preserve">a\nb</t>');
    expect(tElement('ab')).toBe('<t>ab</t>');
  });

  it('leaves no half-written file when the spec cannot be rendered, and keeps the file it would have replaced', async () => {
    const path = await tmp('bad.xlsx');
    const spec: WorkbookSpec = { sheets: [{ ...richSheet(), dataValidations: [{ column: 'status', type: 'list', list: ['x'.repeat(300)] }] }] };
    await expect(writeWorkbook(spec, path)).rejects.toThrow(/Danh sách chọn quá dài/);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
    await writeWorkbook({ sheets: [richSheet()] }, path);
    const good = await readFile(path);
    await expect(writeWorkbook(spec, path)).rejects.toThrow(/Danh sách chọn quá dài/);
    expect(Buffer.compare(await readFile(path), good)).toBe(0);
    expect(await readdir(dirname(path))).toEqual(['bad.xlsx']);
  });
});

describe('writer at scale', () => {
  it('writes 200,000 task rows, read back by the reader', async () => {
    const path = await tmp('tong-hop-200k.xlsx');
    await writeWorkbook(summarySpec(syntheticReport(200_000)), path);
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
