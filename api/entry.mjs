/**
 * The package entry of `tiendo` for scripts (package.json "exports"): `import { readReturns } from 'tiendo'`
 * from plain JavaScript (`node`) or TypeScript (`npx tsx`). It loads the API (api/index.ts) from the plain-JS
 * bundle scripts/bundle.mjs keeps up to date, so neither a build step nor a TypeScript loader is needed; if the
 * bundle cannot be built (or TIENDO_NO_BUNDLE=1) the sources are loaded through tsx (same results, slower).
 * Types come from api/index.ts (the "types" condition). The names below are api/index.ts's runtime exports
 * (test/api/package-entry.test.ts checks the two lists are the same).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, ROOT } from '../scripts/bundle.mjs';

async function load() {
  let dir = null;
  try {
    if (!process.env.TIENDO_NO_BUNDLE) dir = await bundle();
  } catch (err) {
    if (process.env.TIENDO_DEBUG) console.error('tiendo: bundle failed, loading the sources through tsx:', err);
  }
  if (dir) {
    // Read workers (batch/read-files.ts) start from the bundle's plain-JS entry.
    globalThis.tiendoWorkerUrl ??= pathToFileURL(join(dir, 'read-worker.mjs')).href;
    return import(pathToFileURL(join(dir, 'api.mjs')).href);
  }
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(join(ROOT, 'api/index.ts')).href, import.meta.url);
}

const api = await load();

export const {
  readReturns, summarize, sentences, overdueList, totals, rollupByUnit, rollupBySection, rollupByFile,
  taskFrame, unitTable, writeTasks, tasksCsv, tasksArrow, tasksParquet,
  headline, unitList, formatCount, formatDateVi, formatNumber, formatPercent,
  FRAME_COLUMNS, isoToDate, dateToIso, NO_UNIT, aq, op, desc, escape,
} = api;
