#!/usr/bin/env node
/**
 * `tiendo` (package bin: `npx tiendo …`, or `tiendo …` after `npm link`) and `npm run tiendo -- …`: runs the CLI from a plain-JS bundle of the TypeScript sources (esbuild), cached in
 * node_modules/.cache/tiendo/<stamp>/ and rebuilt when a source file changes (stamp = newest mtime,
 * count and total size of core/, report/, xlsx/, batch/, cli/ and package.json). Read workers then start as
 * plain JS too (no tsx loader in each worker: about 0.6 s CPU saved per worker, ~2 s per run).
 * If the bundle cannot be built (or TIENDO_NO_BUNDLE=1), the sources run through tsx as before
 * (same results, slower start).
 *
 * Paths are the user's: `npm run` starts scripts in the package root, so when launched by `npm run tiendo` the
 * launcher moves back to the folder the user typed the command in (npm's INIT_CWD). Started as the bin, it
 * re-runs itself once with the heap settings of the npm script (1 GB old space, 32 MB semi-space).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
const CACHE = join(ROOT, 'node_modules', '.cache', 'tiendo');
const SOURCES = ['core', 'report', 'xlsx', 'docx', 'batch', 'cli'];

/** Newest mtime, count and total size of the sources: any edit, checkout or added file changes it. */
function stamp() {
  let newest = 0, count = 0, size = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json|mjs|js)$/.test(e.name)) {
        const st = statSync(p);
        newest = Math.max(newest, st.mtimeMs);
        count++;
        size += st.size;
      }
    }
  };
  for (const d of SOURCES) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  const pkg = statSync(join(ROOT, 'package.json'));
  newest = Math.max(newest, pkg.mtimeMs);
  return `${Math.floor(newest)}-${count}-${size + pkg.size}`;
}

/** In the bundle, `import.meta.url` keeps meaning the source file's URL (e.g. the bundled samples folder). */
const sourceUrls = {
  name: 'tiendo-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** The bundle directory for the current sources, built when missing (built aside, then renamed into place). */
async function bundle() {
  const dir = join(CACHE, stamp());
  if (existsSync(join(dir, 'cli.mjs'))) return dir;
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  await build({
    entryPoints: { cli: join(ROOT, 'cli/main.ts'), 'read-worker': join(ROOT, 'batch/read-worker.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [sourceUrls],
    logLevel: 'error',
  });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run built the same stamp first
  }
  // Bundles of older sources are stale; those of the last hour may still serve a running command's workers.
  for (const e of readdirSync(CACHE)) {
    const p = join(CACHE, e);
    if (p !== dir && Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { recursive: true, force: true });
  }
  return dir;
}

let dir = null;
try {
  if (!process.env.TIENDO_NO_BUNDLE) {
    mkdirSync(CACHE, { recursive: true });
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
