/**
 * `tiendo trich-xuat <thong-bao.docx> --out <master.xlsx> [--json FILE]`
 * Reads a conclusion notice written in prose and writes the master appendix in the template's format, ready for
 * `tiendo distribute`. Every uncertain reading (no deadline, two deadlines, an item that may hold two tasks, a lead taken
 * from the heading, an unknown unit) is listed for a person, on stderr, in the JSON and in the master's "Ghi chú" column.
 * Exit 0 written (even with issues to check), 1 the notice could not be read or holds no task, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { extractNotice, type NoticeTask } from '../../core/notice';
import type { Issue } from '../../core/issue';
import { formatCount } from '../../core/format';
import { reportTemplateSpec, type TemplateRow } from '../../report/layout/report-template';
import { readDocxFile, type DocParagraph } from '../../docx/read';
import { writeWorkbook } from '../../xlsx/write';
import { EXIT_USAGE, handleParsed, parseCommand, type CommandSpec } from '../../batch/options';
import { stageDir } from '../../batch/stage';
import { failureLines } from '../../batch/fs-reason';
import { version } from '../version';

export const TRICH_XUAT_COMMAND = {
  name: 'trich-xuat',
  summary: 'Trích các nhiệm vụ từ thông báo kết luận (.docx) thành phụ lục giao nhiệm vụ (.xlsx) cho lệnh distribute.',
  args: '<thong-bao.docx>',
  min: 1,
  missing: 'Thiếu tệp thông báo (.docx).',
  max: 1,
  exits: [[0, 'đã ghi phụ lục (các điểm cần kiểm tra được liệt kê)'], [1, 'không đọc được thông báo hoặc không có nhiệm vụ nào'], [2, 'sai cú pháp']],
  options: {
    out: { value: 'master.xlsx', help: 'tệp phụ lục giao nhiệm vụ sẽ ghi', default: 'phu-luc-giao.xlsx' },
    json: { value: 'FILE', help: 'ghi thêm các nhiệm vụ và vấn đề dạng JSON ("-" = stdout)' },
    title: { value: '"…"', help: 'tiêu đề phụ lục' },
    'kem-theo': { value: '"…"', help: 'dòng "(Kèm theo …)" dưới tiêu đề' },
  },
} as const satisfies CommandSpec;

/** The master's rows: a section row when the part/section changes; the date cell for a plain date, else the deadline text. */
export function masterRows(tasks: NoticeTask[], issues: Issue[]): TemplateRow[] {
  const rows: TemplateRow[] = [];
  let section: string | null = null;
  for (const t of tasks) {
    if (t.section && t.section !== section) rows.push({ section: t.section });
    section = t.section;
    const notes = issues.filter((i) => i.row === t.paragraph).map((i) => i.message.replace(/^Mục [^:]+: /, ''));
    rows.push({
      stt: t.stt,
      task: t.task,
      lead: t.leadUnits.join(', '),
      co: t.coUnits.join(', '),
      deadline: t.deadline.kind === 'date' && t.deadline.due ? new Date(t.deadline.due + 'T00:00:00Z') : t.deadline.text || null,
      note: notes.length ? `Cần kiểm tra: ${notes.join(' ')}` : undefined,
    });
  }
  return rows;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(TRICH_XUAT_COMMAND, argv);
  const early = handleParsed(TRICH_XUAT_COMMAND, parsed, version());
  if (early !== null || parsed.kind !== 'ok') return early ?? EXIT_USAGE;
  const file = parsed.positionals[0];
  const { out, json, title, kemTheo } = parsed.values;
  const doc = readDocxFile(file);
  // A notice without tables is normal here: only an unreadable file is an error.
  if (doc.error && doc.error.code !== 'NO_TABLE') {
    console.error(`Từ chối: ${file}: ${doc.error.message}`);
    return 1;
  }
  const paragraphs = doc.blocks.filter((b): b is DocParagraph => b.kind === 'p')
    .map((p) => ({ text: p.text, bold: p.runs.filter((r) => r.bold).map((r) => r.text), level: p.level }));
  const { tasks, issues } = extractNotice(paragraphs, { file });
  if (!tasks.length) {
    console.error(`Từ chối: ${file}: không tìm thấy nhiệm vụ nào (các mục đánh số 1., a), - dưới các phần I, II…).`);
    return 1;
  }
  const stage = await stageDir(dirname(out));
  try {
    const spec = reportTemplateSpec({ rows: masterRows(tasks, issues), blankRows: 0, title: title ?? 'PHỤ LỤC GIAO NHIỆM VỤ', ...(kemTheo ? { attachedTo: kemTheo } : {}) });
    await writeWorkbook(spec, stage.path(basename(out)));
    const body = JSON.stringify({ tasks: tasks.map(({ paragraph: _p, ...t }) => t), issues }, null, 2) + '\n';
    if (json && json !== '-') await writeFile(json, body, 'utf8');
    await stage.commit();
    if (json === '-') process.stdout.write(body);
  } catch (e) {
    for (const line of failureLines(e, out)) console.error(`Không ghi được ${line}`);
    return 1;
  } finally {
    await stage.discard();
  }
  for (const i of issues) console.error(`Cần kiểm tra: ${i.message}`);
  console.error(`Đã trích ${formatCount(tasks.length)} nhiệm vụ (${formatCount(issues.length)} điểm cần kiểm tra) vào ${out}.`);
  return 0;
}
