/**
 * The only user of the `docx` library: renders the report model's tables and sentences as Word documents in the style of
 * Nghị định 30/2020/NĐ-CP (Times New Roman, A4, "Phụ lục" with its number, the title in capitals, "(Kèm theo …)" centred
 * in italics, wide tables in a landscape section with their header rows repeated on every page, page numbers).
 *
 * @example
 *   await writeFile('phu-luc.docx', await appendixDocx(report, { attachedTo: '(Kèm theo Báo cáo số 12/BC-VPCP)' }));
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow,
  TextRun, VerticalAlign, VerticalMergeType, WidthType, type ISectionOptions,
} from 'docx';
import { formatCount, formatDateVi, formatNumber } from '../core/format';
import type { Report } from '../report/report-types';
import type { Confirmation } from '../report/confirmation';
import { changeTable, formulaLines, rankTable, taskChangeTable } from '../report/history/sheets';
import { periodVi } from '../report/history/sentences';
import type { HistoryComparison } from '../report/history/types';
import type { ScoreWeights } from '../report/history/score';
import { detailTable, overdueTable, unitTable, type SummaryColumn, type SummaryTable } from '../report/layout/summary-tables';

/** Half-points: 13 pt body and 14 pt titles (NĐ 30/2020), 11 pt inside the wide tables. */
const PT = { body: 26, title: 28, table: 22, small: 20 } as const;
const FONT = 'Times New Roman';
/** A4 in twips (portrait); docx swaps the sides for a landscape section. */
const A4 = { width: 11906, height: 16838 } as const;
/** Margins of a landscape appendix (20 mm all round, NĐ 30/2020 ranges), in twips. */
const MARGIN_LANDSCAPE = { top: 1134, bottom: 1134, left: 1134, right: 1134 } as const;

/** Above this many tasks the full list is not repeated in Word: a line points to tong-hop.xlsx (documented in the README). */
export const FULL_LIST_LIMIT = 200;

export interface AppendixOptions {
  /** The appendix number ("I", "01"); "Phụ lục" alone when absent. */
  number?: string;
  title?: string;
  /** The "(Kèm theo …)" line. */
  attachedTo?: string;
  /** Name of the workbook the long lists are in (default tong-hop.xlsx). */
  workbook?: string;
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? PT.body, bold: o.bold, italics: o.italics });

function para(text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean } = {}): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 288 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: lines.map((l, i) => new TextRun({ text: l, font: FONT, size: o.size ?? PT.body, bold: o.bold, italics: o.italics, break: i ? 1 : undefined })),
  });
}

const centred = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}) => para(text, { ...o, align: AlignmentType.CENTER });

/** "Phụ lục I", TITLE IN CAPITALS, "(Kèm theo …)", "(Số liệu tính đến ngày …)". */
function titleBlock(title: string, asOf: string, opts: { number?: string; attachedTo?: string }): Paragraph[] {
  return [
    centred(opts.number ? `Phụ lục ${opts.number}` : 'Phụ lục', { bold: true, size: PT.title, after: 0 }),
    centred(title.toUpperCase(), { bold: true, size: PT.title, after: 0 }),
    ...(opts.attachedTo ? [centred(opts.attachedTo, { italics: true, size: PT.body, after: 0 })] : []),
    centred(`(Số liệu tính đến ngày ${formatDateVi(asOf)})`, { italics: true, size: PT.body, after: 240 }),
  ];
}

/** A cell value as Vietnamese text: counts "1.234", rates "25,7%", dates "31/10/2025". */
export function cellText(c: SummaryColumn, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (c.type === 'percent') return `${formatNumber(v * 100, 1)}%`;
    // Scores (62,5) keep one decimal; counts are whole numbers ("1.234").
    return Number.isInteger(v) ? formatNumber(v) : formatNumber(v, 1);
  }
  return c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateVi(v) : v;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

function cell(text: string, o: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number; size?: number; shade?: boolean; vMerge?: 'restart' | 'continue' } = {}): TableCell {
  return new TableCell({
    borders: BORDERS,
    columnSpan: o.span,
    verticalMerge: o.vMerge === 'restart' ? VerticalMergeType.RESTART : o.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlign.CENTER,
    shading: o.shade ? { fill: 'D9E1F2' } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: text.split('\n').map((l) => new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, children: [run(l, { bold: o.bold, italics: o.italics, size: o.size ?? PT.table })] })),
  });
}

/**
 * A summary table as a Word table: header rows (the column groups over a second header row when the table has them)
 * repeated on every page, section rows across the width, the totals row in bold.
 */
export function wordTable(table: SummaryTable, opts: { keys?: string[]; size?: number } = {}): Table {
  const idx = opts.keys ? opts.keys.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0) : table.columns.map((_, i) => i);
  const cols = idx.map((i) => table.columns[i]);
  const size = opts.size ?? PT.table;
  const header: TableRow[] = [];
  const groups = (table.groups ?? []).filter((g) => cols.some((c) => c.key === g.from));
  if (groups.length) {
    const top: TableCell[] = [];
    const bottom: TableCell[] = [];
    for (let i = 0; i < cols.length;) {
      const g = groups.find((x) => x.from === cols[i].key);
      if (g) {
        const end = cols.findIndex((c) => c.key === g.to);
        const span = end - i + 1;
        top.push(cell(g.title, { bold: true, align: AlignmentType.CENTER, span, size, shade: true }));
        for (let k = i; k <= end; k++) bottom.push(cell(cols[k].header, { bold: true, align: AlignmentType.CENTER, size, shade: true }));
        i = end + 1;
      } else {
        // A column outside every group spans both header rows.
        top.push(cell(cols[i].header, { bold: true, align: AlignmentType.CENTER, size, shade: true, vMerge: 'restart' }));
        bottom.push(cell('', { size, shade: true, vMerge: 'continue' }));
        i++;
      }
    }
    header.push(new TableRow({ tableHeader: true, cantSplit: true, children: top }), new TableRow({ tableHeader: true, cantSplit: true, children: bottom }));
  } else {
    header.push(new TableRow({ tableHeader: true, cantSplit: true, children: cols.map((c) => cell(c.header, { bold: true, align: AlignmentType.CENTER, size, shade: true })) }));
  }
  const body = table.rows.map((r) => {
    if (r.kind === 'section') return new TableRow({ cantSplit: true, children: [cell(String(r.values[0] ?? ''), { bold: true, span: cols.length, size })] });
    return new TableRow({
      cantSplit: true,
      children: idx.map((i) => {
        const c = table.columns[i];
        const align = c.type === 'text' && c.key !== 'stt' ? AlignmentType.LEFT : AlignmentType.CENTER;
        return cell(cellText(c, r.values[i]), { bold: r.kind === 'total', align, size });
      }),
    });
  });
  // "STT" must fit on one line in Word's narrower cells.
  const widths = cols.map((c) => (c.key === 'stt' ? Math.max(c.width, 7) : c.width));
  const total = widths.reduce((a, w) => a + w, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((w) => Math.round((w / total) * 14570)),
    rows: [...header, ...body],
  });
}

const footer = () => ({
  default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.small })] })] }),
});
const landscape = (children: ISectionOptions['children']): ISectionOptions => ({
  properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN_LANDSCAPE } },
  footers: footer(),
  children,
});

function document(sections: ISectionOptions[], title: string): Document {
  return new Document({
    creator: 'tiendo',
    title,
    styles: { default: { document: { run: { font: FONT, size: PT.body } } } },
    sections,
  });
}

/**
 * The summary appendix as .docx: the per-unit table with its totals row (landscape), the overdue tasks grouped by unit
 * with deadline and days late (landscape), the summary sentences, and the full task list when it is short.
 */
export async function appendixDocx(report: Report, opts: AppendixOptions = {}): Promise<Buffer> {
  const title = opts.title ?? 'Tổng hợp tình hình thực hiện nhiệm vụ được giao';
  const units = unitTable(report);
  const overdue = overdueTable(report);
  const workbook = opts.workbook ?? 'tong-hop.xlsx';
  const long = report.tasks.length > FULL_LIST_LIMIT;
  const sections: ISectionOptions[] = [
    landscape([
      ...titleBlock(title, report.asOf, opts),
      para('I. TÌNH HÌNH CHUNG', { bold: true, before: 120 }),
      ...report.sentences.map((s) => para(s, { indent: true })),
      para('II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ', { bold: true, before: 120 }),
      wordTable(units, { size: PT.small }),
    ]),
    landscape([
      para(`III. CÁC NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH (${formatCount(report.totals.overdue)} NHIỆM VỤ)`, { bold: true }),
      ...(overdue.rows.length
        ? [wordTable(overdue, { keys: ['stt', 'task', 'lead', 'deadline', 'due', 'daysLate', 'progress'] })]
        : [para('Không có nhiệm vụ quá hạn.', { indent: true })]),
      ...(long ? [para(`Danh sách đầy đủ ${formatCount(report.tasks.length)} nhiệm vụ ở trang tính "Chi tiết" của tệp ${workbook}.`, { italics: true, before: 240 })] : []),
    ]),
  ];
  if (!long) {
    sections.push(landscape([
      para(`IV. DANH SÁCH NHIỆM VỤ (${formatCount(report.tasks.length)} NHIỆM VỤ)`, { bold: true }),
      wordTable(detailTable(report), { keys: ['stt', 'task', 'lead', 'deadline', 'progressText', 'category', 'daysLate'] }),
    ]));
  }
  return Packer.toBuffer(document(sections, title));
}

/** One unit's confirmation appendix: its overdue tasks and its tasks due this year, with a signature block for its head. */
export async function confirmationDocx(c: Confirmation, asOf: string, opts: { attachedTo?: string } = {}): Promise<Buffer> {
  const year = asOf.slice(0, 4);
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
    rows: [new TableRow({
      children: [
        new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: [para('', {})] }),
        new TableCell({
          width: { size: 50, type: WidthType.PERCENTAGE },
          children: [
            centred(`XÁC NHẬN CỦA ${c.unit.toUpperCase()}`, { bold: true, after: 0 }),
            ...c.signer.map((s) => centred(s, { bold: true, after: 0 })),
            centred('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true, after: 1200 }),
          ],
        }),
      ],
    })],
  });
  const section = landscape([
    ...titleBlock(c.title, asOf, { attachedTo: opts.attachedTo }),
    para(c.sentence, { indent: true }),
    para(`I. CÁC NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH (${formatCount(c.overdue.rows.length)} NHIỆM VỤ)`, { bold: true, before: 120 }),
    ...(c.overdue.rows.length ? [wordTable(c.overdue)] : [para('Không có nhiệm vụ quá hạn.', { indent: true })]),
    para(`II. CÁC NHIỆM VỤ PHẢI HOÀN THÀNH TRONG NĂM ${year} (${formatCount(c.dueThisYear.rows.length)} NHIỆM VỤ)`, { bold: true, before: 240 }),
    ...(c.dueThisYear.rows.length ? [wordTable(c.dueThisYear)] : [para(`Không có nhiệm vụ đến hạn từ nay đến hết năm ${year}.`, { indent: true })]),
    para('', { after: 240 }),
    signature,
  ]);
  return Packer.toBuffer(document([section], c.title));
}


/**
 * The period comparison (`so-sanh --docx`, `aggregate --ky … --docx`) as bien-dong.docx: the sentences, the changes by unit,
 * the ranking with its formula, and the task list of changes when it is short; the same tables as bien-dong.xlsx.
 */
export async function comparisonDocx(c: HistoryComparison, weights: ScoreWeights, opts: { attachedTo?: string } = {}): Promise<Buffer> {
  const vs = c.previous ? ` so với ${periodVi(c.previous)}` : ' (kỳ đầu tiên, chưa có kỳ trước)';
  const title = 'Biến động tình hình thực hiện nhiệm vụ';
  const changes = taskChangeTable(c);
  const long = changes.rows.length > FULL_LIST_LIMIT;
  const sections: ISectionOptions[] = [
    landscape([
      ...titleBlock(title, c.asOf, opts),
      centred(`(Kỳ ${periodVi(c.period)}${vs})`, { italics: true, after: 240 }),
      para('I. TÓM TẮT BIẾN ĐỘNG', { bold: true, before: 120 }),
      ...c.sentences.map((x) => para(x, { indent: true })),
      para('II. BIẾN ĐỘNG THEO ĐƠN VỊ CHỦ TRÌ', { bold: true, before: 120 }),
      wordTable(changeTable(c), { size: PT.small }),
    ]),
    landscape([
      para(`III. XẾP HẠNG CHẤM ĐIỂM KỲ ${periodVi(c.period).toUpperCase()}`, { bold: true }),
      ...(c.scores.length ? [wordTable(rankTable(c), { size: PT.small })] : [para('Chưa có đơn vị nào được chấm điểm.', { indent: true })]),
      ...formulaLines(weights).map((x) => para(x, { italics: true, size: PT.small, before: 120 })),
      ...(long ? [para(`Chi tiết ${formatCount(changes.rows.length)} nhiệm vụ ở trang tính "Biến động chi tiết" của tệp bien-dong.xlsx.`, { italics: true, before: 240 })] : []),
    ]),
  ];
  if (changes.rows.length && !long) {
    sections.push(landscape([para('IV. CHI TIẾT BIẾN ĐỘNG CÁC NHIỆM VỤ', { bold: true }), wordTable(changes, { size: PT.small })]));
  }
  return Packer.toBuffer(document(sections, title));
}
