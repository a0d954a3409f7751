/**
 * `npm run tiendo -- distribute <master.xlsx> [--out DIR] [--expand-groups] [--as-of YYYY-MM-DD] [--title "…"] [--kem-theo "…"]`
 * Writes one pre-filled report workbook per unit and DIR/danh-sach-giao.json.
 * Exit 0: written; 1: the master could not be read or holds no table; 2: usage error.
 */
import { isIsoDate } from '../../core/dates';
import { formatCount } from '../../core/format';
import { distribute, type DistributeOptions } from '../../batch/distribute/run';
import { MANIFEST_FILE } from '../../batch/distribute/manifest';

export const USAGE = `Cách dùng: npm run tiendo -- distribute <danh-sach-nhiem-vu.xlsx> [--out DIR] [--expand-groups] [--as-of YYYY-MM-DD]
  [--title "…"] [--kem-theo "…"]
  --out DIR          thư mục ghi các tệp giao (mặc định ./tiendo-giao)
  --expand-groups    giao nhiệm vụ của nhóm ("Các bộ, ngành, địa phương") cho từng đơn vị thành viên`;

type Parsed = { ok: true; master: string; opts: DistributeOptions } | { ok: false; message: string; help?: boolean };

export function parseArgs(argv: string[]): Parsed {
  const opts: DistributeOptions = { out: 'tiendo-giao', expandGroups: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { ok: false, message: '', help: true };
    if (a === '--expand-groups') { opts.expandGroups = true; continue; }
    if (a === '--out' || a === '--as-of' || a === '--title' || a === '--kem-theo') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return { ok: false, message: `Thiếu giá trị cho ${a}` };
      if (a === '--out') opts.out = v;
      else if (a === '--title') opts.title = v;
      else if (a === '--kem-theo') opts.attachedTo = v;
      else if (!isIsoDate(v)) return { ok: false, message: `Ngày không hợp lệ: ${v} (cần dạng YYYY-MM-DD)` };
      else opts.asOf = v;
      continue;
    }
    if (a.startsWith('--')) return { ok: false, message: `Tham số không hợp lệ: ${a}` };
    files.push(a);
  }
  if (files.length !== 1) return { ok: false, message: files.length ? 'Chỉ nhận một tệp danh sách nhiệm vụ.' : 'Thiếu tệp danh sách nhiệm vụ.' };
  return { ok: true, master: files[0], opts };
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(USAGE);
      return 0;
    }
    console.error(`${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { manifest, files, errors } = await distribute(parsed.master, parsed.opts);
  for (const e of errors) console.error(`${e.file ?? parsed.master}: ${e.message}`);
  if (!manifest) return 1;
  const tasks = manifest.units.reduce((n, u) => n + u.tasks.length, 0);
  for (const x of manifest.issues.filter((i) => i.code === 'NO_LEAD_UNIT' || i.code === 'UNKNOWN_UNIT')) console.error(x.message);
  console.error(`Đã giao ${formatCount(tasks)} nhiệm vụ cho ${formatCount(files.length)} đơn vị; danh sách giao: ${parsed.opts.out}/${MANIFEST_FILE}`);
  return 0;
}
