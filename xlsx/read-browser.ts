/**
 * The lean .xlsx reader in the browser (the task pane's Web Worker): the same platform-neutral reader
 * as the CLI's (./reader/read-workbook.ts), with fflate's capped inflate, so the same size, ratio and
 * cell limits refuse a bomb in the pane too. No Node built-ins: test/xlsx/browser-bundle.test.ts bundles
 * it for the browser and reads fixtures through the bundle.
 */
import { readXlsxWith, type ReadXlsxOptions, type XlsxRead } from './reader/read-workbook';
import { FFLATE_CODEC } from './zip/fflate-codec';

export type { ReadLimits } from './reader/limits';
export type { ReadXlsxOptions, XlsxRead } from './reader/read-workbook';

/**
 * Reads an .xlsx held in memory (e.g. a File's arrayBuffer() in the pane).
 * @example
 * const { grids, error } = readXlsx(new Uint8Array(await file.arrayBuffer()), { file: file.name });
 */
export function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions): XlsxRead {
  return readXlsxWith(bytes, opts, FFLATE_CODEC);
}
