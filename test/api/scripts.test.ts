/**
 * The scripting API through the package name: `import … from 'tiendo'` in the docs/scripts examples (plain JS
 * under node, TypeScript under tsx) and in a consumer project that installed tiendo, each checked against
 * `aggregate --json` on the same files.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportTask } from '../../report/report-types';
import { PROGRESS_KEYS, PROGRESS_SOURCES, CATEGORY_KEYS } from '../../core/model';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SAMPLES = 'samples/bao-cao';
const AS_OF = '2025-11-15';

async function node(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, maxBuffer: 64 << 20 });
  return stdout;
}
const json = async <T>(args: string[], opts?: { cwd?: string; env?: Record<string, string> }): Promise<T> => JSON.parse(await node(args, opts)) as T;

/** Totals counted by hand from the contract's tasks (each task once). */
function countOf(tasks: ReportTask[]): Report['totals'] {
  const progress = Object.fromEntries(PROGRESS_KEYS.map((p) => [p, tasks.filter((t) => t.progress === p).length]));
  const categories = Object.fromEntries(CATEGORY_KEYS.map((c) => [c, tasks.filter((t) => t.category === c).length]));
  const progressSources = Object.fromEntries(PROGRESS_SOURCES.map((s) => [s, tasks.filter((t) => t.progressSource === s).length]));
  const unrecognised = tasks.filter((t) => t.progress === 'unknown' || (t.progress === 'unreported' && t.result.trim() !== '')).length;
  return { tasks: tasks.length, overdue: tasks.filter((t) => t.overdue).length, progress, categories, progressSources, unrecognised } as Report['totals'];
}

let report: Report;
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'tiendo-scripts-'));
  await node(['scripts/tiendo.mjs', 'aggregate', SAMPLES, '--as-of', AS_OF, '--out', out, '--json', join(out, 'r.json'), '--quiet']);
  report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report;
}, 120_000);

describe("the package entry 'tiendo'", () => {
  it('exports what api/index.ts exports', async () => {
    const names = await json<string[]>(['--input-type=module', '-e', "const m = await import('tiendo'); console.log(JSON.stringify(Object.keys(m).sort()))"]);
    const api = await import('../../api/index');
    expect(names).toEqual(Object.keys(api).sort());
    expect(names).toEqual(expect.arrayContaining(['readReturns', 'summarize', 'rollupByUnit', 'overdueList', 'sentences', 'writeTasks', 'aq', 'op']));
  }, 60_000);

  it('works from a project that installed tiendo (node_modules/tiendo), in plain JavaScript', async () => {
    const app = mkdtempSync(join(tmpdir(), 'tiendo-consumer-'));
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(ROOT, join(app, 'node_modules', 'tiendo'), 'dir');
    writeFileSync(join(app, 'package.json'), '{ "name": "bao-cao-thang", "private": true, "type": "module" }\n');
    writeFileSync(join(app, 'tong.mjs'), [
      "import { readReturns, summarize } from 'tiendo';",
      `const { tasks, inputs } = await readReturns(process.argv.slice(2), { asOf: '${AS_OF}' });`,
      'console.log(JSON.stringify({ files: inputs.length, ...summarize(tasks) }));',
    ].join('\n'));
    const got = await json<{ files: number; totals: Report['totals']; units: Report['units']; sentences: string[] }>(['tong.mjs', join(ROOT, SAMPLES)], { cwd: app });
    expect(got.files).toBe(report.inputs.length);
    expect(got.totals).toEqual(report.totals);
    expect(got.units).toEqual(report.units);
    expect(got.sentences).toEqual(report.sentences);
  }, 60_000);

  it('reads 104 files through the worker pool (plain-JS bundled workers) with the merge rules of aggregate', async () => {
    const many = mkdtempSync(join(tmpdir(), 'tiendo-many-'));
    for (let i = 0; i < 13; i++) cpSync(join(ROOT, SAMPLES), join(many, `dot-${i}`), { recursive: true });
    const script = [
      "import { readReturns } from 'tiendo';",
      `const r = await readReturns(['${many}'], { asOf: '${AS_OF}', concurrency: 2 });`,
      'console.log(JSON.stringify({ worker: globalThis.tiendoWorkerUrl, inputs: r.inputs, issues: r.issues.map((i) => i.code), tasks: r.tasks.array("task") }));',
    ].join('\n');
    const api = await json<{ worker: string; inputs: Report['inputs']; issues: string[]; tasks: string[] }>(['--input-type=module', '-e', script]);
    await node(['scripts/tiendo.mjs', 'aggregate', many, '--as-of', AS_OF, '--out', join(many, 'out'), '--json', join(many, 'r.json'), '--quiet']);
    const cli = JSON.parse(readFileSync(join(many, 'r.json'), 'utf8')) as Report;
    expect(api.worker).toMatch(/read-worker\.mjs$/);
    expect(api.inputs).toHaveLength(104);
    expect(api.inputs).toEqual(cli.inputs);
    expect(api.issues).toEqual(cli.issues.map((i) => i.code));
    expect(api.tasks).toEqual(cli.tasks.map((t) => t.task));
  }, 120_000);
});

describe('docs/scripts examples on samples/bao-cao', () => {
  it('q4-open-by-unit.mjs (node): the same totals as aggregate --json, and the Q4 open tasks per unit', async () => {
    const got = await json<{ totals: Report['totals']; dueInQ4: number; openInQ4: number; byUnit: { unit: string; open: number; overdue: number }[] }>(
      ['docs/scripts/q4-open-by-unit.mjs', SAMPLES, '--as-of', AS_OF, '--json']);
    expect(got.totals).toEqual(report.totals);
    const q4 = report.tasks.filter((t) => t.deadline.due !== null && t.deadline.due >= '2025-10-01' && t.deadline.due <= '2025-12-31');
    const open = q4.filter((t) => t.category === 'open_in_time' || t.category === 'open_overdue');
    expect(got.dueInQ4).toBe(q4.length);
    expect(got.openInQ4).toBe(open.length);
    expect(open.length).toBeGreaterThan(0);
    const byUnit = new Map<string, number>();
    for (const t of open) for (const u of new Set(t.leadUnits)) byUnit.set(u, (byUnit.get(u) ?? 0) + 1);
    expect(Object.fromEntries(got.byUnit.map((u) => [u.unit, u.open]))).toEqual(Object.fromEntries(byUnit));
  }, 60_000);

  it('the same output when the sources are loaded through tsx instead of the bundle (TIENDO_NO_BUNDLE=1)', async () => {
    const args = ['docs/scripts/q4-open-by-unit.mjs', SAMPLES, '--as-of', AS_OF];
    expect(await node(args, { env: { TIENDO_NO_BUNDLE: '1' } })).toBe(await node(args));
  }, 120_000);

  it('overdue-by-unit-role.ts (tsx): units on overdue tasks as lead and as co-unit', async () => {
    const got = await json<{ totals: Report['totals']; overdueTasks: number; units: { unit: string; lead: number; co: number; total: number }[] }>(
      [TSX, 'docs/scripts/overdue-by-unit-role.ts', SAMPLES, '--as-of', AS_OF, '--top', '100', '--json']);
    expect(got.totals).toEqual(report.totals);
    const overdue = report.tasks.filter((t) => t.overdue);
    expect(got.overdueTasks).toBe(overdue.length);
    const want = new Map<string, { lead: number; co: number; total: number }>();
    overdue.forEach((t) => {
      const lead = new Set(t.leadUnits.filter(Boolean)), co = new Set(t.coUnits.filter(Boolean));
      for (const u of new Set([...lead, ...co])) {
        const w = want.get(u) ?? { lead: 0, co: 0, total: 0 };
        want.set(u, { lead: w.lead + (lead.has(u) ? 1 : 0), co: w.co + (co.has(u) ? 1 : 0), total: w.total + 1 });
      }
    });
    expect(Object.fromEntries(got.units.map(({ unit, ...n }) => [unit, n]))).toEqual(Object.fromEntries(want));
    expect(got.units.some((u) => u.co > 0)).toBe(true); // the samples have overdue tasks with a co-unit
    const totals = got.units.map((u) => u.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  }, 60_000);

  it('section-b.ts (tsx): the report of section B alone, and its tasks as CSV', async () => {
    const csv = join(out, 'muc-b.csv');
    const got = await json<{ totals: Report['totals']; sectionTotals: Report['totals']; units: Report['units']; sentences: string[]; overdue: { unit: string; row: number; file: string }[] }>(
      [TSX, 'docs/scripts/section-b.ts', SAMPLES, '--as-of', AS_OF, '--csv', csv, '--json']);
    expect(got.totals).toEqual(report.totals);
    const b = report.tasks.filter((t) => /^\s*B\s*[.):\-–]/i.test(t.section ?? ''));
    expect(b.length).toBeGreaterThan(2);
    expect(got.sectionTotals).toEqual(countOf(b));
    const done = got.sectionTotals.progress.done + got.sectionTotals.progress.done_late;
    expect(got.sentences[0]).toContain(`Đã hoàn thành ${String(done).padStart(2, '0')}/${String(b.length).padStart(2, '0')} `);
    expect(got.overdue.map((o) => `${o.file}:${o.row}`).sort()).toEqual(b.filter((t) => t.overdue).map((t) => `${t.file}:${t.row}`).sort());
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(b.length + 1);
  }, 60_000);
});
