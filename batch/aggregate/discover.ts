/** Input discovery: files as given, folders walked recursively for spreadsheet files. */
import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Extensions picked up in folders: .xlsx/.xlsm and Word returns (.docx) are read; the others are returns in another
 * format (a CSV export, an OpenDocument or old Excel or Word file, a scanned PDF) and are reported as rejected with
 * how to save them as .xlsx (xlsx/reader/sniff.ts), never skipped silently. Other files (.txt notes, images) are
 * not returns and are left alone.
 */
const SPREADSHEET_EXTS = new Set([
  '.xlsx', '.xlsm', '.xls', '.xlsb', '.xltx', '.ods', '.fods', '.csv', '.tsv',
  '.docx', '.docm', '.doc', '.odt', '.rtf', '.pdf',
]);

export interface Discovered {
  /** Paths to read (relative to cwd when inside it), sorted, each once. */
  files: string[];
  /** Arguments that do not exist. */
  missing: string[];
}

/** Lock files (~$x.xlsx) and hidden files/folders (.x) are skipped. */
function skipped(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/**
 * `exclude`: folders not walked into (aggregate's own --out folder: a report written inside the folder of returns
 * must not be read back as one more return on the next run, counting every task twice). A file named explicitly is
 * still read.
 */
export async function discoverInputs(args: string[], cwd = process.cwd(), exclude: readonly string[] = []): Promise<Discovered> {
  const files = new Set<string>();
  const missing: string[] = [];
  const skipDirs = new Set(exclude.map((d) => resolve(cwd, d)));
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const st = await stat(abs).catch(() => null);
    if (!st) missing.push(arg);
    else if (st.isDirectory()) for (const f of await walk(abs, skipDirs)) files.add(display(f, cwd));
    else files.add(display(abs, cwd));
  }
  return { files: [...files].sort(), missing };
}

async function walk(dir: string, skipDirs: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  if (skipDirs.has(dir)) return out;
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, skipDirs)));
    else if (e.isFile() && SPREADSHEET_EXTS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
