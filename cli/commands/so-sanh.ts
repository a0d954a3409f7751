/**
 * `npm run tiendo -- so-sanh [--lich-su DIR] [--ky YYYY-MM] [--voi YYYY-MM] [--json FILE|-] [--out DIR] [--trong-so FILE]`
 * Compare a period of the history store with the previous one (default: the latest period and the
 * latest earlier one). Prints the sentences; --json writes the comparison (the contract in
 * report/history/types.ts); --out writes bien-dong.xlsx ("Biến động", "Biến động chi tiết", "Xếp hạng")
 * and bien-dong.json; --docx writes bien-dong.docx (the Word appendix of the same tables). Exit 0: done; 1: an output could not be written; 2: usage error or no such period.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { handleParsed, parseCommand, period, type CommandSpec } from '../../batch/options';
import { comparePeriods, HistoryError } from '../../history/compare';
import { DEFAULT_HISTORY_DIR } from '../../history/store';
import { DEFAULT_WEIGHTS, parseWeights, type ScoreWeights } from '../../report/history/score';
import { version } from '../version';

export const SO_SANH_COMMAND = {
  name: 'so-sanh',
  summary: 'So sánh một kỳ báo cáo trong kho lịch sử với kỳ trước: biến động, quá hạn kéo dài, chấm điểm và xếp hạng.',
  args: '',
  min: 0,
  max: 0,
  notes: ['Kho lịch sử được ghi bằng: tiendo aggregate … --ky YYYY-MM --lich-su DIR (một tệp Parquet mỗi kỳ).'],
  exits: [
    [0, 'đã so sánh'],
    [1, 'không ghi được một tệp kết quả'],
    [2, 'sai cú pháp, kho lịch sử trống hoặc không có kỳ đã cho'],
  ],
  options: {
    'lich-su': { value: 'DIR', help: 'kho lịch sử', default: DEFAULT_HISTORY_DIR },
    ky: { value: 'YYYY-MM', help: 'kỳ cần so sánh (mặc định: kỳ mới nhất trong kho)', parse: period },
    voi: { value: 'YYYY-MM', help: 'so với kỳ (mặc định: kỳ liền trước trong kho)', parse: period },
    json: { value: 'FILE', help: 'ghi kết quả so sánh dạng JSON ("-" = stdout)' },
    out: { value: 'DIR', help: 'ghi bien-dong.xlsx (Biến động, Biến động chi tiết, Xếp hạng) và bien-dong.json vào DIR' },
    'trong-so': { value: 'FILE', help: 'trọng số chấm điểm (mặc định report/history/cham-diem.json)' },
    docx: { help: 'ghi thêm bien-dong.docx (phụ lục Word: tóm tắt, biến động theo đơn vị, xếp hạng) vào DIR của --out (mặc định thư mục hiện tại)' },
    'kem-theo': { value: '"…"', help: 'dòng "(Kèm theo …)" dưới tiêu đề phụ lục Word' },
  },
} as const satisfies CommandSpec;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(SO_SANH_COMMAND, argv);
  const early = handleParsed(SO_SANH_COMMAND, parsed, version());
  if (early !== null || parsed.kind !== 'ok') return early ?? 2;
  const values = parsed.values;
  let weights: ScoreWeights = DEFAULT_WEIGHTS;
  if (values.trongSo) {
    const file = values.trongSo;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(resolve(file), 'utf8'));
    } catch (e) {
      console.error(`Không đọc được tệp trọng số ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    const parsed = parseWeights(raw, file);
    if (!parsed.ok) {
      console.error(parsed.message);
      return 2;
    }
    weights = parsed.weights;
  }
  const dir = values.lichSu;
  let comparison;
  try {
    comparison = await comparePeriods(dir, { ...(values.ky ? { period: values.ky } : {}), ...(values.voi ? { previous: values.voi } : {}), weights });
  } catch (e) {
    if (e instanceof HistoryError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const json = JSON.stringify(comparison, null, 2) + '\n';
  let failed = false;
  const write = async (path: string, data: string | Promise<void>): Promise<void> => {
    try {
      if (typeof data === 'string') await writeFile(path, data, 'utf8');
      else await data;
      console.error(`Đã ghi ${path}`);
    } catch (e) {
      failed = true;
      console.error(`Không ghi được ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (values.json === '-') process.stdout.write(json);
  else if (values.json) await write(values.json, json);
  if (values.out) {
    const out = resolve(values.out);
    await mkdir(out, { recursive: true });
    const [{ historySheets }, { writeWorkbook }] = await Promise.all([import('../../report/history/sheets'), import('../../xlsx/write')]);
    await write(join(values.out, 'bien-dong.xlsx'),
      writeWorkbook({ sheets: historySheets(comparison, weights), creator: 'tiendo', title: 'Biến động tình hình thực hiện nhiệm vụ' }, join(out, 'bien-dong.xlsx')));
    await write(join(values.out, 'bien-dong.json'), json);
  }
  if (values.docx) {
    const out = resolve(values.out ?? '.');
    await mkdir(out, { recursive: true });
    const { comparisonDocx } = await import('../../docx/write');
    const path = join(values.out ?? '.', 'bien-dong.docx');
    await write(path, comparisonDocx(comparison, weights, values.kemTheo ? { attachedTo: values.kemTheo } : {}).then((b) => writeFile(join(out, 'bien-dong.docx'), b)));
  }
  if (values.json !== '-') for (const s of comparison.sentences) console.log(s);
  const SHOWN = 20;
  for (const i of comparison.issues.slice(0, SHOWN)) console.error(`[${i.code}] ${i.message}`);
  if (comparison.issues.length > SHOWN) console.error(`… và ${comparison.issues.length - SHOWN} cảnh báo khác (xem --json hoặc --out).`);
  return failed ? 1 : 0;
}
