/**
 * Look-alike files beside the workbooks (issue 9, item 8): a CSV export, an OpenDocument spreadsheet or text,
 * an old .xls or .doc, a PDF. Each is listed as rejected (JSON inputs[].error and
 * errorCode, the "Nguồn" sheet, a "Từ chối:" line on stderr, exit 1) with a Vietnamese message saying
 * what it is and how to save it as .xlsx; content decides, so a Word return renamed .xlsx is read as Word
 * (tiendo reads .docx returns). A .txt note in the folder is not a return and is left alone.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../report/report-types';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import { deflated, rawZip } from '../xlsx/read-helpers';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { cli } from '../support/cli';



const stored = (name: string, text: string) => ({ name, data: Buffer.from(text, 'utf8'), method: 0 });

/** An OpenDocument spreadsheet as LibreOffice lays it out: "mimetype" first and stored, then content.xml. */
function ods(): Buffer {
  return rawZip([
    stored('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
    deflated('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    deflated('content.xml', '<office:document-content><office:body><office:spreadsheet><table:table table:name="Phụ lục"/></office:spreadsheet></office:body></office:document-content>'),
  ]);
}

/** An OpenDocument text (.odt): a letter, not a table. */
function odt(): Buffer {
  return rawZip([
    stored('mimetype', 'application/vnd.oasis.opendocument.text'),
    deflated('content.xml', '<office:document-content><office:body><office:text/></office:body></office:document-content>'),
  ]);
}

/** A real Word return (two tasks in a table), built with the docx library. */
async function wordReturn(): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
  const table = new Table({
    rows: [
      row(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ']),
      row(['1', 'Số hóa hồ sơ bệnh án', 'Bộ Y tế', '30/09/2025', 'Đang thực hiện']),
      row(['2', 'Cấp giấy khám sức khỏe điện tử', 'Bộ Y tế', '31/12/2025', 'Đã hoàn thành']),
    ],
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Phụ lục'), table] }] }));
}

/** An OLE2 compound file whose directory names `stream` (Workbook for .xls, WordDocument for .doc). */
function ole2(stream: string): Buffer {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from(stream, 'utf16le').copy(b, 1024);
  return b;
}

const EXPECTED: [string, string, RegExp][] = [
  ['bao-cao.doc', 'FILE_LEGACY_DOC', /Word 97-2003 \(\.doc\).*\.docx/],
  ['bao-cao.odt', 'FILE_NOT_XLSX', /OpenDocument \(\.odt\)/],
  ['bao-cao.xls', 'FILE_LEGACY_XLS', /Excel 97-2003 \(\.xls\): mở bằng Excel rồi lưu thành \.xlsx/],
  ['bo-y-te.xlsx', '', /^$/],
  ['cong-van.pdf', 'FILE_PDF', /tệp PDF/],
  // A Word return saved under a workbook's name is read as Word (its 2 tasks are counted).
  ['phu-luc-ban-word.xlsx', '', /^$/],
  ['phu-luc.csv', 'FILE_CSV', /CSV.*lưu thành \.xlsx/],
  ['phu-luc.ods', 'FILE_ODS', /tệp OpenDocument \(\.ods\): mở bằng Excel hoặc LibreOffice rồi lưu thành \.xlsx/],
  ['so-lieu.tsv', 'FILE_CSV', /CSV/],
];

describe('look-alike files in a folder', () => {
  let dir: string;
  const p = (f: string): string => join(dir, f);

  beforeAll(async () => {
    dir = fixturePath('lookalikes');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await writeAppendix(p('bo-y-te.xlsx'), {
      header: ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'],
      rows: [['1', 'Triển khai bệnh án điện tử', 'Bộ Y tế', '30/09/2025', 'Đang thực hiện'], ['2', 'Liên thông giấy chứng sinh', 'Bộ Y tế', '31/12/2025', 'Đang thực hiện']],
    });
    writeFileSync(p('phu-luc.csv'), '\uFEFFSTT,Tên nhiệm vụ,Đơn vị chủ trì,Thời hạn,Tiến độ\r\n1,Xây dựng đề án,Bộ Nội vụ,30/09/2025,Đã hoàn thành\r\n2,Kết nối dữ liệu,Bộ Nội vụ,31/12/2025,Đang thực hiện\r\n');
    writeFileSync(p('so-lieu.tsv'), 'STT\tNhiệm vụ\n1\tA\n');
    writeFileSync(p('phu-luc.ods'), ods());
    writeFileSync(p('bao-cao.odt'), odt());
    writeFileSync(p('phu-luc-ban-word.xlsx'), await wordReturn());
    writeFileSync(p('bao-cao.doc'), ole2('WordDocument'));
    writeFileSync(p('bao-cao.xls'), ole2('Workbook'));
    writeFileSync(p('cong-van.pdf'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
    writeFileSync(p('ghi-chu.txt'), 'Ghi chú của văn thư, không phải báo cáo.\n');
  }, 60_000);

  it('aggregate: each look-alike rejected with what it is and how to save it, the workbook still counted, exit 1', async () => {
    const out = fixturePath('lookalikes-out');
    const json = fixturePath('lookalikes.json');
    const r = await cli('aggregate', dir, '--as-of', '2025-11-15', '--out', out, '--json', json);
    expect(r.code).toBe(1);
    const rep = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(rep.inputs.map((i) => [basename(i.file), i.errorCode ?? ''])).toEqual(EXPECTED.map(([f, c]) => [f, c]));
    for (const [f, , msg] of EXPECTED) {
      const input = rep.inputs.find((i) => basename(i.file) === f)!;
      expect(input.error ?? '').toMatch(msg);
      if (input.error) expect(input.error).toContain(f);
    }
    expect([rep.totals.tasks, rep.totals.overdue]).toEqual([4, 2]);
    const refused = r.err.split('\n').filter((l) => l.startsWith('Từ chối: '));
    expect(refused.map((l) => basename(l.slice('Từ chối: '.length).split(': ')[0]))).toEqual(EXPECTED.filter(([, c]) => c).map(([f]) => f));
    expect(r.err).toContain('Đã đọc 2/9 tệp, 4 nhiệm vụ (2 quá hạn); 7 tệp bị từ chối');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tong-hop.xlsx'));
    const nguon: string[] = [];
    wb.getWorksheet('Nguồn')!.eachRow((row) => row.eachCell((c) => nguon.push(String(c.text))));
    expect(nguon).toEqual(expect.arrayContaining(['FILE_CSV', 'FILE_ODS', 'FILE_LEGACY_DOC', 'FILE_PDF', 'FILE_LEGACY_XLS']));
    expect(nguon.join('\n')).not.toContain('ghi-chu.txt');
  }, 60_000);

  it('a folder holding only a CSV is not "1/1 read": it is rejected and nothing is written (exit 2)', async () => {
    const only = fixturePath('lookalikes-csv-only');
    rmSync(only, { recursive: true, force: true });
    mkdirSync(only, { recursive: true });
    writeFileSync(join(only, 'bao-cao.csv'), readFileSync(p('phu-luc.csv')));
    const r = await cli('aggregate', only, '--as-of', '2025-11-15', '--out', fixturePath('lookalikes-csv-only-out'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không đọc được tệp nào trong 1 tệp đã cho');
    expect(r.err).toMatch(/Từ chối: .*bao-cao\.csv: .*CSV/);
  }, 60_000);

  it('inspect --json names the look-alike in inputs and issues, exit 1', async () => {
    for (const [f, code] of [['phu-luc.ods', 'FILE_ODS'], ['phu-luc.csv', 'FILE_CSV'], ['bao-cao.doc', 'FILE_LEGACY_DOC'], ['cong-van.pdf', 'FILE_PDF']]) {
      const r = await cli('inspect', p(f), '--json', '--as-of', '2025-11-15');
      expect(r.code).toBe(1);
      const rep = JSON.parse(r.out) as Report;
      expect(rep.inputs).toMatchObject([{ tasks: 0, errorCode: code }]);
      expect(rep.issues.map((i) => [i.code, i.severity])).toEqual([[code, 'error']]);
    }
  }, 60_000);
});
