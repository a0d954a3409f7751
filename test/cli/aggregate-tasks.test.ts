/** `aggregate --tasks FILE`: the merged task table exported beside the report, one row per task of tong-hop.json. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-agg-tasks-'));

function argsOf(argv: string[]): ReturnType<typeof parseArgs> {
  return parseArgs(argv);
}

describe('aggregate --tasks', () => {
  it('accepts .csv, .parquet and .arrow, and refuses anything else with a Vietnamese message', () => {
    for (const f of ['t.csv', 't.parquet', 't.arrow']) {
      const p = argsOf(['--tasks', f]);
      expect(p.ok && p.args.tasks).toBe(f);
    }
    const bad = argsOf(['--tasks=t.xlsx']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/--tasks: cần tệp \.csv, \.parquet hoặc \.arrow/);
  });

  it('writes every merged task of the report, in report order, to Parquet and CSV', async () => {
    for (const ext of ['parquet', 'csv']) {
      const file = join(dir, `nhiem-vu.${ext}`);
      const parsed = argsOf(['samples/bao-cao', '--as-of', '2025-11-15', '--out', join(dir, 'out'), '--tasks', file, '--quiet']);
      if (!parsed.ok) throw new Error(parsed.message);
      const { report, outputs, outputErrors } = await aggregate(parsed.args);
      expect(outputErrors).toEqual([]);
      expect(outputs).toContain(file);
      let rows: Record<string, unknown>[];
      if (ext === 'parquet') {
        const buf = readFileSync(file);
        rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
      } else {
        rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, unknown>[];
      }
      expect(rows).toHaveLength(report.tasks.length);
      const key = (r: Record<string, unknown>): string => `${String(r.file)}:${String(r.row)}:${String(r.overdue)}:${String(r.daysLate ?? '')}`;
      expect(rows.map(key)).toEqual(report.tasks.map((t) => key(t as unknown as Record<string, unknown>)));
      // Provenance travels with every task: an inferred or ticked progress is marked as such in the export too.
      expect(rows.map((r) => [r.progressSource, r.dueSource])).toEqual(report.tasks.map((t) => [t.progressSource, t.dueSource]));
      expect(report.tasks.every((t) => t.progressSource && t.dueSource)).toBe(true);
    }
  }, 60_000);

  it('stages the export like the other outputs: beside --json, in its own folder, nothing half-written left behind', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tiendo-agg-tasks-stage-'));
    for (const [json, tasks] of [[join(base, 'a/r.json'), join(base, 'a/t.arrow')], [null, join(base, 'b/c/t.csv')], [null, join(base, 'out/t.parquet')]]) {
      const argv = ['samples/bao-cao', '--as-of', '2025-11-15', '--out', join(base, 'out'), '--tasks', tasks!, '--quiet', ...(json ? ['--json', json] : [])];
      const parsed = argsOf(argv);
      if (!parsed.ok) throw new Error(parsed.message);
      const { outputs, outputErrors } = await aggregate(parsed.args);
      expect(outputErrors).toEqual([]);
      expect(outputs.filter((o) => o === tasks)).toHaveLength(1);
      expect(existsSync(tasks!)).toBe(true);
      if (json) expect(existsSync(json)).toBe(true);
    }
    const leftovers = (d: string): string[] => readdirSync(d, { recursive: true }).map(String).filter((f) => f.includes('tiendo-tmp'));
    expect(leftovers(base)).toEqual([]);
    expect(readdirSync(join(base, 'out')).sort()).toEqual(['t.parquet', 'tom-tat.txt', 'tong-hop.json', 'tong-hop.xlsx']);
  }, 60_000);
});
