/** Worker thread of readFiles: reads the files it is sent and posts back each FileRead (structured clone). */
import { parentPort } from 'node:worker_threads';
import type { ReadLimits } from './xlsx/read';
import { readOne, unexpected, type FileRead } from './read-one';

export interface ReadJob {
  id: number;
  file: string;
  limits?: Partial<ReadLimits>;
}

export type WorkerMessage = { ready: true } | { id: number; result: FileRead };

parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
parentPort?.on('message', (job: ReadJob) => {
  void readOne(job.file, job.limits).then((result) => {
    try {
      parentPort?.postMessage({ id: job.id, result } satisfies WorkerMessage);
    } catch (err) {
      parentPort?.postMessage({ id: job.id, result: { file: job.file, read: null, error: unexpected(job.file, err) } } satisfies WorkerMessage);
    }
  });
});
