/**
 * Loads test/addin/excel-standin.js (the in-page Excel stand-in of the headless-Chromium test) in Node, as office.js
 * would be: `Excel` and `Office` become globals and `seed` is the open workbook. Returns the stand-in's handle.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SRC = readFileSync(join(resolve(import.meta.dirname, '../..'), 'test/addin/excel-standin.js'), 'utf8');

export type StandinCell = string | number | boolean | null;

export interface StandinState {
  active: string;
  selected: { sheet: string; address: string } | null;
  sheets: { name: string; cells: StandinCell[][]; formats: (string | null)[][]; protected: boolean; frozenRows: number }[];
  conditionalFormats: { id: string; sheet: string; address: string; formula: string; fill: string; type: string; stopIfTrue: boolean }[];
  validations: { sheet: string; address: string; rule: { list?: { inCellDropDown?: boolean; source: string } }; errorAlert: { style: string; message: string } | null }[];
  undo: number;
  undoCleared: number;
  deleted: string[];
  added: string[];
  runs: number;
  syncs: number;
}

export interface Standin {
  state: StandinState;
  snapshot(): StandinState;
  select(sheet: string, address: string): void;
}

export function installStandin(seed: object): Standin {
  const win: Record<string, unknown> = { __TIENDO_SEED__: seed };
  new Function('window', SRC)(win);
  Object.assign(globalThis, { Excel: win.Excel, Office: win.Office });
  return win.__excel as Standin;
}
