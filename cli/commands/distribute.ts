/**
 * `npm run tiendo -- distribute <master.xlsx> [--out DIR] [--expand-groups] [--as-of YYYY-MM-DD] [--title "…"] [--kem-theo "…"]`
 * Writes one pre-filled report workbook per unit and DIR/danh-sach-giao.json.
 * Exit 0: written; 1: the master could not be read or holds no table; 2: usage error.
 */
import { formatCount } from '../../core/format';
import { distribute, type DistributeOptions } from '../../batch/distribute/run';
import { MANIFEST_FILE } from '../../batch/distribute/manifest';
import { EXIT_USAGE, handleParsed, isoDate, parseCommand, type CommandSpec } from '../../batch/options';
import { version } from '../version';

export const DISTRIBUTE_COMMAND = {
  name: 'distribute',
  summary: 'Từ danh sách nhiệm vụ tổng, ghi cho mỗi đơn vị một tệp báo cáo đã điền sẵn nhiệm vụ của đơn vị, và danh-sach-giao.json.',
  args: '<danh-sach-nhiem-vu.xlsx>',
  min: 1,
  missing: 'Thiếu tệp danh sách nhiệm vụ.',
  max: 1,
  exits: [
    [0, 'đã ghi các tệp giao'],
    [1, 'không đọc được danh sách hoặc danh sách không có bảng nhiệm vụ'],
    [2, 'sai cú pháp'],
  ],
  options: {
    out: { value: 'DIR', help: 'thư mục ghi các tệp giao', default: 'tiendo-giao' },
    'expand-groups': { help: 'giao nhiệm vụ của nhóm ("Các bộ, ngành, địa phương") cho từng đơn vị thành viên' },
    'as-of': { value: 'YYYY-MM-DD', help: 'ngày ghi trên tệp giao (mặc định: hôm nay, giờ Việt Nam)', parse: isoDate },
    title: { value: '"…"', help: 'tiêu đề phụ lục trên tệp giao' },
    'kem-theo': { value: '"…"', help: 'dòng "(Kèm theo …)" dưới tiêu đề' },
  },
} as const satisfies CommandSpec;

type Parsed = { ok: true; master: string; opts: DistributeOptions } | { ok: false; message: string; help?: boolean };

export function parseArgs(argv: string[]): Parsed {
  const p = parseCommand(DISTRIBUTE_COMMAND, argv);
  if (p.kind === 'error') return { ok: false, message: p.message };
  if (p.kind !== 'ok') return { ok: false, message: '', help: true };
  const v = p.values;
  const opts: DistributeOptions = { out: v.out, expandGroups: v.expandGroups };
  if (v.asOf) opts.asOf = v.asOf;
  if (v.title) opts.title = v.title;
  if (v.kemTheo) opts.attachedTo = v.kemTheo;
  return { ok: true, master: p.positionals[0], opts };
}

export async function run(argv: string[]): Promise<number> {
  const early = handleParsed(DISTRIBUTE_COMMAND, parseCommand(DISTRIBUTE_COMMAND, argv), version());
  if (early !== null) return early;
  const parsed = parseArgs(argv);
  if (!parsed.ok) return EXIT_USAGE;
  const { manifest, files, errors } = await distribute(parsed.master, parsed.opts);
  for (const e of errors) console.error(`${e.file ?? parsed.master}: ${e.message}`);
  if (!manifest) return 1;
  const tasks = manifest.units.reduce((n, u) => n + u.tasks.length, 0);
  for (const x of manifest.issues.filter((i) => i.code === 'NO_LEAD_UNIT' || i.code === 'UNKNOWN_UNIT')) console.error(x.message);
  console.error(`Đã giao ${formatCount(tasks)} nhiệm vụ cho ${formatCount(files.length)} đơn vị; danh sách giao: ${parsed.opts.out}/${MANIFEST_FILE}`);
  return 0;
}
