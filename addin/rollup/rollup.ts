/**
 * "Tổng hợp nhiều tệp": the returns the user picked or dropped, read one by one in a Web Worker, rolled up
 * with the CLI's report model (report/ buildReport: re-submissions merged the same way) and laid out as the
 * sheets of tong-hop.xlsx (report/layout/summary.ts summarySpec), each written into the open workbook by
 * the adapter in chunks under Excel's request limit. Sheet names carry " (tiendo)" so no sheet of the
 * user's is touched; replacing an earlier rollup's sheets is asked first.
 */
import { formatCount } from '../../core/format';
import { buildReport } from '../../report/report';
import type { SheetSpec } from '../../report/layout/spec';
import type { Report } from '../../report/report-types';
import type { SentTask, SourceRead } from '../../report/types';
import { summarySpec } from '../../report/layout/summary';
import * as excel from '../excel-adapter';
import { sheetPlan } from '../pane/summary';
import { MESSAGES, PaneError } from '../pane/messages';
import type { ReturnFile } from './read-return';

const ROLLUP_SUFFIX = ' (tiendo)';

/**
 * The most data rows one sheet gets from the pane (Excel's limit is 1,048,576 rows; writing far fewer through
 * Office.js already takes minutes): a longer sheet (Chi tiết of a very large rollup) is cut, and says so.
 */
export const PANE_MAX_ROWS = 100_000;

/** Reads one file (in the Web Worker, or in-process where there is none). */
export type ReadOne = (file: ReturnFile, asOf: string) => Promise<SourceRead>;

export interface RollupResult {
  report: Report;
  sheets: string[];
  refused: SourceRead[];
  /** Sheets whose rows were cut at PANE_MAX_ROWS, with their full row count. */
  capped: { sheet: string; rows: number }[];
}

/** The sheet with at most `max` data rows; a longer one is cut and gets a first footer line saying so. */
export function capRows(spec: SheetSpec, max = PANE_MAX_ROWS): SheetSpec {
  if (spec.rows.length <= max) return spec;
  const note = `Trang tính này chỉ ghi ${formatCount(max)} trên ${formatCount(spec.rows.length)} dòng (giới hạn của ngăn tác vụ). `
    + 'Để có đủ mọi dòng, hãy chạy lệnh "tiendo aggregate" trên cùng các tệp (tong-hop.xlsx và tong-hop.json).';
  return { ...spec, rows: spec.rows.slice(0, max), footer: [{ text: note, italic: true }, ...(spec.footer ?? [])] };
}

/** Excel's sheet-name limit is 31 characters. */
export function rollupSheetName(name: string): string {
  return (name.slice(0, 31 - ROLLUP_SUFFIX.length) + ROLLUP_SUFFIX);
}

export async function runRollup(
  files: ReturnFile[], asOf: string, readOne: ReadOne,
  opts: {
    ask?: (q: string) => Promise<boolean>;
    onFile?: (s: SourceRead, i: number, total: number) => void;
    /** The tasks sent (danh-sach-giao.json): those not returned are listed per unit, as with `aggregate --sent`. */
    sent?: SentTask[];
  } = {},
): Promise<RollupResult> {
  if (!files.length) throw new PaneError('Chưa chọn tệp nào. Hãy chọn hoặc kéo thả các tệp báo cáo (.xlsx hoặc .docx) vào ngăn tác vụ.');
  const sources: SourceRead[] = [];
  for (const [i, f] of files.entries()) {
    const s = await readOne(f, asOf);
    sources.push(s);
    opts.onFile?.(s, i, files.length);
  }
  const refused = sources.filter((s) => s.error);
  if (refused.length === sources.length) throw new PaneError(`Không đọc được tệp nào trong ${files.length} tệp đã chọn: không có gì được ghi.`);
  const report = buildReport({ asOf, sources, ...(opts.sent ? { sent: opts.sent } : {}) });
  const spec = summarySpec(report);
  const capped = spec.sheets.filter((sh) => sh.rows.length > PANE_MAX_ROWS).map((sh) => ({ sheet: rollupSheetName(sh.name), rows: sh.rows.length }));
  const plans = spec.sheets.map((sh) => sheetPlan(capRows({ ...sh, name: rollupSheetName(sh.name) })));
  const existing: string[] = [];
  for (const p of plans) if ((await excel.sheetInfo(p.name)).exists) existing.push(p.name);
  if (existing.length && opts.ask && !(await opts.ask(replaceQuestion(existing)))) throw new PaneError(MESSAGES.cancelled);
  for (const p of plans) await excel.writeSummarySheet(p);
  await excel.selectCell(plans[0].name, 'A1'); // "Tổng hợp" in front, as in tong-hop.xlsx
  return { report, sheets: plans.map((p) => p.name), refused, capped };
}

function replaceQuestion(names: string[]): string {
  return `Các trang tính ${names.map((n) => `"${n}"`).join(', ')} đã có (từ lần tổng hợp trước) và sẽ được thay bằng bản mới. `
    + 'Excel không hoàn tác (Ctrl+Z) được việc xoá trang tính. Tiếp tục?';
}

/** A ReadOne backed by a Web Worker (one file at a time, in order). */
export function workerReader(worker: Worker): ReadOne {
  let next = 0;
  return (file, asOf) => new Promise((resolve, reject) => {
    const id = ++next;
    const onMessage = (e: MessageEvent<{ id: number; source: SourceRead }>) => {
      if (e.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      resolve(e.data.source);
    };
    const onError = (e: ErrorEvent) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      reject(new Error(e.message));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id, file, asOf }, [file.bytes.buffer]);
  });
}
