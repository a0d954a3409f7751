/**
 * Reads many workbooks on every core: a worker_threads pool where each worker reads an
 * .xlsx with the lean reader and runs core `readWorkbook`, posting back only the SheetRead.
 * A file that throws or a worker that dies becomes an error entry for that file; the run goes on.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadJob, WorkerMessage } from './read-worker';
import { ReadTimeout, readOne, unexpected, unpack, type FileRead, type Packed } from './read-one';
import type { ReadLimits } from '../xlsx/read';
import type { Spool } from './spool';

export type { FileRead } from './read-one';

export interface ReadFilesOptions {
  limits?: Partial<ReadLimits>;
  /**
   * Also classify each file's tasks at this date (core classifyRead), on the reading thread:
   * FileRead.tasks is then set (and is `read.tasks`). Classifying costs about as much as reading.
   */
  asOf?: string;
  /** Worker threads to use; defaults to the machine's available parallelism. */
  concurrency?: number;
  /** Called after each file, with the count done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Fewer files than this are read in-process; default 100. A worker costs about 0.6 s of CPU to
   * start (loading the TypeScript sources) against roughly 5–10 ms per commune workbook.
   */
  inProcessBelow?: number;
  /**
   * Keep the tasks' cold fields (task and result texts, cell references) in this spool instead of on the main
   * heap when reading on workers (batch/spool.ts): they are read back on first use, for as long as the spool lives.
   */
  spool?: Spool;
  /** Called once if workers cannot start and the rest is read in-process (slower, same results). */
  onFallback?: (err: Error) => void;
}

const IN_PROCESS_BELOW = 100;

/**
 * Files sent to a worker ahead of its reply, so it never waits on the main thread (which pauses for its own garbage
 * collections: with 2, 3,321 light returns read in 9,4–9,8 s; with 6, 8,6–9,3 s).
 */
const IN_FLIGHT = 6;

/**
 * Reads every file; results come back in input order.
 * @example
 * const reads = await readFiles(['nop/bo-y-te.xlsx', 'nop/ha-noi.xlsx'], { onProgress: (d, t) => bar(d / t) });
 * for (const r of reads) console.log(r.file, r.error?.message ?? `${r.read?.tasks.length} nhiệm vụ`);
 */
export async function readFiles(paths: string[], opts: ReadFilesOptions = {}): Promise<FileRead[]> {
  const workers = Math.max(1, Math.min(opts.concurrency ?? availableParallelism(), paths.length));
  if (paths.length < (opts.inProcessBelow ?? IN_PROCESS_BELOW) || workers <= 1) return readInProcess(paths, opts);
  return new Pool(paths, workers, opts).run();
}

async function readInProcess(paths: string[], opts: ReadFilesOptions): Promise<FileRead[]> {
  const out: FileRead[] = [];
  for (const file of paths) {
    out.push(await readOne(file, opts.limits, opts.asOf));
    opts.onProgress?.(out.length, paths.length);
  }
  return out;
}

/**
 * A read worker that has not answered for this long while it has files is stopped, and the file it was reading is
 * rejected (FILE_TOO_SLOW) while the rest go on: one hostile file must not hold the batch (the largest file the reader
 * allows takes about 3 s). TIENDO_READ_TIMEOUT_MS overrides it (tests), read when a batch starts.
 */
const READ_TIMEOUT_MS = 120_000;

interface Slot {
  worker: Worker;
  /** Fires when the worker has had pending files and no answer for READ_TIMEOUT_MS. */
  watchdog?: NodeJS.Timeout;
  /** Job ids sent and not yet answered, oldest first (a worker reads them in that order). */
  pending: number[];
  /** The worker loaded its modules and said so (a crash after that is a file's fault). */
  answered: boolean;
  /** Files sent to this worker so far (it is replaced after RECYCLE_AFTER). */
  sent: number;
  /** Its V8 heap in use after its last file, as it said (it is replaced past RECYCLE_HEAP). */
  heap: number;
}

/**
 * A worker is replaced by a fresh one once its V8 heap in use passes RECYCLE_HEAP (or after RECYCLE_AFTER files). A
 * worker's old generation only grows between its rare full collections (its garbage is promoted by the CLI's small
 * young generation): on 3,321 realistic returns, unreplaced, each held about 190 MB by its 1,500th file and the run
 * peaked at 1.067 MB (issue 14). A fresh worker costs its start and a new warm-up of the JIT (on 3,321 light
 * returns, whose workers stay under 100 MB, replacing them every 1,000 files cost 0,6–1,3 s), so only when needed.
 */
const RECYCLE_HEAP = 128 * 1048576;
const RECYCLE_AFTER = 5000;

class Pool {
  private readonly results: (FileRead | undefined)[];
  private next = 0;
  private done = 0;
  private resolve!: (r: FileRead[]) => void;
  private readonly timeoutMs = Number(process.env.TIENDO_READ_TIMEOUT_MS) || READ_TIMEOUT_MS;

  constructor(private readonly paths: string[], private readonly size: number, private readonly opts: ReadFilesOptions) {
    this.results = new Array(paths.length);
  }

  run(): Promise<FileRead[]> {
    const finished = new Promise<FileRead[]>((resolve) => { this.resolve = resolve; });
    for (let i = 0; i < this.size; i++) this.start();
    return finished;
  }

  /** Starts a worker; `retry` are files a crashed worker had been sent but not read. */
  private start(retry: number[] = []): void {
    const slot: Slot = { worker: spawnWorker(), pending: [], answered: false, sent: 0, heap: 0 };
    for (const id of retry) this.send(slot, id);
    slot.watchdog = setTimeout(() => { if (slot.pending.length > 0) this.crashed(slot, new ReadTimeout(this.timeoutMs)); }, this.timeoutMs);
    slot.watchdog.unref();
    slot.worker.on('message', (msg: WorkerMessage) => {
      slot.watchdog?.refresh();
      if ('ready' in msg) { slot.answered = true; return; }
      slot.pending = slot.pending.filter((id) => id !== msg.id);
      if (msg.heap !== undefined) slot.heap = msg.heap;
      if (process.env.TIENDO_TIMING === '2' && slot.sent % 250 === 0) process.stderr.write(`[memory] read worker after ${slot.sent} files: heap ${Math.round(slot.heap / 1048576)} MB\n`);
      this.settle(msg.id, unpack(JSON.parse(msg.json) as Packed, this.opts.spool));
      this.feed(slot);
    });
    slot.worker.on('error', (err) => this.crashed(slot, err));
    slot.worker.on('exit', (code) => { if (slot.pending.length > 0) this.crashed(slot, new Error(`worker exited with code ${code}`)); });
    this.feed(slot);
  }

  private send(slot: Slot, id: number): void {
    if (slot.pending.length === 0) slot.watchdog?.refresh(); // an idle worker starts on this file now
    slot.pending.push(id);
    slot.sent++;
    const job: ReadJob = { id, file: this.paths[id], limits: this.opts.limits, asOf: this.opts.asOf, ...(this.opts.spool ? { spool: this.opts.spool.dir } : {}) };
    slot.worker.postMessage(job);
  }

  private feed(slot: Slot): void {
    const worn = slot.sent >= RECYCLE_AFTER || slot.heap >= RECYCLE_HEAP;
    while (!this.fallback && !worn && slot.pending.length < IN_FLIGHT && this.next < this.paths.length) this.send(slot, this.next++);
    if (slot.pending.length > 0) return;
    clearTimeout(slot.watchdog);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (worn && !this.fallback && this.next < this.paths.length) this.start();
  }

  /**
   * The oldest pending file is the one the worker was reading: it fails and the others are retried
   * on a fresh worker. A worker that dies before its first answer could not start (e.g. no TypeScript
   * loader): the pool then reads what is left in-process instead of spawning more.
   */
  private crashed(slot: Slot, err: Error): void {
    const pending = slot.pending;
    slot.pending = [];
    clearTimeout(slot.watchdog);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (!slot.answered) {
      if (!this.fallback) this.opts.onFallback?.(err);
      this.fallback = true;
      void this.readRestInProcess(pending);
      return;
    }
    const [culprit, ...rest] = pending;
    if (culprit !== undefined) this.settle(culprit, { file: this.paths[culprit], read: null, error: unexpected(this.paths[culprit], err) });
    if (rest.length > 0 || this.next < this.paths.length) this.start(rest);
  }

  private fallback = false;

  private async readRestInProcess(ids: number[]): Promise<void> {
    const queue = [...ids];
    for (;;) {
      const id = queue.shift() ?? (this.next < this.paths.length ? this.next++ : undefined);
      if (id === undefined) return;
      this.settle(id, await readOne(this.paths[id], this.opts.limits, this.opts.asOf));
    }
  }

  private settle(id: number, result: FileRead): void {
    if (this.results[id] !== undefined) return;
    this.results[id] = result;
    this.done++;
    this.opts.onProgress?.(this.done, this.paths.length);
    if (this.done === this.paths.length) this.resolve(this.results as FileRead[]);
  }
}

/**
 * Spawns a read worker. Under scripts/tiendo.mjs (`npm run tiendo`) the worker is the prebuilt plain-JS
 * bundle it names in `globalThis.tiendoWorkerUrl`. Running from TypeScript sources (tsx CLI, vitest),
 * Node 20 workers ignore `--import tsx`, so a tiny bootstrap loads the worker through tsx's `tsImport`.
 */
// No old-generation limit: on Node 20 a worker hitting its heap cap can abort the whole process. The young
// generation is capped (WORKER_YOUNG_MB): a worker's garbage is short-lived, and each isolate would otherwise take the
// CLI's 32 MB semi-spaces (3 × 32 MB per worker at the peak of a national run, issue 14).
const WORKER_YOUNG_MB = 16;

function spawnWorker(): Worker {
  const limits = { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } };
  const bundled = (globalThis as { tiendoWorkerUrl?: string }).tiendoWorkerUrl;
  if (bundled) return new Worker(new URL(bundled), limits);
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(ts ? './read-worker.ts' : './read-worker.js', import.meta.url);
  if (!ts) return new Worker(url, limits);
  const boot = `import(${JSON.stringify(tsxApi())}).then((m) => m.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, ...limits });
}

let api: string | undefined;
function tsxApi(): string {
  // The ESM build of tsx/esm/api (package exports "./esm/api" → import → dist/esm/api/index.mjs).
  const pkg = createRequire(fileURLToPath(import.meta.url)).resolve('tsx/package.json');
  api ??= pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
  return api;
}
