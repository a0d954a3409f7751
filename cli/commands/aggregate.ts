/**
 * `npm run tiendo -- aggregate <file-or-folder>... [--as-of YYYY-MM-DD] [--out DIR] [--json FILE]
 *   [--keep-duplicates] [--sent danh-sach-giao.json] [--title …] [--kem-theo …] [--concurrency N] [--quiet]`
 * Exit 0: every input read; 1: some inputs rejected (the rest is still written); 2: usage error.
 */
import { parseArgs } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';
import { rejectionLines, summaryLine } from '../../batch/aggregate/summary-line';

export const USAGE = `Cách dùng: npm run tiendo -- aggregate [<tệp-hoặc-thư-mục>...] [--as-of YYYY-MM-DD] [--out DIR] [--json FILE]
  [--keep-duplicates] [--sent danh-sach-giao.json] [--title "…"] [--kem-theo "…"] [--concurrency N] [--quiet]
  [--ky YYYY-MM] [--lich-su DIR]   ghi kỳ báo cáo vào kho lịch sử (mặc định tiendo-lich-su), thêm trang Biến động, Xếp hạng
Không có đầu vào: tổng hợp các tệp mẫu trong samples/.`;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { report, outputs, outputErrors } = await aggregate(parsed.args);
  for (const line of rejectionLines(report)) console.error(line);
  for (const line of outputErrors) console.error(`Không ghi được ${line}`);
  if (!report.inputs.length) console.error('Không tìm thấy tệp Excel (.xlsx, .xlsm) nào trong các đường dẫn đã cho.');
  if (!parsed.args.quiet) {
    console.error(summaryLine(report));
    console.error(`Kết quả: ${outputs.join(', ')}`);
  }
  const rejected = report.inputs.some((i) => i.error);
  return rejected || outputErrors.length || !report.inputs.length ? 1 : 0;
}
