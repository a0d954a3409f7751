/**
 * `tiendo aggregate [<file-or-folder>...] [options]`: options, help and exit codes are declared in
 * batch/aggregate/args.ts (AGGREGATE_COMMAND).
 * Exit 0: every input read; 1: some inputs rejected (the rest is still written) or an output could not be written
 * (the previous report is kept); 2: usage error, or no input could be read (nothing is written).
 */
import { AGGREGATE_COMMAND } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';
import { rejectionLines, summaryLine } from '../../batch/aggregate/summary-line';
import { EXIT_USAGE, handleParsed, parseCommand } from '../../batch/options';
import { version } from '../version';

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommand(AGGREGATE_COMMAND, argv);
  const early = handleParsed(AGGREGATE_COMMAND, parsed, version());
  if (early !== null || parsed.kind !== 'ok') return early ?? EXIT_USAGE;
  const args = { ...parsed.values, inputs: parsed.positionals };
  const { report, outputs, outputErrors, nothingRead } = await aggregate(args);
  for (const line of rejectionLines(report)) console.error(line);
  if (nothingRead) {
    console.error(report.inputs.length
      ? `Không đọc được tệp nào trong ${report.inputs.length} tệp đã cho: không ghi gì, ${args.out} giữ nguyên.`
      : `Không tìm thấy tệp Excel (.xlsx, .xlsm) nào trong các đường dẫn đã cho: không ghi gì, ${args.out} giữ nguyên.`);
    return EXIT_USAGE;
  }
  for (const line of outputErrors) console.error(`Không ghi được ${line}`);
  if (outputErrors.length) console.error(`Không thay thế báo cáo trong ${args.out}: báo cáo cũ (nếu có) giữ nguyên.`);
  if (!args.quiet) {
    console.error(summaryLine(report));
    if (outputs.length) {
      // The per-unit confirmation files are many: one entry for their folder.
      const confirm = outputs.filter((f) => /[\\/]xac-nhan[\\/]/.test(f));
      const shown = outputs.filter((f) => !confirm.includes(f));
      if (confirm.length) shown.push(`${confirm[0].replace(/([\\/]xac-nhan)[\\/].*$/, '$1')}/ (${confirm.length} tệp)`);
      console.error(`Kết quả: ${shown.join(', ')}`);
    }
  }
  const rejected = report.inputs.some((i) => i.error);
  return rejected || outputErrors.length ? 1 : 0;
}
