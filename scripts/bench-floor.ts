/**
 * The output floor of the aggregate targets: `npx tsx scripts/bench-floor.ts <tong-hop.json>`.
 *
 * Whatever the reader, core and writers cost, `aggregate` must at least write out what the issue
 * requires of every task. From a real run's tong-hop.json (parsing it is not timed) this times,
 * best CPU time of 3 runs each:
 * - json: the contract's `tasks` array (only the fields the issue lists) through JSON.stringify in
 *   10,000-task chunks, UTF-8 encoded and written to a file;
 * - xlsx: the rows of "Chi tiết" (one per task: file, sheet, row, STT, section, task, lead unit,
 *   deadline, status, progress, category) and "Cảnh báo" (one per task issue: file, row, code,
 *   message) as the barest SpreadsheetML (inline strings, no styles, no shared strings) deflated at
 *   level 1: no workbook around them, no formatting.
 * Prints one JSON line (Floor) for scripts/bench.ts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { bestCpu } from './best-cpu';

export interface Floor { tasks: number; jsonMb: number; jsonCpu: number; xlsxRows: number; xlsxCpu: number }

/** The per-task fields of the JSON contract in the Analytics issue. */
const CONTRACT = ['file', 'sheet', 'row', 'stt', 'section', 'task', 'leadUnit', 'deadline', 'progressText', 'progress', 'category', 'overdue', 'issues'] as const;

interface Row { file: string; sheet: string; row: number; stt: string; section: string | null; task: string; leadUnit: string;
  deadline: { text: string }; progressText: string; progress: string; category: string; issues: { code: string; message: string }[] }

function json(tasks: Record<string, unknown>[]): number {
  const out = join(tmpdir(), `tiendo-floor-${process.pid}.json`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < tasks.length; i += 10_000) chunks.push(Buffer.from(JSON.stringify(tasks.slice(i, i + 10_000)), 'utf8'));
  writeFileSync(out, Buffer.concat(chunks));
  rmSync(out, { force: true });
  return chunks.reduce((a, b) => a + b.length, 0);
}

const NEEDS_ESCAPE = /[&<>]/;
function esc(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}
const str = (v: unknown): string => `<c t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
const num = (v: number): string => `<c><v>${v}</v></c>`;

/** The detail and warning rows as bare SpreadsheetML, deflated in 5,000-row chunks; returns the row count. */
function xlsx(tasks: Row[]): number {
  let rows = 0;
  let parts: string[] = [];
  const push = (xml: string): void => {
    parts.push(xml);
    rows++;
    if (parts.length === 5000) {
      deflateRawSync(Buffer.from(parts.join('')), { level: 1 });
      parts = [];
    }
  };
  for (const t of tasks) {
    push('<row>' + str(t.file) + str(t.sheet) + num(t.row) + str(t.stt) + str(t.section) + str(t.task) + str(t.leadUnit)
      + str(t.deadline.text) + str(t.progressText) + str(t.progress) + str(t.category) + '</row>');
  }
  for (const t of tasks) for (const i of t.issues) push('<row>' + str(t.file) + num(t.row) + str(i.code) + str(i.message) + '</row>');
  deflateRawSync(Buffer.from(parts.join('')), { level: 1 });
  return rows;
}

function main(): void {
  const path = process.argv[2];
  if (!path) throw new Error('usage: bench-floor.ts <tong-hop.json>');
  const report = JSON.parse(readFileSync(path, 'utf8')) as { tasks: Record<string, unknown>[] };
  const tasks = report.tasks.map((t) => Object.fromEntries(CONTRACT.map((k) => [k, t[k]])));
  report.tasks = [];
  const j = bestCpu(3, () => json(tasks));
  const x = bestCpu(3, () => xlsx(tasks as unknown as Row[]));
  const floor: Floor = { tasks: tasks.length, jsonMb: j.out / 1048576, jsonCpu: j.seconds, xlsxRows: x.out, xlsxCpu: x.seconds };
  console.log(JSON.stringify(floor));
}

main();
