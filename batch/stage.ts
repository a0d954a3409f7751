/**
 * Outputs written aside, moved into place only when complete: an interrupted or failed run never leaves half a
 * report, and the previous good report stays until the new one is whole.
 *
 * The staging folder is a hidden sibling of the destination (same file system, so each move is a rename). Only the
 * files the run writes are replaced: other files in the destination (the user's own) are never touched.
 */
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface Stage {
  /** Where to write: a path inside the staging folder for `name` (a path relative to the destination). */
  path(name: string): string;
  /** Create the destination folders the staged files go to; throws when one cannot be made (nothing moved yet). */
  prepare(): Promise<void>;
  /** Move every staged file into the destination (call prepare() first for several stages), then remove the staging folder. */
  commit(): Promise<string[]>;
  /** Remove the staging folder and everything in it. */
  discard(): Promise<void>;
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

export async function stageDir(dest: string): Promise<Stage> {
  const target = resolve(dest);
  // Unique per stage, even for two stages of one destination in the same millisecond (--out DIR --json DIR/x.json).
  const dir = join(dirname(target), `.${basename(target)}.tiendo-tmp-${process.pid}-${Date.now().toString(36)}-${++stages}`);
  // Registered before the folder exists: a signal at any later point removes it.
  live.add(dir);
  hookSignals();
  await mkdir(dir, { recursive: true });
  const discard = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    live.delete(dir);
  };
  const prepare = async (): Promise<void> => {
    for (const f of await listFiles(dir)) await mkdir(dirname(join(target, f)), { recursive: true });
    await mkdir(target, { recursive: true });
  };
  return {
    path: (name) => join(dir, name),
    prepare,
    async commit() {
      await prepare();
      const files = await listFiles(dir);
      committing++;
      try {
        for (const f of files) await rename(join(dir, f), join(target, f));
      } finally {
        committing--;
      }
      if (pending && !committing) {
        await discard();
        exitOn(pending);
      }
      await discard();
      return files.map((f) => join(dest, f));
    },
    discard,
  };
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
