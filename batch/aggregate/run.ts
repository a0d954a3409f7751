/** The whole aggregate job on the Node side: discover → read (worker pool) → buildReport → write outputs. */
import { stat, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issue } from '../../core/issue';
import { readFiles } from '../read-files';
import type { Report } from '../../report/report-types';
import { buildReport } from '../../report/report';
import type { SourceRead } from '../../report/types';
import type { HistoryComparison } from '../../report/history/types';
import type { AggregateArgs } from './args';
import { discoverInputs } from './discover';
import { recordHistory, wantsHistory, type HistoryOutcome } from './history';
import { progressBar } from './progress';
import { loadSent } from './sent';
import { todayInVietnam } from './today';
import { writeReportJson } from './write-json';

/** The bundled sample submissions, used when no input is given. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/bao-cao', import.meta.url));

export interface AggregateResult {
  report: Report;
  /** Files written. */
  outputs: string[];
  /** Output that could not be written (e.g. tong-hop.xlsx), with the reason. */
  outputErrors: string[];
  /** With --ky / --lich-su: the comparison with the previous period. */
  history?: HistoryComparison;
}

export async function aggregate(args: AggregateArgs): Promise<AggregateResult> {
  const t = phaseTimer();
  // Read and build in their own scope so the SheetReads can be collected before the outputs are written.
  const report = await readAndBuild(args, t);
  const history = wantsHistory(args) ? await recordHistory(report, args, process.cwd()) : null;
  const outcome = history && 'comparison' in history ? history : null;
  if (outcome) report.sentences.push(...outcome.comparison.sentences);
  t('history');
  const written = await writeOutputs(report, args, process.cwd(), t, outcome);
  if (history && 'error' in history) written.outputErrors.push(history.error);
  if (outcome) written.outputs.push(outcome.file);
  return { report, ...written, ...(outcome ? { history: outcome.comparison } : {}) };
}

async function readAndBuild(args: AggregateArgs, t: (phase: string) => void): Promise<Report> {
  const cwd = process.cwd();
  const asOf = args.asOf ?? todayInVietnam();
  const inputs = args.inputs.length ? args.inputs : [SAMPLES_DIR];
  const found = await discoverInputs(inputs, cwd);
  const bar = progressBar(process.stderr, !args.quiet && !!process.stderr.isTTY);
  const reads = await readFiles(found.files, {
    asOf,
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    onProgress: (done: number, total: number) => bar.update(done, total),
  });
  bar.end();
  t('read');
  const sources: SourceRead[] = [
    ...found.missing.map((f) => ({ file: f, read: null, error: issue('FILE_NOT_FOUND', `Không tìm thấy tệp hoặc thư mục "${f}".`, { file: f }) })),
    ...(await withMtimes(reads, cwd)),
  ];
  const sent = args.sent ? await loadSent(args.sent) : undefined;
  const report = buildReport({ asOf, sources, keepDuplicates: args.keepDuplicates, sent, onPhase: (p) => t('  ' + p) });
  t('  inputs, sentences');
  return report;
}

async function withMtimes(reads: SourceRead[], cwd: string): Promise<SourceRead[]> {
  return Promise.all(reads.map(async (r) => {
    const st = await stat(resolve(cwd, r.file)).catch(() => null);
    return { ...r, mtime: st?.mtimeMs ?? 0 };
  }));
}

/** With TIENDO_TIMING=1, prints the seconds each phase took on stderr (for `npm run bench`). */
function phaseTimer(): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    if (process.env.TIENDO_TIMING) {
      const rss = Math.round(process.memoryUsage().rss / 1048576);
      process.stderr.write(`[timing] ${phase}: ${((now - last) / 1000).toFixed(2)} s (RSS after: ${rss} MB)\n`);
    }
    last = now;
  };
}

async function writeOutputs(report: Report, args: AggregateArgs, cwd: string, t: (phase: string) => void, history: HistoryOutcome | null): Promise<Omit<AggregateResult, 'report'>> {
  const dir = resolve(cwd, args.out);
  await mkdir(dir, { recursive: true });
  const outputs: string[] = [];
  const outputErrors: string[] = [];
  const xlsx = join(args.out, 'tong-hop.xlsx');
  try {
    await writeSummaryXlsx(report, resolve(cwd, xlsx), args, history?.comparison ?? null);
    outputs.push(xlsx);
  } catch (e) {
    outputErrors.push(`${xlsx}: ${e instanceof Error ? e.message : String(e)}`);
  }
  t('tong-hop.xlsx');
  await writeReportJson(report, join(dir, 'tong-hop.json'));
  outputs.push(join(args.out, 'tong-hop.json'));
  await writeFile(join(dir, 'tom-tat.txt'), report.sentences.join('\n\n') + '\n', 'utf8');
  outputs.push(join(args.out, 'tom-tat.txt'));
  t('tong-hop.json + tom-tat.txt');
  if (history) {
    await writeFile(join(dir, 'bien-dong.json'), JSON.stringify(history.comparison, null, 2) + '\n', 'utf8');
    outputs.push(join(args.out, 'bien-dong.json'));
  }
  // Streamed like tong-hop.json: one giant string of 200,000 tasks would not fit the CLI's heap cap.
  if (args.json === '-') await writeReportJson(report, process.stdout);
  else if (args.json) {
    await writeReportJson(report, resolve(cwd, args.json));
    outputs.push(args.json);
  }
  return { outputs, outputErrors };
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
