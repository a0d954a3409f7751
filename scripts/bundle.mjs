/**
 * The plain-JS bundle of the TypeScript sources (esbuild), shared by the CLI launcher (scripts/tiendo.mjs) and
 * the scripting API's package entry (api/entry.mjs): cached in node_modules/.cache/tiendo/<stamp>/ and rebuilt
 * when a source file changes (stamp = newest mtime, count and total size of core/, report/, xlsx/, docx/, batch/, cli/,
 * api/ and package.json). Entry points: cli.mjs, api.mjs and read-worker.mjs (read workers start as plain JS too:
 * no tsx loader in each worker, about 0.6 s CPU saved per worker).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(realpathSync(fileURLToPath(import.meta.url))), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'tiendo');
/** The bundle's entry points: the CLI, the scripting API (api/index.ts) and the read worker. */
const ENTRIES = ['cli', 'api', 'read-worker'];
const SOURCES = ['core', 'report', 'xlsx', 'docx', 'batch', 'cli', 'api'];

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
export async function bundle() {
  const dir = join(CACHE, stamp());
  if (ENTRIES.every((e) => existsSync(join(dir, `${e}.mjs`)))) return dir;
  mkdirSync(CACHE, { recursive: true });
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  await build({
    entryPoints: { cli: join(ROOT, 'cli/main.ts'), api: join(ROOT, 'api/index.ts'), 'read-worker': join(ROOT, 'batch/read-worker.ts') },
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

