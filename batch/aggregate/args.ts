/** Command-line options of `tiendo aggregate`. */
import { isIsoDate } from '../../core/dates';
import { isPeriod } from '../../report/history/types';

export interface AggregateArgs {
  inputs: string[];
  asOf: string | null;
  out: string;
  json: string | null;
  keepDuplicates: boolean;
  sent: string | null;
  title: string | null;
  kemTheo: string | null;
  concurrency: number | null;
  quiet: boolean;
  /** History: the period recorded (`--ky YYYY-MM`, default the as-of month when --lich-su is given). */
  ky: string | null;
  /** History: the store folder (`--lich-su DIR`, default tiendo-lich-su when --ky is given). */
  lichSu: string | null;
}

export type ParsedArgs = { ok: true; args: AggregateArgs } | { ok: false; message: string };

const VALUED = new Set(['--as-of', '--out', '--json', '--sent', '--title', '--kem-theo', '--concurrency', '--ky', '--lich-su']);

/** Parse argv (after the command name). Accepts `--opt value` and `--opt=value`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const a: AggregateArgs = {
    inputs: [], asOf: null, out: 'tiendo-out', json: null, keepDuplicates: false,
    sent: null, title: null, kemTheo: null, concurrency: null, quiet: false, ky: null, lichSu: null,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    if (!arg.startsWith('--') || arg === '-') { a.inputs.push(arg); continue; }
    if (arg === '--keep-duplicates') { a.keepDuplicates = true; continue; }
    if (arg === '--quiet' || arg === '-q') { a.quiet = true; continue; }
    if (!VALUED.has(arg)) return { ok: false, message: `Tuỳ chọn không hợp lệ: ${arg}` };
    value ??= argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `Thiếu giá trị cho ${arg}` };
    const err = setValue(a, arg, value);
    if (err) return { ok: false, message: err };
  }
  return { ok: true, args: a };
}

function setValue(a: AggregateArgs, opt: string, v: string): string | null {
  switch (opt) {
    case '--as-of':
      if (!isIsoDate(v)) return `Ngày --as-of không hợp lệ: "${v}" (cần dạng YYYY-MM-DD, ví dụ 2025-11-15)`;
      a.asOf = v; return null;
    case '--out': a.out = v; return null;
    case '--json': a.json = v; return null;
    case '--sent': a.sent = v; return null;
    case '--title': a.title = v; return null;
    case '--kem-theo': a.kemTheo = v; return null;
    case '--ky':
      if (!isPeriod(v)) return `Kỳ báo cáo --ky không hợp lệ: "${v}" (cần dạng YYYY-MM, ví dụ 2025-11)`;
      a.ky = v; return null;
    case '--lich-su': a.lichSu = v; return null;
    case '--concurrency': {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) return `--concurrency cần số nguyên dương: "${v}"`;
      a.concurrency = n; return null;
    }
  }
  return `Tuỳ chọn không hợp lệ: ${opt}`;
}
