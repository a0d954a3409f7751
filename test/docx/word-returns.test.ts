/**
 * Returns sent as Word tables: built here with the docx library (two-row headers, section rows across the width, cells
 * merged down, line breaks and paragraphs inside cells, blank statuses, a table split over two pages with its header
 * typed again, cells of spaces, a letter's own tables), read by `inspect` and `aggregate`, and compared with the same
 * data sent as a workbook.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, writeAppendix } from '../fixtures/appendix';
import type { Report } from '../../report/report-types';
import { readDocx, parseDocument } from '../../docx/read';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 32 << 20 })
  .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

type Row = { stt: string; task: string; lead: string; deadline: string; result: string; status: string };
const SECTION_A = 'A. NHIỆM VỤ CHUNG';
const SECTION_B = 'B. NHIỆM VỤ CỤ THỂ';
const ROWS_A: Row[] = [
  { stt: '1', task: 'Xây dựng Kế hoạch chuyển đổi số năm 2025\ncủa Bộ', lead: 'Bộ Y tế', deadline: 'Tháng 3/2025', result: 'Đã ban hành Kế hoạch số 12/KH-BYT.\nĐã gửi các đơn vị.', status: 'Đã hoàn thành' },
  { stt: '2', task: 'Rà soát thủ tục hành chính', lead: 'Bộ Y tế', deadline: '30/06/2025', result: 'Đang rà soát', status: 'Đang thực hiện' },
  { stt: '3', task: 'Số hóa hồ sơ bệnh án', lead: 'Bộ Y tế', deadline: '31/12/2025', result: '', status: '' },
];
const ROWS_B: Row[] = [
  { stt: '4', task: 'Kết nối dữ liệu bảo hiểm y tế với Cơ sở dữ liệu quốc gia về dân cư', lead: 'Bộ Y tế', deadline: 'Quý III/2025', result: 'Chưa kết nối xong', status: 'Chưa hoàn thành' },
  { stt: '5', task: 'Triển khai sổ sức khỏe điện tử trên VNeID', lead: 'Bộ Công an', deadline: '30/09/2025', result: 'Đã triển khai từ 15/10/2025', status: 'Đã hoàn thành quá hạn' },
  { stt: '6', task: 'Cấp giấy khám sức khỏe điện tử', lead: 'Bộ Y tế', deadline: 'Thực hiện thường xuyên', result: 'Đã cấp 1.200.000 giấy', status: 'Đang thực hiện' },
  { stt: '7', task: 'Hướng dẫn thanh toán không dùng tiền mặt tại bệnh viện', lead: 'Bộ Y tế', deadline: 'Năm 2025', result: '', status: '' },
];
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];

const p = (text: string, bold = false) => new Paragraph({
  children: text.split('\n').map((l, i) => new TextRun({ text: l, bold, break: i ? 1 : undefined })),
});
const c = (text: string, o: { bold?: boolean; rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: text.includes('\n\n') ? text.split('\n\n').map((t) => p(t, o.bold)) : [p(text, o.bold)], rowSpan: o.rowSpan, columnSpan: o.columnSpan });

/** Two-row header: "Tình hình thực hiện" over "Kết quả thực hiện | Tiến độ". */
function header(): TableRow[] {
  return [
    new TableRow({ tableHeader: true, children: [c('STT', { rowSpan: 2, bold: true }), c('Tên nhiệm vụ', { rowSpan: 2, bold: true }), c('Đơn vị chủ trì', { rowSpan: 2, bold: true }), c('Thời hạn', { rowSpan: 2, bold: true }), c('Tình hình thực hiện', { columnSpan: 2, bold: true })] }),
    new TableRow({ tableHeader: true, children: [c('Kết quả thực hiện', { bold: true }), c('Tiến độ', { bold: true })] }),
  ];
}

/** Data rows; the lead cell of consecutive rows with the same lead is merged down (Word's vMerge). */
function rows(list: Row[]): TableRow[] {
  const out: TableRow[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    let span = 1;
    while (i + span < list.length && list[i + span].lead === r.lead) span++;
    const leadCell = (k: number) => (k === 0 ? [c(r.lead, { rowSpan: span })] : []);
    for (let k = 0; k < span; k++) {
      const x = list[i + k];
      out.push(new TableRow({ children: [c(x.stt), c(x.task), ...leadCell(k), c(x.deadline), c(x.result.replace('\n', '\n\n')), c(x.status || '   ')] }));
    }
    i += span - 1;
  }
  return out;
}
const section = (title: string) => new TableRow({ children: [c(title, { bold: true, columnSpan: 6 })] });

async function wordReturn(path: string): Promise<void> {
  const letterTable = new Table({ rows: [new TableRow({ children: [c('BỘ Y TẾ\nSố: 123/BYT-KHTC'), c('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc')] })] });
  const doc = new Document({ sections: [{ children: [
    letterTable,
    p('Kính gửi: Văn phòng Chính phủ'),
    p('Bộ Y tế báo cáo tình hình thực hiện các nhiệm vụ được giao như Phụ lục kèm theo.'),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Phụ lục', bold: true })] }),
    new Table({ rows: [...header(), section(SECTION_A), ...rows(ROWS_A), section(SECTION_B), ...rows(ROWS_B.slice(0, 2))] }),
    p(''),
    // The rest of the table on the next page, its header typed again.
    new Table({ rows: [...header(), ...rows(ROWS_B.slice(2))] }),
    new Table({ rows: [new TableRow({ children: [c('Nơi nhận:\n- Như trên;\n- Lưu: VT.'), c('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG')] })] }),
  ] }] });
  writeFileSync(path, await Packer.toBuffer(doc));
}

async function sameAsWorkbook(path: string): Promise<void> {
  const plain = [
    HEADER,
    [SECTION_A.slice(0, 1), SECTION_A.slice(3)], ...ROWS_A.map((r) => [r.stt, r.task, r.lead, r.deadline, r.result, r.status || null]),
    [SECTION_B.slice(0, 1), SECTION_B.slice(3)], ...ROWS_B.map((r) => [r.stt, r.task, r.lead, r.deadline, r.result, r.status || null]),
  ];
  await writeAppendix(path, { sheets: [{ sheet: 'Phụ lục', plain }] });
}

const DIR = fixturePath('word-returns');
let word: Report;
let book: Report;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, 'word'), { recursive: true });
  mkdirSync(join(DIR, 'book'), { recursive: true });
  await wordReturn(join(DIR, 'word', 'bo-y-te.docx'));
  await sameAsWorkbook(join(DIR, 'book', 'bo-y-te.xlsx'));
  const a = await cli(['aggregate', join(DIR, 'word'), '--as-of', '2025-11-15', '--out', join(DIR, 'out-word'), '--quiet']);
  expect(a.code).toBe(0);
  const b = await cli(['aggregate', join(DIR, 'book'), '--as-of', '2025-11-15', '--out', join(DIR, 'out-book'), '--quiet']);
  expect(b.code).toBe(0);
  word = JSON.parse((await import('node:fs')).readFileSync(join(DIR, 'out-word', 'tong-hop.json'), 'utf8')) as Report;
  book = JSON.parse((await import('node:fs')).readFileSync(join(DIR, 'out-book', 'tong-hop.json'), 'utf8')) as Report;
}, 120_000);

describe('a Word return', () => {
  it('reads the appendix table (joined across its page split) and not the letter tables', async () => {
    const { readFileSync } = await import('node:fs');
    const r = readDocx(readFileSync(join(DIR, 'word', 'bo-y-te.docx')), { file: 'bo-y-te.docx' });
    expect(r.error).toBeNull();
    expect(r.grids.map((g) => g.name)).toEqual(['Bảng 1', 'Bảng 2', 'Bảng 4']);
    expect(word.tasks).toHaveLength(7);
    expect(word.tasks.every((t) => t.sheet === 'Bảng 2')).toBe(true);
  });

  it('aggregates to exactly the counts of the same data sent as a workbook', () => {
    expect(word.totals).toEqual(book.totals);
    expect(word.units).toEqual(book.units);
    const key = (t: Report['tasks'][number]) => [t.stt, t.section, t.task.replace(/\s+/g, ' '), t.leadUnit, t.deadline.due, t.progress, t.category, t.overdue, t.daysLate, t.result.replace(/\s+/g, ' ')];
    expect(word.tasks.map(key)).toEqual(book.tasks.map(key));
    expect(word.sentences).toEqual(book.sentences);
  });

  it('keeps line breaks and paragraphs inside cells, fills merged-down leads, blank statuses stay unreported', () => {
    const t1 = word.tasks.find((t) => t.stt === '1')!;
    expect(t1.section).toBe(SECTION_A);
    expect(t1.result).toContain('12/KH-BYT');
    expect(t1.result).toContain('Đã gửi các đơn vị');
    expect(word.tasks.filter((t) => t.leadUnit === 'Bộ Y tế')).toHaveLength(6);
    expect(word.tasks.find((t) => t.stt === '3')!.progress).toBe('unreported');
    expect(word.tasks.find((t) => t.stt === '7')!.progress).toBe('unreported');
  });

  it('names the file, the table and the row in every task and issue', () => {
    for (const t of word.tasks) {
      expect(t.file).toMatch(/bo-y-te\.docx$/);
      expect(t.sheet).toMatch(/^Bảng \d+$/);
      expect(t.row).toBeGreaterThan(0);
      for (const i of t.issues) expect(i.file).toMatch(/bo-y-te\.docx$/);
    }
  });

  it('inspect reads a .docx like a workbook', async () => {
    const r = await cli(['inspect', join(DIR, 'word', 'bo-y-te.docx'), '--as-of', '2025-11-15', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).totals.tasks).toBe(7);
  });
});

describe('Word files that are not returns', () => {
  it('a legacy .doc is rejected with a message to save it as .docx; a .docx without a table is NO_TABLE', async () => {
    const dir = join(DIR, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cu.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    writeFileSync(join(dir, 'cong-van.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [p('Kính gửi: Văn phòng Chính phủ'), p('Không có phụ lục.')] }] })));
    await wordReturn(join(dir, 'bo-y-te.docx'));
    const r = await cli(['aggregate', dir, '--as-of', '2025-11-15', '--out', join(DIR, 'out-bad'), '--quiet', '--json', '-']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    const byFile = Object.fromEntries(report.inputs.map((i) => [i.file.replace(/^.*\//, ''), i]));
    expect(byFile['cu.doc'].errorCode).toBe('FILE_LEGACY_DOC');
    expect(byFile['cu.doc'].error).toContain('.docx');
    expect(byFile['cong-van.docx'].errorCode).toBe('NO_TABLE');
    expect(byFile['bo-y-te.docx'].tasks).toBe(7);
  });

  it('the tokenizer skips comments and processing instructions, and tracked deletions are not text', () => {
    const xml = '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><!-- <w:p><w:r><w:t>ẩn</w:t></w:r></w:p> --><w:p><w:r><w:t>Giữ</w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> lại &amp; đủ</w:t></w:r></w:p></w:body></w:document>';
    const blocks = parseDocument(xml);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind === 'p' && blocks[0].text).toBe('Giữ lại & đủ');
  });
});
