import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../core/grid';
import { readXlsx, readXlsxFile } from '../../xlsx/read';
import { deflated, excelJsGrids, rawZip, sheetXml, xlsxPackage, zeroBomb } from './read-helpers';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function read(bytes: Buffer, file = 'bao-cao.xlsx') {
  return readXlsx(bytes, { file });
}

function ok(bytes: Buffer): Grid[] {
  const r = read(bytes);
  expect(r.error).toBeNull();
  return r.grids;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('readXlsx: workbooks written by ExcelJS', () => {
  let grids: Grid[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('Bìa');
    cover.getCell('A1').value = 'BỘ NỘI VỤ';
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('B2').value = 'Tên nhiệm vụ';
    ws.getCell('C2').value = 'Đơn vị chủ trì';
    ws.getCell('D2').value = 'Thời hạn';
    ws.getCell('E2').value = 'Tiến độ';
    ws.mergeCells('B1:E1');
    ws.getCell('B1').value = 'PHỤ LỤC: Danh mục nhiệm vụ (Kèm theo Công văn số 123/BNV-VP)';
    ws.getCell('B1').font = { name: 'Times New Roman', bold: true };
    ws.getCell('A3').value = 1;
    ws.getCell('B3').value = { richText: [{ text: 'Xây dựng ', font: { bold: true } }, { text: 'Nghị định “quy định chi tiết” & <hướng dẫn>' }] };
    ws.getCell('C3').value = { text: 'Bộ Tư pháp', hyperlink: 'https://moj.gov.vn' };
    ws.getCell('D3').value = utc(2025, 10, 31);
    ws.getCell('D3').numFmt = 'dd/mm/yyyy';
    ws.getCell('E3').value = 'Đã hoàn thành quá hạn';
    ws.getCell('A4').value = { formula: 'A3+1', result: 2 };
    ws.getCell('B4').value = { formula: 'CONCATENATE("Quý ","II/2025")', result: 'Quý II/2025' };
    ws.getCell('C4').value = { formula: 'VLOOKUP(1,Z1:Z2,2,0)', result: { error: '#N/A' } };
    ws.getCell('D4').value = 45_900;
    ws.getCell('E4').value = true;
    ws.getCell('A6').value = 'Sở Tài chính';
    ws.getCell('A6').font = { name: '.VnTime' };
    ws.getCell('B6').value = 'Thùc hiÖn';
    ws.getCell('B6').font = { name: '.VnTimeH', bold: true };
    const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.getCell('C2').value = 'dữ liệu ẩn';
    grids = ok(await bytesOf(wb));
  });

  it('lists every sheet with its name and hidden flag', () => {
    expect(grids.map((g) => [g.name, g.hidden])).toEqual([['Bìa', false], ['Phụ lục', false], ['Ẩn', true]]);
  });

  it('reads values: Vietnamese text byte-exact, rich text flattened, hyperlink text, formulas as cached results, errors as text', () => {
    const g = grids[1];
    expect(g.rows[0]).toEqual([null, 'PHỤ LỤC: Danh mục nhiệm vụ (Kèm theo Công văn số 123/BNV-VP)']);
    expect(g.rows[1]).toEqual([null, 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ']);
    expect(g.rows[2]).toEqual([1, 'Xây dựng Nghị định “quy định chi tiết” & <hướng dẫn>', 'Bộ Tư pháp', utc(2025, 10, 31), 'Đã hoàn thành quá hạn']);
    expect(g.rows[3]).toEqual([2, 'Quý II/2025', '#N/A', 45_900, true]);
    expect(g.rows[4]).toEqual([]);
    expect(g.rows[5]).toEqual(['Sở Tài chính', 'Thùc hiÖn']);
    expect(g.rows.length).toBe(6);
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(grids[2].rows).toEqual([[], [null, null, 'dữ liệu ẩn']]);
  });

  it('reads merged ranges 0-based', () => {
    expect(grids[1].merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 4 }]);
  });

  it('gives each cell its style: number format, font name, bold (interned)', () => {
    const s = grids[1].styles!;
    expect(s[0][1]).toEqual({ numFmt: 'General', font: 'Times New Roman', bold: true });
    expect(s[2][3]?.numFmt).toBe('dd/mm/yyyy');
    expect(s[5][0]).toEqual({ numFmt: 'General', font: '.VnTime' });
    expect(s[5][1]).toEqual({ numFmt: 'General', font: '.VnTimeH', bold: true });
    expect(s[2][4]).toBe(s[1][1]);
  });

  it('reads the 1904 date system: dates keep their day, the grid says date1904', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Mac');
    ws.getCell('A1').value = utc(2025, 6, 30);
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = 3;
    const [g] = ok(await bytesOf(wb));
    expect(g.date1904).toBe(true);
    expect(g.rows).toEqual([[utc(2025, 6, 30)], [3]]);
    expect(grids[1].date1904).toBe(false);
  });
});

describe('readXlsx: SpreadsheetML details', () => {
  it('reads inline strings, t="str", t="e", t="b", t="d", entities, numeric references and _xHHHH_ escapes', () => {
    const xml = sheetXml(
      '<row r="1">' +
        '<c r="A1" t="inlineStr"><is><t xml:space="preserve">  Bộ Y tế &amp; Sở &#7840;&#x1EA0; </t></is></c>' +
        '<c r="B1" t="str"><f>A1&amp;""</f><v>Hà Nội &lt;TP&gt;</v></c>' +
        '<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="D1" t="b"><v>0</v></c>' +
        '<c r="E1" t="d"><v>2025-03-31T00:00:00</v></c>' +
        '<c r="F1" t="inlineStr"><is><t>dòng 1_x000D_\ndòng 2 _x005F_x000D_</t></is></c>' +
        '<c r="G1"><f>SUM(A2:A3)</f></c>' +
        '<c r="H1"><v>-1.5E-3</v></c>' +
      '</row>',
    );
    const [g] = ok(xlsxPackage({ sheets: [xml] }));
    expect(g.rows[0]).toEqual(['  Bộ Y tế & Sở ẠẠ ', 'Hà Nội <TP>', '#DIV/0!', false, utc(2025, 3, 31), 'dòng 1\r\ndòng 2 _x000D_', null, -0.0015]);
  });

  it('flattens rich shared strings and drops phonetic runs', () => {
    const shared = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
      '<si><t>Đã hoàn thành</t></si>' +
      '<si><r><rPr><b/></rPr><t>Nhiệm vụ </t></r><r><t xml:space="preserve">giao Bộ </t></r><r><t>Công Thương</t></r><rPh sb="0" eb="1"><t>ニンム</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t/></si>' +
      '<si><t><![CDATA[a < b & c]]></t></si>' +
      '</sst>';
    const xml = sheetXml('<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="E2" t="s"><v>3</v></c></row>');
    const [g] = ok(xlsxPackage({ sheets: [xml], shared }));
    expect(g.rows).toEqual([[], [null, 'Đã hoàn thành', 'Nhiệm vụ giao Bộ Công Thương', '', 'a < b & c']]);
  });

  it('reads pretty-printed XML (whitespace between and inside elements)', () => {
    const shared = '<sst>\n  <si>\n    <t>Đã hoàn thành</t>\n  </si>\n  <si>\n    <r>\n      <t>Bộ </t>\n    </r>\n    <r>\n      <t>Y tế</t>\n    </r>\n  </si>\n</sst>';
    const xml = sheetXml('\n  <row r="1" spans="1:4">\n    <c r="A1" t="s">\n      <v> 1 </v>\n    </c>\n    <c r="B1" t="s"><v>0</v></c>\n    <c r="C1" t="b">\n      <v>\n 1\n </v>\n    </c>\n    <c r="D1">\n      <v> 2.5 </v>\n    </c>\n  </row>\n');
    const [g] = ok(xlsxPackage({ sheets: [xml], shared }));
    expect(g.rows).toEqual([['Bộ Y tế', 'Đã hoàn thành', true, 2.5]]);
  });

  it('infers columns and rows when cell refs or row numbers are missing', () => {
    const xml = sheetXml('<row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>');
    const [g] = ok(xlsxPackage({ sheets: [xml] }));
    expect(g.rows).toEqual([[1, 'x'], [], [], [null, null, 3, 4], [5]]);
  });

  it('reads a 20,000-row sheet of inline strings without row or cell refs (linear scan)', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) rows.push(`<row><c t="inlineStr"><is><t>Nhiệm vụ ${r}</t></is></c><c t="str"><f>A${r}</f><v>x&amp;${r}</v></c><c><f>1</f></c><c><v>${r}</v></c></row>`);
    const [g] = ok(xlsxPackage({ sheets: [sheetXml(rows.join(''))] }));
    expect(g.rows.length).toBe(20_000);
    expect(g.rows[19_999]).toEqual(['Nhiệm vụ 20000', 'x&20000', null, 20_000]);
  });

  it('finds the workbook part through the package relationships when it is not xl/workbook.xml', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const zip = rawZip([
      deflated('_rels/.rels', `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="/book/wb.xml"/></Relationships>`),
      deflated('book/wb.xml', `<workbook xmlns:r="${REL}"><workbookPr date1904="true"/><sheets><sheet name="Báo cáo" sheetId="1" state="veryHidden" r:id="s1"/></sheets></workbook>`),
      deflated('book/_rels/wb.xml.rels', `<Relationships><Relationship Id="s1" Type="${REL}/worksheet" Target="../data/s.xml"/></Relationships>`),
      deflated('data/s.xml', sheetXml('<row r="2"><c r="B2"><v>1</v></c></row>')),
    ]);
    const [g] = ok(zip);
    expect(g).toMatchObject({ name: 'Báo cáo', hidden: true, date1904: true, rows: [[], [null, 1]] });
  });

  it('reads documents with a namespace prefix (x:) and stored (uncompressed) entries', () => {
    const xml = sheetXml('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tiến độ</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>',
      '<x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells>', 'x');
    const [g] = ok(xlsxPackage({ sheets: [xml], stored: true }));
    expect(g.rows).toEqual([['Tiến độ', 7]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it('reads zip64 archives, data descriptors, and a zip behind a self-extractor prefix', () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Quảng Trị</t></is></c><c r="B1"><v>2</v></c></row>');
    const expected = [['Quảng Trị', 2]];
    expect(ok(xlsxPackage({ sheets: [sheet], zip: { zip64: true } }))[0].rows).toEqual(expected);
    expect(ok(xlsxPackage({ sheets: [sheet], zip: { descriptor: true } }))[0].rows).toEqual(expected);
    const prefixed = Buffer.concat([Buffer.from('MZ stub of a self-extracting archive'), xlsxPackage({ sheets: [sheet] })]);
    expect(ok(prefixed)[0].rows).toEqual(expected); // offsets shifted by the prefix, as Excel and unzip do
  });

  it('turns date-formatted numbers into UTC dates (built-in 14, custom dd/mm/yyyy) but not numbers or text formats', () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Ngày&quot;\\ 0"/></numFmts>' +
      '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b val="0"/><name val="VNI-Times"/></font></fonts>' +
      '<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1"/><xf numFmtId="165" fontId="0"/><xf numFmtId="49" fontId="0"/></cellXfs>' +
      '</styleSheet>';
    const xml = sheetXml('<row r="1"><c r="A1" s="1"><v>45930</v></c><c r="B1" s="2"><v>45838.5</v></c><c r="C1" s="3"><v>12</v></c><c r="D1" s="4"><v>45930</v></c><c r="E1"><v>45930</v></c><c r="F1" s="1"><v>-3</v></c><c r="G1" s="2"><v>99999999</v></c></row>');
    const [g] = ok(xlsxPackage({ sheets: [xml], styles }));
    expect(g.rows[0]).toEqual([utc(2025, 9, 30), new Date(Date.UTC(2025, 5, 30, 12)), 12, 45930, 45930, -3, 99999999]);
    expect(g.styles![0]).toEqual([
      { numFmt: 'mm-dd-yy', font: 'Times New Roman' },
      { numFmt: 'dd/mm/yyyy', font: 'VNI-Times' },
      { numFmt: '"Ngày"\\ 0', font: 'Times New Roman' },
      { numFmt: '@', font: 'Times New Roman' },
      { numFmt: 'General', font: 'Times New Roman' },
      { numFmt: 'mm-dd-yy', font: 'Times New Roman' },
      { numFmt: 'dd/mm/yyyy', font: 'VNI-Times' },
    ]);
  });
});

describe('readXlsx agrees with ExcelJS load on generated workbooks', () => {
  const WORDS = ['Bộ Nội vụ', 'Ủy ban nhân dân tỉnh Quảng Ninh', 'Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành', 'Thời hạn', 'ngày 03/10/2025', 'Quý II/2025', 'Hằng tháng', 'Nghiên cứu, đề xuất sửa đổi Luật Đất đai', 'x & y <z>', '"trích dẫn"', 'Tiếng Việt: ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự'];

  function randomWorkbook(seed: number): ExcelJS.Workbook {
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const wb = new ExcelJS.Workbook();
    for (let sh = 0; sh < 1 + (seed % 3); sh++) {
      const ws = wb.addWorksheet(`Trang ${sh + 1}`, { state: sh === 2 ? 'hidden' : 'visible' });
      const rows = 20 + Math.floor(rnd() * 80);
      for (let r = 1; r <= rows; r++) {
        if (rnd() < 0.1) continue;
        for (let c = 1; c <= 8; c++) {
          const x = rnd();
          const cell = ws.getCell(r, c);
          if (x < 0.15) continue;
          else if (x < 0.55) cell.value = WORDS[Math.floor(rnd() * WORDS.length)] + (rnd() < 0.3 ? ` ${r}` : '');
          else if (x < 0.7) cell.value = Math.round(rnd() * 1e6) / 100;
          else if (x < 0.8) { cell.value = utc(2024 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)); cell.numFmt = 'dd/mm/yyyy'; }
          else if (x < 0.85) cell.value = rnd() < 0.5;
          else if (x < 0.9) cell.value = { richText: [{ text: 'Phần ', font: { italic: true } }, { text: WORDS[Math.floor(rnd() * WORDS.length)] }] };
          else if (x < 0.95) cell.value = { formula: `${r}*2`, result: r * 2 };
          else cell.value = { formula: 'UPPER("a")', result: 'A' };
        }
      }
      if (rows > 30) ws.mergeCells(rows + 2, 1, rows + 3, 4);
      ws.mergeCells(1, 10, 2, 11);
    }
    return wb;
  }

  it.each([1, 2, 3, 4, 5, 6])('workbook %i', async (seed) => {
    const bytes = await bytesOf(randomWorkbook(seed));
    const mine = ok(bytes).map(({ name, rows, merges, date1904, hidden }) => ({ name, rows, merges, date1904, hidden }));
    expect(mine).toEqual(await excelJsGrids(bytes));
  });
});

describe('readXlsx: bad input is refused with a coded issue naming the file', () => {
  let valid: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Nhiệm vụ';
    valid = await bytesOf(wb);
  });

  function refused(bytes: Buffer, code: string, file = 'xa-tan-lap.xlsx', limits = {}) {
    const r = readXlsx(bytes, { file: `nop/${file}`, limits });
    expect(r.grids).toEqual([]);
    expect(r.error?.code).toBe(code);
    expect(r.error?.severity).toBe('error');
    expect(r.error?.file).toBe(`nop/${file}`);
    expect(r.error?.message).toContain(file);
    return r.error!.message;
  }

  it('empty file', () => { expect(refused(Buffer.alloc(0), 'FILE_EMPTY')).toContain('rỗng'); });
  it('random bytes', () => {
    const b = Buffer.alloc(4096);
    for (let i = 0; i < b.length; i++) b[i] = (i * 7919 + 13) % 251;
    refused(b, 'FILE_NOT_XLSX');
  });
  it('a CSV renamed .xlsx', () => {
    expect(refused(Buffer.from('STT,Tên nhiệm vụ,Tiến độ\n1,Xây dựng đề án,Đã hoàn thành\n'), 'FILE_CSV', 'bang.xlsx')).toContain('CSV');
    // One line of plain text is no CSV: named as text.
    expect(refused(Buffer.from('Ghi chú: gửi lại sau.\n'), 'FILE_NOT_XLSX', 'ghi-chu.xlsx')).toContain('văn bản');
  });
  it('a PDF renamed .xlsx', () => { expect(refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'FILE_PDF')).toContain('PDF'); });
  it('a truncated copy of a valid workbook', () => {
    refused(valid.subarray(0, Math.floor(valid.length * 0.6)), 'FILE_TRUNCATED');
    refused(valid.subarray(0, valid.length - 10), 'FILE_TRUNCATED');
  });
  it('legacy .xls (OLE2)', () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    expect(refused(ole, 'FILE_LEGACY_XLS', 'bao-cao.xls')).toContain('.xls');
  });
  it('password-protected workbook (OLE2 with EncryptedPackage)', () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    expect(refused(ole, 'FILE_ENCRYPTED')).toContain('mật khẩu');
  });
  it('a zip without workbook.xml', () => {
    expect(refused(rawZip([deflated('word/document.xml', '<w:document/>'), deflated('_rels/.rels', '<Relationships/>')]), 'FILE_WORD')).toContain('Word (.docx)');
    refused(rawZip([deflated('docProps/app.xml', '<Properties/>'), deflated('_rels/.rels', '<Relationships/>')]), 'FILE_CORRUPT');
  });
  it('an unsupported compression method', () => {
    const pkg = xlsxPackage({ sheets: [sheetXml('')] });
    const r = rawZip([{ name: 'xl/workbook.xml', data: Buffer.from('BZh91AY'), method: 12, size: 100 }]);
    expect(refused(r, 'FILE_CORRUPT')).toContain('method 12');
    expect(read(pkg).error).toBeNull();
  });
  it('a sheet that is not deflate data', () => {
    const pkg = xlsxPackage({ sheets: [] });
    const bad = rawZip([deflated('xl/workbook.xml', '<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>'), { name: 'xl/worksheets/sheet1.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 50 }]);
    refused(bad, 'FILE_CORRUPT');
    expect(read(pkg).error).toBeNull();
  });

  describe('decompression bombs', () => {
    let bomb: Buffer;
    const MIB = 1430; // 1.5 GB of zeros from about 1.5 MB
    beforeAll(async () => { bomb = await zeroBomb(MIB); });

    const wbXml = '<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

    it('refuses an honest 1.5 GB sheet from its declared size, before inflating', () => {
      expect(bomb.length).toBeLessThan(2_000_000);
      const zip = rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: MIB * 1048576 }]);
      expect(refused(zip, 'FILE_TOO_LARGE')).toContain('sheet1.xml');
    });

    it('refuses a bomb whose declared size lies, stopping at the declared size', () => {
      const zip = rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 40_000 }]);
      const before = process.memoryUsage().rss;
      expect(refused(zip, 'FILE_TOO_LARGE')).toContain('bom giải nén');
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1048576);
    });

    it('refuses a bomb that declares size 0', () => {
      const zip = rawZip([deflated('xl/workbook.xml', wbXml), deflated('xl/_rels/workbook.xml.rels', rels), { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 0 }]);
      refused(zip, 'FILE_TOO_LARGE');
    });

    it('applies configurable limits: part size, ratio, file size, cell count', () => {
      let seed = 7;
      const big = Array.from({ length: 3_000_000 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
      const zip = xlsxPackage({ sheets: [sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${big}</t></is></c></row>`)] });
      expect(read(zip).error).toBeNull();
      refused(zip, 'FILE_TOO_LARGE', 'a.xlsx', { maxPartBytes: 1_000_000 });
      refused(zip, 'FILE_TOO_LARGE', 'a.xlsx', { maxRatio: 1.5 }); // random letters deflate about 1.7:1
      refused(zip, 'FILE_TOO_LARGE', 'a.xlsx', { maxTotalBytes: 2_000_000 });
      refused(valid, 'FILE_TOO_LARGE', 'a.xlsx', { maxFileBytes: 1000 });
      const many = xlsxPackage({ sheets: [sheetXml('<row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>')] });
      refused(many, 'FILE_TOO_LARGE', 'a.xlsx', { maxCells: 2 });
      expect(readXlsx(many, { file: 'a.xlsx', limits: { maxCells: 3 } }).error).toBeNull();
    });
  });
});

describe('readXlsx never throws on mangled content', () => {
  const sheet = sheetXml(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Bộ </t></r><r><t>Y tế</t></r></is></c><c r="C1" s="1"><v>45930</v></c></row>' +
    '<row r="2"><c r="A2" t="str"><f>A1</f><v>x &amp; y</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#REF!</v></c></row>',
    '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
  const shared = '<sst><si><t xml:space="preserve">Đã hoàn thành</t></si></sst>';
  const styles = '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts><font><name val=".VnTime"/></font></fonts><cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0"/></cellXfs></styleSheet>';

  it('reads the intact package', () => {
    const [g] = ok(xlsxPackage({ sheets: [sheet], shared, styles }));
    expect(g.rows).toEqual([['Đã hoàn thành', 'Bộ Y tế', utc(2025, 9, 30)], ['x & y', true, '#REF!']]);
  });

  it('survives 400 random cuts and splices of the XML parts and 200 of the zip bytes', () => {
    let seed = 12345;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const junk = ['<', '>', '"', '&', '&#x;', '<c r="ZZZZZZZZ9999999999">', '<row r="99999999999">', '<v>', '</c>', '<mergeCell ref="A1:XFD1048576"/>', '<![CDATA[', '\u0000', 'ộ'];
    const mangle = (x: string) => {
      const at = rnd(x.length);
      return rnd(2) ? x.slice(0, at) : x.slice(0, at) + junk[rnd(junk.length)] + x.slice(at + rnd(8));
    };
    const codes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const parts = { sheets: [i % 3 === 0 ? mangle(sheet) : sheet], shared: i % 3 === 1 ? mangle(shared) : shared, styles: i % 3 === 2 ? mangle(styles) : styles };
      const r = readXlsx(xlsxPackage(parts), { file: 'x.xlsx' });
      codes.add(r.error?.code ?? 'ok');
      if (!r.error) expect(r.grids.length).toBe(1);
    }
    const valid = xlsxPackage({ sheets: [sheet], shared, styles });
    for (let i = 0; i < 200; i++) {
      const b = Buffer.from(valid);
      for (let k = 0; k < 1 + rnd(4); k++) b[rnd(b.length)] = rnd(256);
      const r = readXlsx(i % 4 === 0 ? b.subarray(0, rnd(b.length)) : b, { file: 'x.xlsx' });
      codes.add(r.error?.code ?? 'ok');
    }
    expect(codes.has('ok')).toBe(true);
    for (const c of codes) expect(['ok', 'FILE_CORRUPT', 'FILE_TRUNCATED', 'FILE_TOO_LARGE', 'FILE_NOT_XLSX', 'FILE_ENCRYPTED', 'FILE_EMPTY']).toContain(c);
  });

  it('refuses cell addresses beyond Excel\'s grid and clips absurd merges', () => {
    const far = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="AAAAAAA1"><v>2</v></c></row>');
    expect(read(xlsxPackage({ sheets: [far] })).error?.code).toBe('FILE_CORRUPT');
    const whole = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A5000:B5001"/></mergeCells>');
    expect(ok(xlsxPackage({ sheets: [whole] }))[0].merges).toEqual([{ top: 0, left: 0, bottom: 1001, right: 102 }]);
  });
});

describe('readXlsxFile', () => {
  it('reads from disk and reports a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-read-'));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tổng hợp').getCell('B2').value = 'Sở Nội vụ';
    const path = join(dir, 'so-noi-vu.xlsx');
    writeFileSync(path, await bytesOf(wb));
    const r = await readXlsxFile(path);
    expect(r.error).toBeNull();
    expect(r.grids[0].rows).toEqual([[], [null, 'Sở Nội vụ']]);
    const missing = await readXlsxFile(join(dir, 'khong-co.xlsx'));
    expect(missing.error?.code).toBe('FILE_NOT_FOUND');
    expect(missing.error?.message).toContain('khong-co.xlsx');
    const big = await readXlsxFile(path, { limits: { maxFileBytes: 100 } });
    expect(big.error?.code).toBe('FILE_TOO_LARGE');
  });
});
