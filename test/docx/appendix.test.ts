/**
 * phu-luc.docx and the per-unit confirmation appendices, read back from their WordprocessingML: every number and sentence
 * against the report JSON, fonts, A4 landscape, repeated header rows, page numbers; and a page rendered by LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openZip, readNamed } from '../../xlsx/zip/read';
import { docXml, paragraphs, tables } from './docx-text';
import type { Report } from '../../report/report-types';
import { formatNumber } from '../../core/format';
import { confirmations } from '../../report/confirmation';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-output', 'docx');
const KEM_THEO = '(Kèm theo Báo cáo số 125/BC-VPCP ngày 20/11/2025 của Văn phòng Chính phủ)';

let report: Report;
let xml: string;

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  execFileSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'aggregate', 'samples/bao-cao', '--as-of', '2025-11-15', '--out', OUT,
    '--docx', '--xac-nhan', '--kem-theo', KEM_THEO, '--quiet'], { cwd: ROOT });
  report = JSON.parse(readFileSync(join(OUT, 'tong-hop.json'), 'utf8')) as Report;
  xml = docXml(join(OUT, 'phu-luc.docx'));
}, 120_000);

describe('phu-luc.docx', () => {
  it('has the appendix title block of NĐ 30/2020: Phụ lục, title in capitals, (Kèm theo …) in italics, centred', () => {
    const p = paragraphs(xml);
    expect(p[0]).toBe('Phụ lục');
    expect(p[1]).toBe('TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(p[2]).toBe(KEM_THEO);
    expect(p[3]).toBe('(Số liệu tính đến ngày 15/11/2025)');
    const kemTheo = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes('Kèm theo Báo cáo số 125'))!;
    expect(kemTheo).toContain('<w:jc w:val="center"/>');
    expect(kemTheo).toContain('<w:i/>');
  });

  it('carries every summary sentence of the report, word for word', () => {
    const p = paragraphs(xml);
    expect(report.sentences.length).toBeGreaterThan(0);
    for (const s of report.sentences) expect(p).toContain(s);
  });

  it('the per-unit table has every unit and the totals row with the JSON numbers, Vietnamese formatted', () => {
    const unitTable = tables(xml)[0];
    // Two header rows (groups over labels), both repeated on every page.
    expect(unitTable[0]).toContain('Phân loại theo thời hạn');
    const header = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][0][0];
    expect([...header.matchAll(/<w:tblHeader\/>/g)]).toHaveLength(2);
    const body = unitTable.slice(2);
    expect(body).toHaveLength(report.units.length + 1);
    for (const u of report.units) {
      const row = body.find((r) => r[1] === u.unit)!;
      expect(row, u.unit).toBeTruthy();
      expect(row[2]).toBe(formatNumber(u.tasks));
      expect(row).toContain(formatNumber(u.overdue));
      expect(row[row.length - 1]).toBe(`${formatNumber(u.doneRate * 100, 1)}%`);
    }
    const total = body[body.length - 1];
    expect(total[1]).toBe('Tổng cộng');
    expect(total[2]).toBe(formatNumber(report.totals.tasks));
    expect(total[total.length - 2]).toBe(formatNumber(report.totals.overdue));
  });

  it('lists every overdue task under its unit with deadline and days late', () => {
    const overdue = tables(xml)[1];
    const late = report.tasks.filter((t) => t.overdue);
    expect(late.length).toBe(report.totals.overdue);
    for (const t of late) {
      const row = overdue.find((r) => r[1] === t.task);
      expect(row, t.task).toBeTruthy();
      expect(row![3]).toBe(t.deadline.text);
      expect(row![5]).toBe(formatNumber(t.daysLate!));
    }
    for (const u of report.units.filter((x) => x.overdue > 0)) {
      expect(overdue.some((r) => r.length === 1 && r[0].startsWith(u.unit))).toBe(true);
    }
  });

  it('lists every task when the list is short (31 ≤ 200)', () => {
    const list = tables(xml)[2];
    expect(list.length - 1).toBe(report.tasks.length);
  });

  it('is A4 landscape in Times New Roman 13 pt, with page numbers', () => {
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of sizes) {
      expect(s).toContain('w:w="16838"');
      expect(s).toContain('w:h="11906"');
      expect(s).toContain('w:orient="landscape"');
    }
    const zip = openZip(readFileSync(join(OUT, 'phu-luc.docx')));
    const styles = readNamed(zip, 'word/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toContain('<w:sz w:val="26"/>');
    const footers = [...Array(6).keys()].map((i) => readNamed(zip, `word/footer${i + 1}.xml`)?.toString('utf8') ?? '').join('');
    expect(footers).toContain('PAGE');
  });
});

describe('confirmation appendices (--xac-nhan)', () => {
  it('one .docx and one .xlsx per lead unit, and an index', () => {
    const files = readdirSync(join(OUT, 'xac-nhan'));
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(report.units.length);
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(report.units.length);
    const index = readFileSync(join(OUT, 'xac-nhan', 'danh-muc.txt'), 'utf8').trim().split('\n');
    expect(index).toHaveLength(report.units.length + 1);
  });

  it("each lists the unit's overdue tasks and its tasks due by year end, with its name and a signature block", () => {
    const all = confirmations(report);
    const bnv = all.find((c) => c.unit === 'Bộ Nội vụ')!;
    const doc = docXml(join(OUT, 'xac-nhan', `${bnv.slug}.docx`));
    const p = paragraphs(doc);
    expect(p.some((x) => x.includes('CỦA BỘ NỘI VỤ'))).toBe(true);
    expect(p).toContain('BỘ TRƯỞNG');
    expect(p).toContain('XÁC NHẬN CỦA BỘ NỘI VỤ');
    const mine = report.tasks.filter((t) => t.leadUnits.includes('Bộ Nội vụ'));
    const late = mine.filter((t) => t.overdue);
    const [overdue, due] = tables(doc);
    expect(overdue.length - 1).toBe(late.length);
    for (const t of late) expect(overdue.some((r) => r[1] === t.task && r[4] === formatNumber(t.daysLate!))).toBe(true);
    const dueThisYear = mine.filter((t) => !t.overdue && (t.category === 'open_in_time' || t.category === 'open_overdue') && t.deadline.due && t.deadline.due >= '2025-11-15' && t.deadline.due <= '2025-12-31');
    if (dueThisYear.length) expect(due.length - 1).toBe(dueThisYear.length);
    expect(p).toContain(bnv.sentence);
    const province = all.find((c) => /^(Tỉnh|Thành phố)/.test(c.unit))!;
    expect(paragraphs(docXml(join(OUT, 'xac-nhan', `${province.slug}.docx`)))).toContain('TM. ỦY BAN NHÂN DÂN');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
describe.skipIf(!soffice || !existsSync('/usr/bin/pdftoppm'))('rendered by LibreOffice', () => {
  it('converts to a PDF whose first page is landscape, and to a PNG for the README', () => {
    const r = spawnSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', OUT, join(OUT, 'phu-luc.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const pdf = join(OUT, 'phu-luc.pdf');
    expect(existsSync(pdf)).toBe(true);
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'phu-luc')]);
    const png = readdirSync(OUT).find((f) => /^phu-luc-0*1\.png$/.test(f))!;
    const buf = readFileSync(join(OUT, png));
    const width = buf.readUInt32BE(16);
    const height = buf.readUInt32BE(20);
    expect(width).toBeGreaterThan(height);
  }, 180_000);
});
