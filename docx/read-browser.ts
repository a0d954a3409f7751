/**
 * The Word return reader in the browser (the task pane's rollup Web Worker): the same platform-neutral reader as the
 * CLI's (./document.ts) with fflate's capped inflate, so the same size, ratio, row and cell limits refuse a hostile
 * .docx in the pane too. No Node built-ins: test/docx/browser-bundle.test.ts bundles it for the browser.
 */
import { FFLATE_CODEC } from '../xlsx/zip/fflate-codec';
import { readDocxWith, type DocxRead, type ReadDocxOptions } from './document';

export type { DocxRead, ReadDocxOptions } from './document';

/**
 * Reads a .docx held in memory (e.g. a File's arrayBuffer() in the pane).
 * @example
 * const { grids, error } = readDocx(new Uint8Array(await file.arrayBuffer()), { file: file.name });
 */
export function readDocx(bytes: Uint8Array, opts: ReadDocxOptions): DocxRead {
  return readDocxWith(bytes, opts, FFLATE_CODEC);
}
