#!/usr/bin/env node
/**
 * `tiendo` (package bin: `npx tiendo …`, or `tiendo …` after `npm link`) and `npm run tiendo -- …`: runs the CLI from a plain-JS bundle of the TypeScript sources (esbuild, scripts/bundle.mjs: cached in
 * node_modules/.cache/tiendo/<stamp>/, rebuilt when a source changes; shared with the scripting API's package entry).
 * Read workers then start as plain JS too (no tsx loader in each worker: about 0.6 s CPU saved per worker).
 * If the bundle cannot be built (or TIENDO_NO_BUNDLE=1), the sources run through tsx as before
 * (same results, slower start).
 *
 * Paths are the user's: `npm run` starts scripts in the package root, so when launched by `npm run tiendo` the
 * launcher moves back to the folder the user typed the command in (npm's INIT_CWD). Started as the bin, it
 * re-runs itself once with the heap settings of the npm script (1 GB old space, 32 MB semi-space).
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';

const ROOT = resolve(dirname(realpathSync(fileURLToPath(import.meta.url))), '..');

// `npm run tiendo` runs in the package root: resolve the user's paths from where they typed the command.
if (process.env.npm_lifecycle_event === 'tiendo' && process.env.INIT_CWD && resolve(process.cwd()) === ROOT) {
  process.chdir(process.env.INIT_CWD);
}

// As a bin (`npx tiendo`, `tiendo` after npm link) node starts without the script's heap flags: re-run once with them.
const HEAP_FLAGS = ['--max-old-space-size=1024', '--max-semi-space-size=32'];
if (!process.execArgv.some((a) => a.startsWith('--max-old-space-size')) && !process.env.TIENDO_NO_REEXEC) {
  const child = spawn(process.execPath, [...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TIENDO_NO_REEXEC: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  const code = await new Promise((done) => child.on('exit', (c, sig) => done(c ?? (sig === 'SIGINT' ? 130 : 143))));
  process.exit(code);
}
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
