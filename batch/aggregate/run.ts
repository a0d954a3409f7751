/** The whole aggregate job on the Node side: discover → read (worker pool) → buildReport → write outputs. */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitAll, stageDir, type Stage } from '../stage';
import { failureLines } from '../fs-reason';
import { Spool } from '../spool';
import type { Report } from '../../report/report-types';
import { buildReport } from '../../report/report';
import type { HistoryComparison } from '../../report/history/types';
import { taskFrame } from '../../report/task-frame';
import { writeTasks } from '../export-tasks';
import type { AggregateArgs } from './args';
import type { HistoryOutcome } from './history';
import { progressBar } from './progress';
import { loadSent } from './sent';
import { todayInVietnam } from '../../core/dates';
import { collectSources } from './sources';
import { writeReportJson } from './write-json';

/** The bundled sample submissions, used when no input is given. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/bao-cao', import.meta.url));

export interface AggregateResult {
  report: Report;
  /** Files written. */
  outputs: string[];
  /**
   * Output that could not be written (e.g. tong-hop.xlsx), with the reason; then nothing was replaced. A history store
   * that could not be written (--lich-su) is listed here too, while the other outputs are still written.
   */
  outputErrors: string[];
  /** With --ky / --lich-su: the comparison with the previous period. */
  history?: HistoryComparison;
  /** No input could be read: nothing was written (the previous report, if any, is untouched). */
  nothingRead: boolean;
}

/** True when not one input was read (all missing, rejected, or none found): such a run must not write a report. */
export function readNothing(report: Report): boolean {
  return report.inputs.every((i) => i.error);
}

export async function aggregate(args: AggregateArgs): Promise<AggregateResult> {
  const t = phaseTimer();
  // Read and build in their own scope so the SheetReads can be collected before the outputs are written.
  const report = await readAndBuild(args, t);
  if (readNothing(report)) return { report, outputs: [], outputErrors: [], nothingRead: true };
  // The history store (DuckDB, a native module: about 0,1 s to load) is loaded only when asked for.
  const history = args.ky !== null || args.lichSu !== null ? await (await import('./history')).recordHistory(report, args, process.cwd()) : null;
  const outcome = history && 'comparison' in history ? history : null;
  if (outcome) report.sentences.push(...outcome.comparison.sentences);
  t('history');
  const written = await writeOutputs(report, args, process.cwd(), t, outcome);
  if (history && 'error' in history) written.outputErrors.push(history.error);
  if (outcome) written.outputs.push(outcome.file);
  return { report, ...written, nothingRead: false, ...(outcome ? { history: outcome.comparison } : {}) };
}

async function readAndBuild(args: AggregateArgs, t: (phase: string) => void): Promise<Report> {
  const asOf = args.asOf ?? todayInVietnam(new Date());
  const bar = progressBar(process.stderr, !args.quiet && !!process.stderr.isTTY);
  const sources = await collectSources(args.inputs.length ? args.inputs : [SAMPLES_DIR], {
    asOf,
    concurrency: args.concurrency,
    // The tasks' texts stay on disk until an output needs them (removed when the process exits).
    spool: Spool.create(),
    exclude: [args.out],
    onProgress: (done: number, total: number) => bar.update(done, total),
  });
  bar.end();
  t('read');
  const sent = args.sent ? await loadSent(args.sent) : undefined;
  const report = buildReport({ asOf, sources, keepDuplicates: args.keepDuplicates, sent, onPhase: (p) => t('  ' + p) });
  t('  inputs, sentences');
  return report;
}

/** With TIENDO_TIMING=1, prints the seconds each phase took on stderr (for `npm run bench`). */
function phaseTimer(): (phase: string) => void {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  return (phase) => {
    const now = performance.now();
    const cpuNow = process.cpuUsage();
    const cpu = { user: cpuNow.user - lastCpu.user, system: cpuNow.system - lastCpu.system };
    lastCpu = cpuNow;
    if (process.env.TIENDO_TIMING) {
      const mem = process.memoryUsage();
      const rss = Math.round(mem.rss / 1048576);
      if (process.env.TIENDO_TIMING === "2") process.stderr.write(`[memory] heap ${Math.round(mem.heapUsed / 1048576)}/${Math.round(mem.heapTotal / 1048576)} MB, external ${Math.round(mem.external / 1048576)} MB\n`);
      process.stderr.write(`[timing] ${phase}: ${((now - last) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, of it system ${(cpu.system / 1e6).toFixed(2)} s (RSS after: ${rss} MB)\n`);
    }
    last = now;
  };
}

/**
 * Every output is written into a staging folder next to --out (and --json FILE next to FILE), then moved into
 * place only when all of them are complete: a failed or interrupted run leaves the previous report as it was.
 */
async function writeOutputs(
  report: Report, args: AggregateArgs, cwd: string, t: (phase: string) => void, history: HistoryOutcome | null,
): Promise<Omit<AggregateResult, 'report' | 'nothingRead'>> {
  const outputErrors: string[] = [];
  const jsonFile = args.json && args.json !== '-' ? resolve(cwd, args.json) : null;
  let jsonStage: Stage | null = null;
  try {
    jsonStage = jsonFile ? await stageDir(dirname(jsonFile)) : null;
  } catch (e) {
    return { outputs: [], outputErrors: [`${args.json}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let stage: Stage;
  try {
    stage = await stageDir(resolve(cwd, args.out));
  } catch (e) {
    await jsonStage?.discard();
    return { outputs: [], outputErrors: [`${args.out}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  // --tasks FILE is staged with the report (or with --json FILE) when it goes to the same folder, else on its own.
  const tasksFile = args.tasks ? resolve(cwd, args.tasks) : null;
  const tasksDir = tasksFile ? dirname(tasksFile) : null;
  let tasksStage: Stage | null = null;
  try {
    tasksStage = !tasksDir ? null : tasksDir === resolve(cwd, args.out) ? stage
      : jsonStage && tasksDir === dirname(jsonFile!) ? jsonStage : await stageDir(tasksDir);
  } catch (e) {
    await stage.discard();
    await jsonStage?.discard();
    return { outputs: [], outputErrors: [`${args.tasks}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const attempt = async (label: string, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
    } catch (e) {
      outputErrors.push(...failureLines(e, label));
    }
  };
  try {
    // The workbook and the JSON are written together: the workbook's rows are built and deflated on the deflate pool's
    // workers (xlsx/zip/deflate-pool.ts) while this thread mostly waits, and the JSON fills that wait.
    await Promise.all([
      attempt(join(args.out, 'tong-hop.xlsx'), () => writeSummaryXlsx(report, stage.path('tong-hop.xlsx'), args, history?.comparison ?? null)),
      attempt(join(args.out, 'tong-hop.json'), () => writeReportJson(report, stage.path('tong-hop.json'))),
    ]);
    t('tong-hop.xlsx + tong-hop.json');
    await attempt(join(args.out, 'tom-tat.txt'), () => writeFile(stage.path('tom-tat.txt'), report.sentences.join('\n\n') + '\n', 'utf8'));
    if (history) {
      const json = JSON.stringify(history.comparison, null, 2) + '\n';
      await attempt(join(args.out, 'bien-dong.json'), () => writeFile(stage.path('bien-dong.json'), json, 'utf8'));
    }
    if (args.docx) await attempt(join(args.out, 'phu-luc.docx'), () => writeAppendixDocx(report, stage.path('phu-luc.docx'), args));
    if (args.xacNhan) await attempt(join(args.out, 'xac-nhan'), () => writeConfirmations(report, stage.path('xac-nhan'), args));
    t('tom-tat.txt and the rest');
    // The report is serialised once (streamed: one giant string of 200,000 tasks would not fit the CLI's heap cap);
    // --json - and --json FILE are copies of the staged tong-hop.json.
    if (args.json === '-') await pipeline(createReadStream(stage.path('tong-hop.json')), process.stdout, { end: false });
    else if (jsonFile && jsonStage) await attempt(args.json!, () => copyFile(stage.path('tong-hop.json'), jsonStage.path(basename(jsonFile))));
    if (tasksFile && tasksStage) {
      await attempt(args.tasks!, () => writeTasks(taskFrame(report.tasks), tasksStage.path(basename(tasksFile))));
      t('--tasks');
    }
    if (!outputErrors.length) {
      // Every destination folder exists before the first file moves: a move cannot fail half-way for want of one.
      await attempt(args.out, () => stage.prepare());
      if (jsonStage) await attempt(args.json!, () => jsonStage!.prepare());
      if (tasksStage) await attempt(args.tasks!, () => tasksStage!.prepare());
    }
    if (outputErrors.length) return { outputs: [], outputErrors };
    // The report, --json FILE and --tasks FILE land together or not at all (batch/stage.ts commitAll).
    const stages = [stage, jsonStage, tasksStage].filter((s, i, all): s is Stage => s !== null && all.indexOf(s) === i);
    let committed: string[][];
    try {
      committed = await commitAll(stages);
    } catch (e) {
      return { outputs: [], outputErrors: failureLines(e, args.out) };
    }
    const outputs = committed[0].map((f) => join(args.out, relative(resolve(cwd, args.out), f)))
      .filter((f) => !tasksFile || resolve(cwd, f) !== tasksFile); // listed once, as given, below
    if (jsonStage) outputs.push(args.json!);
    if (args.tasks) outputs.push(args.tasks);
    return { outputs, outputErrors };
  } finally {
    await stage.discard();
    await jsonStage?.discard();
    await tasksStage?.discard();
  }
}

async function writeAppendixDocx(report: Report, path: string, args: AggregateArgs): Promise<void> {
  const { appendixDocx } = await import('../../docx/write');
  await writeFile(path, await appendixDocx(report, { ...(args.title ? { title: args.title } : {}), ...(args.kemTheo ? { attachedTo: args.kemTheo } : {}) }));
}

/** DIR/xac-nhan/: one .docx and one .xlsx per lead unit, and danh-muc.txt listing them. */
async function writeConfirmations(report: Report, dir: string, args: AggregateArgs): Promise<void> {
  const [{ confirmations }, { confirmationDocx }, { confirmationSpec }, { writeWorkbook }] = await Promise.all([
    import('../../report/confirmation'), import('../../docx/write'), import('../../report/layout/confirmation'), import('../../xlsx/write'),
  ]);
  await mkdir(dir, { recursive: true });
  const opts = args.kemTheo ? { attachedTo: args.kemTheo } : {};
  const index: string[] = [];
  const used = new Set<string>();
  for (const c of confirmations(report)) {
    let name = c.slug;
    for (let k = 2; used.has(name); k++) name = `${c.slug}-${k}`;
    used.add(name);
    await writeFile(join(dir, `${name}.docx`), await confirmationDocx(c, report.asOf, opts));
    await writeWorkbook(confirmationSpec(c, report.asOf, opts), join(dir, `${name}.xlsx`));
    index.push(`${c.unit}\t${name}.docx\t${name}.xlsx\t${c.overdue.rows.length} quá hạn\t${c.dueThisYear.rows.length} đến hạn trong năm`);
  }
  await writeFile(join(dir, 'danh-muc.txt'), ['Đơn vị\tTệp Word\tTệp Excel\tQuá hạn\tĐến hạn trong năm', ...index].join('\n') + '\n', 'utf8');
}

async function writeSummaryXlsx(report: Report, path: string, args: AggregateArgs, history: HistoryComparison | null): Promise<void> {
  const [{ summarySpec }, { writeWorkbook }, { historySheets }, { DEFAULT_WEIGHTS }] = await Promise.all([
    import('../../report/layout/summary'),
    import('../../xlsx/write'),
    import('../../report/history/sheets'),
    import('../../report/history/score'),
  ]);
  const opts: Record<string, string> = {};
  if (args.title) opts.title = args.title;
  if (args.kemTheo) opts.kemTheo = args.kemTheo;
  const spec = summarySpec(report, opts);
  if (history) spec.sheets.splice(1, 0, ...historySheets(history, DEFAULT_WEIGHTS));
  await writeWorkbook(spec, path);
}

