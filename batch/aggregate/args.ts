/** Command-line options of `tiendo aggregate`: one declaration gives the parser, the typed values and the help. */
import { isoDate, OptionError, parseCommand, positiveInt, type CommandSpec, type OptionValues } from '../options';
import { exportFormatOf } from '../export-tasks';

/** `--tasks FILE`: the export format comes from the extension. */
function taskExportFile(raw: string): string {
  if (!exportFormatOf(raw)) throw new OptionError(`cần tệp .csv, .parquet hoặc .arrow: "${raw}"`);
  return raw;
}

/** Add an option here (one line); it appears in AggregateArgs (camelCase), the parser and `--help`. */
export const AGGREGATE_OPTIONS = {
  'as-of': { value: 'YYYY-MM-DD', help: 'ngày tính quá hạn (mặc định: hôm nay, giờ Việt Nam)', parse: isoDate },
  out: { value: 'DIR', help: 'thư mục ghi tong-hop.xlsx, tong-hop.json, tom-tat.txt', default: 'tiendo-out' },
  json: { value: 'FILE', help: 'ghi thêm báo cáo JSON vào FILE ("-" = stdout)' },
  'keep-duplicates': { help: 'giữ các nhiệm vụ trùng giữa các tệp (không gộp bản nộp lại)' },
  sent: { value: 'FILE', help: 'danh sách giao (danh-sach-giao.json của tiendo distribute) để đối chiếu đơn vị chưa nộp' },
  title: { value: '"…"', help: 'tiêu đề phụ lục tổng hợp' },
  'kem-theo': { value: '"…"', help: 'dòng "(Kèm theo …)" dưới tiêu đề phụ lục' },
  docx: { help: 'ghi thêm phụ lục Word phu-luc.docx (bảng theo đơn vị, nhiệm vụ quá hạn, các câu tổng hợp)' },
  'xac-nhan': { help: 'ghi phụ lục xác nhận cho từng đơn vị chủ trì (.docx và .xlsx) vào DIR/xac-nhan/' },
  concurrency: { value: 'N', help: 'số luồng đọc tệp song song', parse: positiveInt },
  quiet: { short: 'q', help: 'không in thanh tiến trình và dòng tóm tắt' },
  tasks: { value: 'FILE', help: 'xuất thêm bảng nhiệm vụ đã gộp: .csv (Excel), .parquet (pandas, Power BI, DuckDB) hoặc .arrow', parse: taskExportFile },
} as const;

export const AGGREGATE_COMMAND: CommandSpec<typeof AGGREGATE_OPTIONS> = {
  name: 'aggregate',
  summary: 'Tổng hợp các báo cáo phụ lục (.xlsx) trong các tệp hoặc thư mục đã cho.',
  args: '[<tệp-hoặc-thư-mục>...]',
  min: 0,
  max: Infinity,
  notes: [
    'Thư mục được duyệt đệ quy; tệp .xls, .xlsb, .ods được liệt kê là bị từ chối, không bị bỏ qua.',
    'Không có đầu vào: tổng hợp các tệp mẫu trong samples/bao-cao.',
    'Kết quả được ghi vào một thư mục tạm rồi mới chuyển vào DIR khi đã ghi xong: báo cáo cũ giữ nguyên nếu lần chạy lỗi hoặc bị ngắt.',
  ],
  exits: [
    [0, 'đọc được mọi tệp'],
    [1, 'có tệp bị từ chối (phần còn lại vẫn được tổng hợp và ghi) hoặc không ghi được kết quả (báo cáo cũ giữ nguyên)'],
    [2, 'sai cú pháp, hoặc không đọc được tệp nào (không ghi gì, báo cáo cũ giữ nguyên)'],
  ],
  options: AGGREGATE_OPTIONS,
};

export type AggregateArgs = OptionValues<typeof AGGREGATE_OPTIONS> & { inputs: string[] };

export type ParsedArgs =
  | { ok: true; args: AggregateArgs }
  | { ok: false; message: string; help?: true; version?: true };

/** Parse argv (after the command name). Accepts `--opt value` and `--opt=value`. */
export function parseArgs(argv: string[]): ParsedArgs {
  const p = parseCommand(AGGREGATE_COMMAND, argv);
  if (p.kind === 'ok') return { ok: true, args: { ...p.values, inputs: p.positionals } };
  if (p.kind === 'error') return { ok: false, message: p.message };
  return p.kind === 'help' ? { ok: false, message: '', help: true } : { ok: false, message: '', version: true };
}
