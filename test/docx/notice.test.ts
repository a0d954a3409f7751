/**
 * `tiendo trich-xuat`: conclusion notices built here as .docx in several structures (the seed notice; sections by unit with
 * bold deadlines; items led in their own text, one with two deadlines, one with "(i) … (ii) …") → the master appendix,
 * which reads back through `inspect` with the same tasks and goes round notice → master → distribute → returns → aggregate.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../fixtures/appendix';
import { SEED003_PARAGRAPHS } from '../fixtures/seed003-notice';
import type { NoticeTask } from '../../core/notice';
import type { Issue } from '../../core/issue';
import type { Report } from '../../report/report-types';

const ROOT = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const cli = (args: string[]) => exec(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 32 << 20 })
  .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

/** A paragraph from "**bold** plain" markup; a leading "#" makes it a bold heading. */
function para(markup: string): Paragraph {
  const heading = /^#+\s*/.test(markup);
  // A footnote mark (<sup>1</sup> in the transcription) is a superscript run in Word: its text stays.
  const text = markup.replace(/^#+\s*/, '').replace(/<\/?sup>/g, '');
  const parts = text.split(/(\*\*[^*]+\*\*)/).filter(Boolean);
  return new Paragraph({ children: parts.map((s) => new TextRun({ text: s.replace(/\*\*/g, ''), bold: heading || s.startsWith('**') })) });
}
async function notice(path: string, paragraphs: string[]): Promise<void> {
  writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map(para) }] })));
}

const DIR = fixturePath('notice');
type Out = { tasks: NoticeTask[]; issues: Issue[] };
async function extract(name: string, paragraphs: string[]): Promise<Out & { stderr: string; master: string }> {
  const docx = join(DIR, `${name}.docx`);
  await notice(docx, paragraphs);
  const master = join(DIR, `${name}-master.xlsx`);
  const r = await cli(['trich-xuat', docx, '--out', master, '--json', '-']);
  expect(r.code, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as Out), stderr: r.stderr, master };
}
const find = (o: Out, text: string) => o.tasks.find((t) => t.task.includes(text))!;
const issuesOf = (o: Out, code: string) => o.issues.filter((i) => i.code === code);

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

describe('the seed notice (Thông báo kết luận 46-TB/TGV)', () => {
  let o: Out & { stderr: string; master: string };
  beforeAll(async () => { o = await extract('seed003', SEED003_PARAGRAPHS); }, 120_000);

  it('finds every numbered, lettered and bulleted item under parts I–VI, and nothing from the opening', () => {
    expect(o.tasks.length).toBeGreaterThanOrEqual(50);
    expect(o.tasks.some((t) => t.task.startsWith('Tham dự cuộc họp'))).toBe(false);
    expect(o.tasks.every((t) => t.section && /^[IVX]+\./.test(t.section))).toBe(true);
    // The unit headings are sections, not tasks.
    expect(o.tasks.some((t) => t.task === 'Văn phòng Trung ương Đảng')).toBe(false);
    expect(o.tasks.some((t) => t.task === 'Bộ Y tế')).toBe(false);
  });

  it('takes leads from the item, else from the heading (flagged), and co-units from "phối hợp với"', () => {
    expect(find(o, 'Bộ công an, Văn phòng Chính phủ khẩn trương').leadUnits).toEqual(['Bộ Công an', 'Văn phòng Chính phủ']);
    expect(find(o, 'Bộ Tài chính, Bộ Khoa học và Công nghệ triển khai').leadUnits).toEqual(['Bộ Tài chính', 'Bộ Khoa học và Công nghệ']);
    const tuPhap = find(o, 'triển khai cấp giấy khai sinh');
    expect(tuPhap.leadUnits).toEqual(['Bộ Tư pháp']);
    expect(tuPhap.coUnits).toEqual(['Bộ Ngoại giao', 'Bộ Công an']);
    expect(issuesOf(o, 'LEAD_FROM_HEADING').some((i) => i.message.includes('Bộ Tư pháp'))).toBe(true);
    expect(find(o, 'Khẩn trương ban hành Nghị quyết của Hội đồng Thẩm phán').leadUnits).toEqual(['Tòa án nhân dân tối cao']);
    expect(find(o, 'Thực hiện nghiêm túc Công văn số 1215').leadUnits).toEqual(['Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ']);
    expect(find(o, 'Các bộ, cơ quan: Công an, Tư pháp').leadUnits).toEqual(['Bộ Công an', 'Bộ Tư pháp', 'Bộ Nông nghiệp và Môi trường', 'Văn phòng Chính phủ']);
  });

  it('reads deadlines by the return rules, bold ones first; document dates and programme years are not deadlines', () => {
    expect(find(o, 'lập kế hoạch và tổ chức số hoá hồ sơ').deadline).toMatchObject({ due: '2025-10-31', kind: 'month' });
    expect(find(o, 'trình cấp có thẩm quyền ban hành Khung Kiến trúc tổng thể').deadline.due).toBe('2025-10-05');
    expect(find(o, 'tăng cường các hoạt động bồi dưỡng, tập huấn').deadline.kind).toBe('recurring');
    expect(find(o, 'Thực hiện nghiêm túc Công văn số 1215').deadline.kind).toBe('none');
    expect(find(o, 'đưa dự án Luật Trí tuệ nhân tạo vào chương trình lập pháp năm 2025').deadline.kind).toBe('none');
    expect(find(o, 'Hoàn thành trước 15/10/2025'.slice(0, 0) || 'đề xuất nhu cầu kinh phí').deadline.due).toBe('2025-10-15');
  });

  it('flags every doubtful case: two deadlines, items that may hold two tasks, no deadline', () => {
    const two = issuesOf(o, 'TWO_DEADLINES');
    expect(two.some((i) => i.message.includes('tháng 10/2025') && i.message.includes('tháng 11/2025'))).toBe(true);
    expect(issuesOf(o, 'MAYBE_TWO_TASKS').length).toBeGreaterThanOrEqual(3);
    const noDeadline = issuesOf(o, 'NO_DEADLINE').length;
    expect(noDeadline).toBe(o.tasks.filter((t) => t.deadline.kind === 'none').length);
    expect(o.stderr).toContain('Cần kiểm tra:');
  });

  it('the master reads back through inspect with the same tasks', async () => {
    const r = await cli(['inspect', o.master, '--as-of', '2025-11-15', '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.tasks).toHaveLength(o.tasks.length);
    for (const [i, t] of o.tasks.entries()) {
      expect(report.tasks[i].task).toBe(t.task);
      expect(report.tasks[i].deadline.due).toBe(t.deadline.due);
      expect(report.tasks[i].leadUnits).toEqual(t.leadUnits);
    }
  }, 60_000);
});

describe('other notice structures', () => {
  it('sections by unit, bold deadlines, a block heading as group lead', async () => {
    const o = await extract('by-unit', [
      'Ngày 10/10/2025, Ban Chỉ đạo họp và kết luận như sau:',
      '# I- CÁC BỘ, CƠ QUAN NGANG BỘ',
      '1. Bộ Nội vụ',
      'a) Trình Chính phủ Nghị định về vị trí việc làm. **Hoàn thành trong tháng 11/2025.**',
      'b) Hướng dẫn sắp xếp đơn vị sự nghiệp công lập. **Hoàn thành trước ngày 30/11/2025.**',
      '2. Bộ Y tế',
      'a) Chủ trì, phối hợp với Bộ Công an hoàn thành Cơ sở dữ liệu tiêm chủng. **Hoàn thành trong năm 2025.**',
      '# II- CÁC TỈNH, THÀNH PHỐ',
      '1. Các tỉnh, thành phố trực thuộc Trung ương',
      '- Rà soát trụ sở Trung tâm Phục vụ hành chính công cấp xã. **Hoàn thành trước 20/12/2025.**',
      '- Bồi dưỡng kỹ năng số cho cán bộ. **Nhiệm vụ thường xuyên.**',
    ]);
    expect(o.tasks.map((t) => [t.leadUnits.join('; '), t.deadline.due ?? t.deadline.kind])).toEqual([
      ['Bộ Nội vụ', '2025-11-30'], ['Bộ Nội vụ', '2025-11-30'], ['Bộ Y tế', '2025-12-31'],
      ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương', '2025-12-20'], ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương', 'recurring'],
    ]);
    expect(o.tasks[2].coUnits).toEqual(['Bộ Công an']);
    expect(issuesOf(o, 'NO_DEADLINE')).toHaveLength(0);
  }, 60_000);

  it('items led in their own text, without bold, with two deadlines and (i) (ii)', async () => {
    const o = await extract('by-block', [
      'Thông báo kết luận của Tổ công tác ngày 05/9/2025.',
      'I. KHỐI CƠ QUAN CHÍNH PHỦ',
      '1. Bộ Công an, Văn phòng Chính phủ khẩn trương hoàn thành nền tảng biểu mẫu điện tử, hoàn thành trong tháng 10/2025.',
      '2. Bộ Tài chính chủ trì, phối hợp với Bộ Khoa học và Công nghệ hướng dẫn đăng ký kinh phí: (i) cho nhiệm vụ mới; (ii) cho nhiệm vụ chuyển tiếp. Hoàn thành trước ngày 15/10/2025.',
      '3. Bộ Giáo dục và Đào tạo hoàn thành 4 CSDL trước ngày 31/10/2025 và các CSDL còn lại trong năm 2025.',
      '4. Ngân hàng Nhà nước Việt Nam rà soát các quy định theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.',
    ]);
    expect(o.tasks.map((t) => t.leadUnits)).toEqual([['Bộ Công an', 'Văn phòng Chính phủ'], ['Bộ Tài chính'], ['Bộ Giáo dục và Đào tạo'], ['Ngân hàng Nhà nước Việt Nam']]);
    expect(o.tasks.map((t) => t.deadline.due)).toEqual(['2025-10-31', '2025-10-15', '2025-10-31', null]);
    expect(o.tasks[1].coUnits).toEqual(['Bộ Khoa học và Công nghệ']);
    expect(issuesOf(o, 'MAYBE_TWO_TASKS').map((i) => i.row)).toEqual([4]);
    expect(issuesOf(o, 'TWO_DEADLINES').map((i) => i.row)).toEqual([5]);
    expect(issuesOf(o, 'NO_DEADLINE').map((i) => i.row)).toEqual([6]);
    expect(issuesOf(o, 'LEAD_FROM_HEADING')).toHaveLength(0);
  }, 60_000);

  it('a notice with no items is refused (exit 1); a legacy .doc likewise', async () => {
    await notice(join(DIR, 'empty.docx'), ['Kính gửi: các đơn vị.', 'Không có nhiệm vụ.']);
    expect((await cli(['trich-xuat', join(DIR, 'empty.docx'), '--out', join(DIR, 'empty.xlsx')])).code).toBe(1);
    expect(existsSync(join(DIR, 'empty.xlsx'))).toBe(false);
    writeFileSync(join(DIR, 'cu.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const r = await cli(['trich-xuat', join(DIR, 'cu.doc'), '--out', join(DIR, 'cu.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.docx');
  }, 60_000);
});

describe('notice → master → distribute → returns → aggregate', () => {
  it('every extracted task comes back, counted once per lead, with the statuses the units wrote', async () => {
    const o = await extract('round', [
      'I. KHỐI CƠ QUAN CHÍNH PHỦ',
      '1. Bộ Nội vụ',
      'a) Trình Chính phủ Nghị định về vị trí việc làm. **Hoàn thành trong tháng 10/2025.**',
      'b) Hướng dẫn sắp xếp đơn vị sự nghiệp công lập. **Hoàn thành trước ngày 30/12/2025.**',
      '2. Bộ Y tế chủ trì, phối hợp với Bộ Công an hoàn thành CSDL tiêm chủng. **Hoàn thành trong tháng 9/2025.**',
    ]);
    expect(o.tasks).toHaveLength(3);
    const giao = join(DIR, 'giao');
    const d = await cli(['distribute', o.master, '--out', giao]);
    expect(d.code, d.stderr).toBe(0);
    const files = readdirSync(giao).filter((f) => f.endsWith('.xlsx'));
    // One workbook per lead, and one for Bộ Công an, which only coordinates.
    expect(files.sort()).toEqual(['bo-cong-an.xlsx', 'bo-noi-vu.xlsx', 'bo-y-te.xlsx']);
    // Each unit fills "Tiến độ": Bộ Nội vụ finished its first task; Bộ Y tế is still working.
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(giao, f));
      const ws = wb.worksheets[0];
      let statusCol = 0;
      ws.eachRow((row) => row.eachCell((c, col) => { if (String(c.value ?? '').trim() === 'Tiến độ') statusCol = col; }));
      expect(statusCol).toBeGreaterThan(0);
      ws.eachRow((row) => {
        const task = row.values as unknown[];
        const text = task.map((v) => String(v ?? '')).join(' ');
        if (text.includes('vị trí việc làm')) row.getCell(statusCol).value = 'Đã hoàn thành';
        if (text.includes('tiêm chủng')) row.getCell(statusCol).value = 'Đang thực hiện';
      });
      await wb.xlsx.writeFile(join(giao, f));
    }
    const a = await cli(['aggregate', giao, '--as-of', '2025-11-15', '--out', join(DIR, 'round-out'), '--sent', join(giao, 'danh-sach-giao.json'), '--json', '-', '--quiet']);
    const report = JSON.parse(a.stdout) as Report;
    expect(report.totals.tasks).toBe(3);
    expect(report.tasks.find((t) => t.task.includes('vị trí việc làm'))!.progress).toBe('done');
    const ytc = report.tasks.find((t) => t.task.includes('tiêm chủng'))!;
    expect(ytc.progress).toBe('in_progress');
    expect(ytc.overdue).toBe(true);
    expect(report.totals.overdue).toBe(1);
    expect(readFileSync(join(DIR, 'round-out', 'tong-hop.json'), 'utf8')).toContain('tiêm chủng');
  }, 120_000);
});
