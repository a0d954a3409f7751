/**
 * `npm run tiendo -- so-sanh [--lich-su DIR] [--ky YYYY-MM] [--voi YYYY-MM] [--json FILE|-] [--out DIR] [--trong-so FILE]`
 * Compare a period of the history store with the previous one (default: the latest period and the
 * latest earlier one). Prints the sentences; --json writes the comparison (the contract in
 * report/history/types.ts); --out writes bien-dong.xlsx ("Biến động", "Biến động chi tiết", "Xếp hạng")
 * and bien-dong.json. Exit 0: done; 1: an output could not be written; 2: usage error or no such period.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { comparePeriods, HistoryError } from '../../history/compare';
import { DEFAULT_HISTORY_DIR } from '../../history/store';
import { DEFAULT_WEIGHTS, parseWeights, type ScoreWeights } from '../../report/history/score';
import { isPeriod } from '../../report/history/types';

export const USAGE = `Cách dùng: npm run tiendo -- so-sanh [--lich-su DIR] [--ky YYYY-MM] [--voi YYYY-MM] [--json FILE|-] [--out DIR] [--trong-so FILE]
  --lich-su DIR    kho lịch sử (mặc định ${DEFAULT_HISTORY_DIR}), ghi bằng: aggregate … --ky YYYY-MM --lich-su DIR
  --ky YYYY-MM     kỳ cần so sánh (mặc định: kỳ mới nhất trong kho)
  --voi YYYY-MM    so với kỳ (mặc định: kỳ liền trước trong kho)
  --json FILE      ghi kết quả so sánh dạng JSON (- = ra màn hình)
  --out DIR        ghi bien-dong.xlsx (Biến động, Xếp hạng) và bien-dong.json vào DIR
  --trong-so FILE  trọng số chấm điểm (mặc định report/history/cham-diem.json)`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'lich-su': { type: 'string' }, ky: { type: 'string' }, voi: { type: 'string' },
        json: { type: 'string' }, out: { type: 'string' }, 'trong-so': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  for (const opt of ['ky', 'voi'] as const) {
    const v = values[opt];
    if (v !== undefined && !isPeriod(v)) {
      console.error(`Kỳ báo cáo --${opt} không hợp lệ: "${v}" (cần dạng YYYY-MM, ví dụ 2025-11)\n${USAGE}`);
      return 2;
    }
  }
  let weights: ScoreWeights = DEFAULT_WEIGHTS;
  if (values['trong-so']) {
    const file = values['trong-so'];
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
  const dir = values['lich-su'] ?? DEFAULT_HISTORY_DIR;
  let comparison;
  try {
    comparison = await comparePeriods(dir, { period: values.ky, previous: values.voi, weights });
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
  if (values.json !== '-') for (const s of comparison.sentences) console.log(s);
  const SHOWN = 20;
  for (const i of comparison.issues.slice(0, SHOWN)) console.error(`[${i.code}] ${i.message}`);
  if (comparison.issues.length > SHOWN) console.error(`… và ${comparison.issues.length - SHOWN} cảnh báo khác (xem --json hoặc --out).`);
  return failed ? 1 : 0;
}
