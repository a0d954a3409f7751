/** `distribute`: read a master task list, write one pre-filled workbook per unit and the manifest. */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Issue } from '../../core/issue';
import { readWorkbook } from '../../core/table/read';
import { readXlsxFile } from '../../xlsx/read';
import { writeWorkbook } from '../../xlsx/write';
import { unitFileName } from './filename';
import { buildManifest, MANIFEST_FILE, type Manifest } from './manifest';
import { planDistribution } from './plan';
import { masterTitle, unitWorkbookSpec } from './workbook';

export interface DistributeOptions {
  out: string;
  expandGroups: boolean;
  asOf?: string;
  title?: string;
  attachedTo?: string;
  /** Clock for the manifest's createdAt (tests pass a fixed one). */
  now?: Date;
}

export interface DistributeResult {
  /** null when the master could not be read or holds no table. */
  manifest: Manifest | null;
  /** Written workbook paths. */
  files: string[];
  /** File-level problems (the master unreadable, no table…). */
  errors: Issue[];
}

export async function distribute(master: string, opts: DistributeOptions): Promise<DistributeResult> {
  const file = basename(master);
  const { grids, error } = await readXlsxFile(master);
  if (error) return { manifest: null, files: [], errors: [error] };
  const read = readWorkbook(grids, { file });
  if (!read.layout) return { manifest: null, files: [], errors: read.issues.length ? read.issues : [] };
  const plan = planDistribution(read.tasks, { expandGroups: opts.expandGroups });
  const fromMaster = masterTitle(grids.find((g) => g.name === read.sheet), read.layout);
  const look = { title: opts.title ?? fromMaster.title, attachedTo: opts.attachedTo ?? fromMaster.attachedTo, asOf: opts.asOf };
  await mkdir(opts.out, { recursive: true });
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const files: string[] = [];
  for (const unit of plan.units) {
    const name = unitFileName(unit.unit, taken);
    names.set(unit.unit, name);
    const path = join(opts.out, name);
    await writeWorkbook({ ...unitWorkbookSpec(unit, look), created: opts.now }, path);
    files.push(path);
  }
  const manifest = buildManifest(plan, names, {
    master: file, sheet: read.sheet, createdAt: (opts.now ?? new Date()).toISOString(), asOf: opts.asOf ?? null,
    expandGroups: opts.expandGroups, issues: read.issues,
  });
  await writeFile(join(opts.out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return { manifest, files, errors: [] };
}
