/** The rollup Web Worker: reads one returned workbook per message, so Excel and the pane stay responsive. */
import { readReturn, type ReturnFile } from './read-return';

interface Job { id: number; file: ReturnFile; asOf: string }

const scope = self as unknown as { onmessage: ((e: MessageEvent<Job>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => {
  const { id, file, asOf } = e.data;
  scope.postMessage({ id, source: readReturn(file, asOf) });
};
