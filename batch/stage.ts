/**
 * Outputs written aside, moved into place only when complete: an interrupted or failed run never leaves half a
 * report, and the previous good report stays until the new one is whole.
 *
 * The staging folder is a hidden sibling of the destination (same file system, so each move is a rename). Only the
 * files the run writes are replaced: other files in the destination (the user's own) are never touched.
 */
import { rmSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface Stage {
  /** Where to write: a path inside the staging folder for `name` (a path relative to the destination). */
  path(name: string): string;
  /** Create the destination folders the staged files go to; throws when one cannot be made (nothing moved yet). */
  prepare(): Promise<void>;
  /**
   * Move every staged file into the destination, then remove the staging folder: all of them or, if one cannot be
   * moved (a file open in Excel on Windows, a full disk), none (CommitError; the previous files are back in place).
   * Several stages that must land together: commitAll.
   */
  commit(): Promise<string[]>;
  /** Remove the staging folder and everything in it (not a previous file a failed commit could not put back). */
  discard(): Promise<void>;
}

/** The file functions a commit uses (node:fs/promises'; a test injects failures). */
export interface CommitFs {
  rename(from: string, to: string): Promise<void>;
  lstat(path: string): Promise<{ isDirectory(): boolean }>;
}

/**
 * A commit that could not complete. `path` is the destination file that could not be replaced; `stranded` lists
 * previous files that could not be put back, and where they are kept instead (never deleted).
 */
export class CommitError extends Error {
  constructor(readonly path: string, override readonly cause: unknown, readonly stranded: { path: string; keptAt: string }[] = []) {
    super(`tiendo: cannot replace ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

const live = new Set<string>();
let hooked = false;
/** Moves into place are running: a signal then waits for them to end (never half old, half new). */
let committing = 0;
let pending: NodeJS.Signals | null = null;

function exitOn(sig: NodeJS.Signals): never {
  for (const dir of live) {
    try { rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
  process.exit(sig === 'SIGINT' ? 130 : 143);
}

/** On Ctrl+C or kill, remove unfinished staging folders so nothing half-written remains. */
function hookSignals(): void {
  if (hooked) return;
  hooked = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (committing) pending = sig;
      else exitOn(sig);
    });
  }
}

let stages = 0;

/** A stage as commitAll sees it. */
interface Staged extends Stage {
  readonly dir: string;
  readonly target: string;
  readonly dest: string;
  /** Previous files a failed commit could not put back are in the staging folder: it must stay. */
  keep: boolean;
}

export async function stageDir(dest: string): Promise<Stage> {
  const target = resolve(dest);
  // Unique per stage, even for two stages of one destination in the same millisecond (--out DIR --json DIR/x.json).
  const dir = join(dirname(target), `.${basename(target)}.tiendo-tmp-${process.pid}-${Date.now().toString(36)}-${++stages}`);
  // Registered before the folder exists: a signal at any later point removes it.
  live.add(dir);
  hookSignals();
  await mkdir(dir, { recursive: true });
  const stage: Staged = {
    dir,
    target,
    dest,
    keep: false,
    path: (name) => join(dir, name),
    async prepare() {
      for (const f of await listFiles(dir)) await mkdir(dirname(join(target, f)), { recursive: true });
      await mkdir(target, { recursive: true });
    },
    async commit() {
      return (await commitAll([stage]))[0];
    },
    async discard() {
      if (stage.keep) {
        live.delete(dir);
        return;
      }
      await rm(dir, { recursive: true, force: true });
      live.delete(dir);
    },
  };
  return stage;
}

/** Where a commit keeps the previous files while it moves the new ones in (inside the staging folder). */
const PREVIOUS = '.truoc';

/**
 * Moves the files of every stage into place, all or none: first each previous file is moved aside (into its
 * staging folder), then each new file in; if any move fails, the new files go back to their staging folders and
 * the previous files back in place, and CommitError says which file could not be replaced. A previous file that
 * cannot be put back either is kept in its staging folder (the stage is then not removed) and named in the error.
 * Signals wait until it ends. Returns each stage's destination files (as `dest` joined with their names).
 */
export async function commitAll(list: readonly Stage[], fs: CommitFs = { rename, lstat }): Promise<string[][]> {
  const staged = list as readonly Staged[];
  const plans: { stage: Staged; files: string[] }[] = [];
  for (const stage of staged) {
    await stage.prepare();
    plans.push({ stage, files: (await listFiles(stage.dir)).filter((f) => !f.startsWith(PREVIOUS)) });
  }
  const moves = plans.flatMap(({ stage, files }) => files.map((f) => ({
    stage, from: join(stage.dir, f), to: join(stage.target, f), previous: join(stage.dir, PREVIOUS, f),
  })));
  const asideDone: typeof moves = [];
  const inDone: typeof moves = [];
  committing++;
  try {
    let failed: { path: string; cause: unknown } | null = null;
    for (const m of moves) {
      let existing: { isDirectory(): boolean } | null = null;
      try {
        existing = await fs.lstat(m.to);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
          failed = { path: m.to, cause: e };
          break;
        }
      }
      if (!existing) continue;
      if (existing.isDirectory()) {
        // Only files the run writes are replaced: a folder of the user's by that name is left alone.
        failed = { path: m.to, cause: Object.assign(new Error(`${m.to} is a folder`), { code: 'EISDIR' }) };
        break;
      }
      try {
        await mkdir(dirname(m.previous), { recursive: true });
        await fs.rename(m.to, m.previous);
        asideDone.push(m);
      } catch (e) {
        failed = { path: m.to, cause: e };
        break;
      }
    }
    if (!failed) {
      for (const m of moves) {
        try {
          await fs.rename(m.from, m.to);
          inDone.push(m);
        } catch (e) {
          failed = { path: m.to, cause: e };
          break;
        }
      }
    }
    if (failed) {
      const stranded: { path: string; keptAt: string }[] = [];
      for (const m of inDone.reverse()) await fs.rename(m.to, m.from).catch(() => undefined);
      for (const m of asideDone.reverse()) {
        try {
          await fs.rename(m.previous, m.to);
        } catch {
          // Never removed, not even by a signal's clean-up: the user's previous file is in there.
          m.stage.keep = true;
          live.delete(m.stage.dir);
          stranded.push({ path: m.to, keptAt: m.previous });
        }
      }
      throw new CommitError(failed.path, failed.cause, stranded);
    }
  } finally {
    committing--;
  }
  if (pending && !committing) {
    for (const { stage } of plans) await stage.discard();
    exitOn(pending);
  }
  for (const { stage } of plans) await stage.discard();
  return plans.map(({ stage, files }) => files.map((f) => join(stage.dest, f)));
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, p)));
    else out.push(relative(root, p));
  }
  return out.sort();
}
