/**
 * `aggregate --tasks` / writeTasks: CSV, Parquet and Arrow exports read back by independent readers
 * (csv-parse, hyparquet, flechette) give every task with the same values.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { tableFromIPC } from '@uwdata/flechette';
import type { ColumnTable } from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, exportFormatOf, writeTasks } from '../../batch/export-tasks';
import { toReportTask } from '../../report/report';
import { FRAME_COLUMNS, INT_COLUMNS, LIST_COLUMNS, taskFrame, type FrameColumn } from '../../report/task-frame';
import { readReturns } from '../../api/index';
import type { Task } from '../../core/model';
import { late, mkTask } from '../report/rollup-helpers';

type Row = Record<string, unknown>;

/** Tasks whose texts a CSV or an Excel user could get wrong. */
function hostileTasks(): Task[] {
  const tasks = [
    mkTask({ task: '=HYPERLINK("http://example.invalid","Bấm vào đây")', result: '+84 912 345 678', section: 'A. Nhiệm vụ chung, thường xuyên' }),
    late(['Bộ Nội vụ', 'Bộ Tài chính'], 45, { task: '- Xây dựng, ban hành; "Quy chế"\r\nDòng 2 của nhiệm vụ', due: '2025-10-01', stt: '1.2' }),
    mkTask({ task: "'đã có dấu nháy", result: '@tất cả', units: [''], progress: 'unreported', category: 'open_in_time', section: null }),
    mkTask({ task: '\tBắt đầu bằng tab', result: ' khoảng trắng hai đầu ', stt: '', due: '2026-02-28', taskId: 'T-0001' }),
    mkTask({ task: 'Phông NFD: Nhiệm vụ'.normalize('NFD'), units: ['Bộ Y tế (phối hợp; theo dõi)', '[Bộ Y tế]'], taskId: '00123' }),
  ];
  tasks[1].coUnits = [{ name: 'Bộ Công an', known: true }];
  tasks[1].progressSource = 'inferred';
  tasks[1].progressReason = 'Kết quả thực hiện mở đầu bằng "Chưa hoàn thành"';
  tasks[3].issues = [{ code: 'OVERDUE_IN_PROGRESS', severity: 'warning', message: 'x', file: 'a.xlsx', sheet: 'Phụ lục', row: 5 },
    { code: 'UNKNOWN_UNIT', severity: 'warning', message: 'y', file: 'a.xlsx', sheet: 'Phụ lục', row: 5 }];
  return tasks;
}

/** The frame's rows as plain values: dates as yyyy-mm-dd, text null as '' (a CSV cell cannot tell them apart). */
function expected(frame: ColumnTable, { nullText }: { nullText: boolean }): Row[] {
  return (frame.objects() as Row[]).map((r) => Object.fromEntries(frame.columnNames().map((c) => {
    const v = r[c];
    if (v instanceof Date) return [c, v.toISOString().slice(0, 10)];
    if (v === null && !nullText && !INT_COLUMNS.includes(c as FrameColumn) && c !== 'deadline') return [c, ''];
    return [c, v];
  })));
}

/** Reads the CSV back by the rules documented in batch/export-tasks.ts. */
function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: false }) as Record<string, string>[];
  return records.map((rec) => Object.fromEntries(Object.entries(rec).map(([c, raw]) => {
    const s = raw.startsWith("'") ? raw.slice(1) : raw;
    if (LIST_COLUMNS.includes(c as FrameColumn)) return [c, s === '' ? [] : s.startsWith('[') ? JSON.parse(s) : s.split('; ')];
    if (INT_COLUMNS.includes(c as FrameColumn)) return [c, s === '' ? null : Number(s)];
    if (c === 'overdue') return [c, s === 'true'];
    if (c === 'deadline') return [c, s === '' ? null : s];
    return [c, s];
  })));
}

async function readParquet(path: string): Promise<Row[]> {
  const buf = readFileSync(path);
  const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, v instanceof Date ? v.toISOString().slice(0, 10) : v])));
}

function readArrow(path: string): Row[] {
  const t = tableFromIPC(readFileSync(path), { useDate: true });
  return t.toArray().map((r) => Object.fromEntries(Object.entries(r as Row).map(([c, v]) => [c,
    v instanceof Date ? v.toISOString().slice(0, 10) : Array.isArray(v) ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>) : v])));
}

const dir = mkdtempSync(join(tmpdir(), 'tiendo-export-'));
/** Debian's python3 with python3-pandas, when installed (the bench installs it): a second, independent CSV reader. */
const PYTHON = '/usr/bin/python3';
const HAS_PANDAS = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;

describe.each([
  ['hostile texts', async (): Promise<ColumnTable> => taskFrame(hostileTasks().map(toReportTask))],
  ['samples/bao-cao through readReturns', async (): Promise<ColumnTable> => (await readReturns(['samples/bao-cao'], { asOf: '2025-11-15' })).tasks],
])('%s', (name, make) => {
  let frame: ColumnTable;
  const file = (ext: string): string => join(dir, `${name.replace(/\W+/g, '-')}.${ext}`);
  beforeAll(async () => {
    frame = await make();
    for (const ext of ['csv', 'parquet', 'arrow']) await writeTasks(frame, file(ext));
  }, 60_000);

  it('the frame has every contract column', () => {
    expect(frame.columnNames()).toEqual([...FRAME_COLUMNS]);
    expect(frame.numRows()).toBeGreaterThan(4);
  });

  it('CSV read back with csv-parse gives every task with the same values', () => {
    expect(readCsv(file('csv'))).toEqual(expected(frame, { nullText: false }));
  });

  it('Parquet read back with hyparquet gives every task with the same values and types', async () => {
    expect(await readParquet(file('parquet'))).toEqual(expected(frame, { nullText: true }));
  });

  it('Parquet stores typed columns: DATE, INT32, BOOLEAN, lists of UTF-8 strings', () => {
    const buf = readFileSync(file('parquet'));
    const meta = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const leaf = (n: string): Record<string, unknown> | undefined => meta.schema.find((e) => e.name === n) as Record<string, unknown> | undefined;
    expect(leaf('deadline')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(leaf('row')).toMatchObject({ type: 'INT32' });
    expect(leaf('daysLate')).toMatchObject({ type: 'INT32' });
    expect(leaf('overdue')).toMatchObject({ type: 'BOOLEAN' });
    expect(leaf('leadUnits')).toMatchObject({ converted_type: 'LIST' });
    expect(leaf('task')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(Number(meta.num_rows)).toBe(frame.numRows());
  });

  it.skipIf(!HAS_PANDAS)('pandas (Debian python3-pandas) reads the CSV to the same task texts, units and flags', () => {
    const py = [
      'import json, sys, pandas as pd',
      "df = pd.read_csv(sys.argv[1], encoding='utf-8-sig', keep_default_na=False, dtype=str)",
      "unq = lambda s: s[1:] if s.startswith(\"'\") else s",
      "print(json.dumps({'task': [unq(s) for s in df['task']], 'leadUnit': [unq(s) for s in df['leadUnit']], 'overdue': list(df['overdue'])}))",
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', py, file('csv')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { task: string[]; leadUnit: string[]; overdue: string[] };
    const want = frame.objects() as { task: string; leadUnit: string; overdue: boolean }[];
    expect(got.task).toEqual(want.map((t) => t.task));
    expect(got.leadUnit).toEqual(want.map((t) => t.leadUnit));
    expect(got.overdue).toEqual(want.map((t) => String(t.overdue)));
  });

  it('Arrow read back with flechette gives every task with the same values', () => {
    expect(readArrow(file('arrow'))).toEqual(expected(frame, { nullText: true }));
  });
});

describe('CSV cells for Excel', () => {
  it('quotes separators, quotes and line breaks; guards formula starts', () => {
    expect(csvCell('Bộ Y tế; Bộ Tài chính')).toBe('"Bộ Y tế; Bộ Tài chính"');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('nói "có"')).toBe('"nói ""có"""');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell("'x")).toBe(`"''x"`);
    expect(csvCell('Đã hoàn thành')).toBe('Đã hoàn thành');
    expect(csvCell(['Bộ Y tế', 'Bộ Nội vụ'])).toBe('"Bộ Y tế; Bộ Nội vụ"');
    expect(csvCell([''])).toBe('"[""""]"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(new Date('2025-10-31T00:00:00Z'))).toBe('2025-10-31');
  });

  it('knows the formats by extension', () => {
    expect(['a.csv', 'b.PARQUET', 'c.arrow', 'd.feather', 'e.xlsx', 'f'].map(exportFormatOf)).toEqual(['csv', 'parquet', 'arrow', 'arrow', null, null]);
  });

  it('a failed write leaves no file behind', async () => {
    await expect(writeTasks(taskFrame([]), join(dir, 'no-such-dir', 'x.csv'))).rejects.toThrow();
    await expect(writeTasks(taskFrame([]), join(dir, 'x.txt'))).rejects.toThrow(/\.csv, \.parquet hoặc \.arrow/);
  });
});
