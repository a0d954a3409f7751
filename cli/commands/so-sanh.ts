/**
 * `npm run tiendo -- so-sanh [--lich-su DIR] [--ky YYYY-MM] [--voi YYYY-MM] [--json FILE|-] [--out DIR] [--trong-so FILE]`
 * Compare a period of the history store with the previous one (default: the latest period and the
 * latest earlier one). Prints the sentences; --json writes the comparison (the contract in
 * report/history/types.ts); --out writes bien-dong.xlsx ("Biến động", "Biến động chi tiết", "Xếp hạng")
 * and bien-dong.json; --docx writes bien-dong.docx (the Word appendix of the same tables). Exit 0: done; 1: an output could not be written; 2: usage error or no such period.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { failureLines } from '../../batch/fs-reason';
import { writePrettyJson } from '../../batch/pretty-json';
import { commitAll, stageDir, type Stage } from '../../batch/stage';
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
  // Outputs are written aside and moved into place together (batch/stage.ts): a failed or interrupted run leaves the
  // previous files as they were. The JSON is written in pieces (a 12-million-row store: 120 MB of text).
  const jsonFile = values.json && values.json !== '-' ? resolve(values.json) : null;
  const outDir = values.out || values.docx ? resolve(values.out ?? '.') : null;
  const stages: Stage[] = [];
  const failures: string[] = [];
  const written: string[] = [];
  const attempt = async (shown: string, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
      written.push(shown);
    } catch (e) {
      failures.push(...failureLines(e, shown));
    }
  };
  try {
    if (values.json === '-') await writePrettyJson(comparison, process.stdout);
    if (jsonFile) {
      const stage = await stageDir(dirname(jsonFile));
      stages.push(stage);
      await attempt(values.json!, () => writePrettyJson(comparison, stage.path(basename(jsonFile))));
    }
    if (outDir) {
      const stage = await stageDir(outDir);
      stages.push(stage);
      const shown = (name: string): string => join(values.out ?? '.', name);
      if (values.out) {
        const [{ historySheets }, { writeWorkbook }] = await Promise.all([import('../../report/history/sheets'), import('../../xlsx/write')]);
        await attempt(shown('bien-dong.xlsx'), () => writeWorkbook({ sheets: historySheets(comparison, weights), creator: 'tiendo', title: 'Biến động tình hình thực hiện nhiệm vụ' }, stage.path('bien-dong.xlsx')));
        await attempt(shown('bien-dong.json'), () => writePrettyJson(comparison, stage.path('bien-dong.json')));
      }
      if (values.docx) {
        const { comparisonDocx } = await import('../../docx/write');
        await attempt(shown('bien-dong.docx'), async () => writeFile(stage.path('bien-dong.docx'), await comparisonDocx(comparison, weights, values.kemTheo ? { attachedTo: values.kemTheo } : {})));
      }
    }
    if (!failures.length && stages.length) {
      try {
        await commitAll(stages);
      } catch (e) {
        failures.push(...failureLines(e, values.out ?? values.json ?? '.'));
      }
    }
  } finally {
    for (const stage of stages) await stage.discard();
  }
  for (const line of failures) console.error(`Không ghi được ${line}`);
  if (failures.length) console.error('Không thay thế kết quả nào: các tệp cũ (nếu có) giữ nguyên.');
  else for (const path of written) console.error(`Đã ghi ${path}`);
  if (values.json !== '-') for (const s of comparison.sentences) console.log(s);
  const SHOWN = 20;
  for (const i of comparison.issues.slice(0, SHOWN)) console.error(`[${i.code}] ${i.message}`);
  if (comparison.issues.length > SHOWN) console.error(`… và ${comparison.issues.length - SHOWN} cảnh báo khác (xem --json hoặc --out).`);
  return failures.length ? 1 : 0;
}
