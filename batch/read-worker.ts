/** Worker thread of readFiles: reads the files it is sent and posts back each FileRead as JSON text. */
import { join } from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { ReadLimits } from '../xlsx/read';
import { pack, readOne, spoolCold, unexpected, type FileRead } from './read-one';
import { SpoolWriter } from './spool';
import { renderTask } from './render-task';

export interface ReadJob {
  id: number;
  file: string;
  limits?: Partial<ReadLimits>;
  /** Classify the tasks at this date (core classifyRead) in the worker. */
  asOf?: string;
  /** The main thread's spool folder (batch/spool.ts): the tasks' cold fields go to this worker's file there. */
  spool?: string;
}

let writer: SpoolWriter | null = null;
let spoolFailed = false;
const SPOOL_FILE = `spool-${threadId}.bin`;

/**
 * `json` is the packed FileRead as JSON text (a FileRead is plain data: no Date, Map or undefined that
 * matters): stringify + JSON.parse cost less than structured clone of ~60 small task objects per file
 * (3,321 communes: about 0.5 s less main-thread time).
 */
export type WorkerMessage = { ready: true } | { id: number; json: string; heap?: number };

/** This worker's V8 heap in use, in bytes (the pool replaces a worker whose heap has grown: batch/read-files.ts). */
function heapUsed(): number {
  return getHeapStatistics().used_heap_size;
}

parentPort?.postMessage({ ready: true } satisfies WorkerMessage);

/** Test hook: a worker exits abruptly on a file whose name ends with this (exercises crash isolation). */
const CRASH_ON = process.env.TIENDO_TEST_WORKER_CRASH;
/** Test hook: a worker really runs out of heap on a file whose name ends with this (exercises exhaustion). */
const EXHAUST_ON = process.env.TIENDO_TEST_WORKER_EXHAUST;
/** Test hook: a worker never finishes a file whose name ends with this (exercises the pool's watchdog). */
const HANG_ON = process.env.TIENDO_TEST_WORKER_HANG;

/** Jobs run one at a time, in arrival order, so the pool knows which file a crash belongs to (the oldest unanswered). */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ReadJob) => {
  queue = queue.then(() => run(job));
});

async function run(job: ReadJob): Promise<void> {
  if (CRASH_ON && job.file.endsWith(CRASH_ON)) process.exit(70);
  if (EXHAUST_ON && job.file.endsWith(EXHAUST_ON)) exhaust();
  if (HANG_ON && job.file.endsWith(HANG_ON)) for (;;);
  const result = await readOne(job.file, job.limits, job.asOf);
  try {
    let packed = pack(result);
    if (job.spool && result.tasks && !spoolFailed) {
      try {
        writer ??= new SpoolWriter(join(job.spool, SPOOL_FILE));
        packed = spoolCold(packed, writer, SPOOL_FILE, result.tasks.map(renderTask));
      } catch {
        // The temp folder is full or cannot be written: this worker stops spooling and its files travel whole,
        // the same report with more of it on the main thread's heap (never a file rejected for the disk's fault).
        spoolFailed = true;
        packed = pack(result);
      }
    }
    parentPort?.postMessage({ id: job.id, json: JSON.stringify(packed), heap: heapUsed() } satisfies WorkerMessage);
  } catch (err) {
    const failed: FileRead = { file: job.file, read: null, error: unexpected(job.file, err) };
    parentPort?.postMessage({ id: job.id, json: JSON.stringify(failed) } satisfies WorkerMessage);
  }
}

/** Allocates until the worker's heap is exhausted (test hook only). */
function exhaust(): void {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array<number>(1 << 16).fill(hoard.length));
}
