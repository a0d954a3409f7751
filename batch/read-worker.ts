/** Worker thread of readFiles: reads the files it is sent and posts back each FileRead as JSON text. */
import { parentPort } from 'node:worker_threads';
import type { ReadLimits } from '../xlsx/read';
import { pack, readOne, unexpected, type FileRead } from './read-one';

export interface ReadJob {
  id: number;
  file: string;
  limits?: Partial<ReadLimits>;
  /** Classify the tasks at this date (core classifyRead) in the worker. */
  asOf?: string;
}

/**
 * `json` is the packed FileRead as JSON text (a FileRead is plain data: no Date, Map or undefined that
 * matters): stringify + JSON.parse cost less than structured clone of ~60 small task objects per file
 * (3,321 communes: about 0.5 s less main-thread time).
 */
export type WorkerMessage = { ready: true } | { id: number; json: string };

parentPort?.postMessage({ ready: true } satisfies WorkerMessage);

/** Test hook: a worker exits abruptly on a file whose name ends with this (exercises crash isolation). */
const CRASH_ON = process.env.TIENDO_TEST_WORKER_CRASH;
/** Test hook: a worker really runs out of heap on a file whose name ends with this (exercises exhaustion). */
const EXHAUST_ON = process.env.TIENDO_TEST_WORKER_EXHAUST;

/** Jobs run one at a time, in arrival order, so the pool knows which file a crash belongs to (the oldest unanswered). */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ReadJob) => {
  queue = queue.then(() => run(job));
});

async function run(job: ReadJob): Promise<void> {
  if (CRASH_ON && job.file.endsWith(CRASH_ON)) process.exit(70);
  if (EXHAUST_ON && job.file.endsWith(EXHAUST_ON)) exhaust();
  const result = await readOne(job.file, job.limits, job.asOf);
  try {
    parentPort?.postMessage({ id: job.id, json: JSON.stringify(pack(result)) } satisfies WorkerMessage);
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
