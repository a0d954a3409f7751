#!/usr/bin/env node
/**
 * `npm run tiendo`: runs the CLI from a plain-JS bundle of the TypeScript sources (scripts/bundle.mjs).
 * If the bundle cannot be built (or TIENDO_NO_BUNDLE=1), the sources run through tsx as before
 * (same results, slower start).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle, ROOT } from './bundle.mjs';

let dir = null;
try {
  if (!process.env.TIENDO_NO_BUNDLE) {
    dir = await bundle();
  }
} catch (err) {
  if (process.env.TIENDO_DEBUG) console.error('tiendo: bundle failed, running the sources through tsx:', err);
}
if (dir) {
  // Read workers (batch/read-files.ts) start from this plain-JS entry.
  globalThis.tiendoWorkerUrl = pathToFileURL(join(dir, 'read-worker.mjs')).href;
  await import(pathToFileURL(join(dir, 'cli.mjs')).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(pathToFileURL(join(ROOT, 'cli/main.ts')).href, import.meta.url);
}
