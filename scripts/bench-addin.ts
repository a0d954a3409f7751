/**
 * Add-in speed: JavaScript time of "Kiểm tra bảng" + "Phân loại" on a 5,000-row sheet, from what
 * Excel returns (values, formats, fonts, merged areas) to the write plan, Office.js excluded.
 * Target: well under a second. Run: npx tsx scripts/bench-addin.ts [rows]
 */
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chunkRows, PAYLOAD_BUDGET, toGrid, type RawRead } from '../addin/excel-adapter';
import { analyse } from '../addin/pane/actions';
import { checkView } from '../addin/pane/check';
import { planBeside } from '../addin/pane/classify-plan';
import { summaryLayout, summaryReport } from '../addin/pane/summary';

const AS_OF = '2025-11-15';
const UNITS = ['Bộ Tư pháp', 'Bộ Nội vụ', 'Bộ Tài chính', 'Bộ Y tế', 'Bộ Xây dựng', 'Bộ Khoa học và Công nghệ', 'UBND tỉnh Quảng Ninh', 'Thành phố Hà Nội', 'Bộ KH&CN', 'Ngân hàng Nhà nước Việt Nam'];
const STATUSES = ['Đã hoàn thành', 'Đang thực hiện', '', 'Chưa hoàn thành', 'Hoàn thành quá hạn', 'ĐANG TRIỂN KHAI', 'Đã hoàn thành\n(đúng hạn)'];
const DEADLINES: (string | number)[] = ['31/10/2025', 'Tháng 12/2025', 'Quý I/2026', 'Thực hiện thường xuyên', 45961, 'Năm 2025', '6 tháng đầu năm 2026', 'trước ngày 15/11/2025'];

/** What Excel.run would return for a 5,000-row appendix: title block, header at B4, a section row every 50 rows. */
export function rawSheet(rows: number): RawRead {
  const values: unknown[][] = [
    ['PHỤ LỤC', '', '', '', '', '', ''],
    ['TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'],
  ];
  const merges: string[] = ["'Phụ lục'!B1:H1", "'Phụ lục'!B2:H2"];
  let stt = 0;
  for (let i = 0; values.length < rows + 4; i++) {
    if (i % 50 === 0) {
      values.push([roman(i / 50 + 1), `Nhiệm vụ nhóm ${i / 50 + 1} giao các bộ, ngành và địa phương`, '', '', '', '', '']);
      merges.push(`'Phụ lục'!C${values.length}:H${values.length}`);
      continue;
    }
    stt++;
    values.push([
      String(stt),
      `Xây dựng, hoàn thiện thể chế về lĩnh vực số ${stt}; báo cáo Thủ tướng Chính phủ kết quả thực hiện`,
      UNITS[stt % UNITS.length],
      stt % 3 ? '' : 'Các bộ, ngành',
      DEADLINES[stt % DEADLINES.length],
      stt % 4 ? '' : `Đã ban hành Văn bản số ${stt}/BC-VP ngày 20/10/2025`,
      STATUSES[stt % STATUSES.length],
    ]);
  }
  const numberFormat = values.map((r) => r.map((v) => (typeof v === 'number' ? 'dd/mm/yyyy' : 'General')));
  const fonts = values.map((r, i) => r.map(() => ({ name: 'Times New Roman', bold: i < 4 })));
  return { name: 'Phụ lục', rowIndex: 0, columnIndex: 1, values, numberFormat, fonts, mergedAddress: merges.join(', ') };
}

function roman(n: number): string {
  const t: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time and CPU time (user + system) of f, in ms: CPU time is what counts on a busy shared machine. */
function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

function run(raw: RawRead) {
  const check = timed(() => {
    const grid = toGrid(raw);
    const a = analyse(grid, AS_OF);
    return { grid, a, view: checkView(grid, a.read, a.tasks, { asOf: AS_OF, dueSoonDays: 7 }) };
  });
  const { grid, a, view } = check.value;
  const classify = timed(() => planBeside(grid, a.read, a.tasks, 7));
  const plan = classify.value;
  const chunks = plan.blocks.reduce((n, b) => n + chunkRows(b.values).length, 0);
  const summary = timed(() => {
    const report = summaryReport(AS_OF, a.tasks);
    return { report, layout: summaryLayout(report, 'Phụ lục') };
  });
  return { check, classify, summary, tasks: view.tasks, issues: view.issues.length, chunks, payload: JSON.stringify(plan.blocks).length, units: summary.value.report.units.length };
}

export interface AddinBench {
  rows: number;
  tasks: number;
  /** Median ms of check + classify: wall clock and CPU (user + system). */
  wallMs: number;
  cpuMs: number;
}

/** Runs the add-in bench, prints its lines, returns the figures (for scripts/bench.ts). */
export function benchAddin(rows = 5000, runsCount = 5): AddinBench {
  const raw = rawSheet(rows);
  run(raw); // warm-up (JIT)
  const runs = Array.from({ length: runsCount }, () => run(raw));
  const last = runs[runs.length - 1];
  const ms = (k: 'check' | 'classify' | 'summary', m: 'wall' | 'cpu') => median(runs.map((r) => r[k][m]));
  const line = (label: string, wall: number, cpu: number) => console.log(`  ${label.padEnd(50)} ${wall.toFixed(0).padStart(5)} ms wall, ${cpu.toFixed(0).padStart(5)} ms CPU`);
  console.log(`add-in bench: ${rows} rows, ${last.tasks} tasks, ${last.issues} issues, ${last.units} units (median of ${runs.length} runs)`);
  line('check (toGrid + readSheet + classifyRead + view)', ms('check', 'wall'), ms('check', 'cpu'));
  line('classify plan (own columns, rules)', ms('classify', 'wall'), ms('classify', 'cpu'));
  line('check + classify (target < 1000 ms)', ms('check', 'wall') + ms('classify', 'wall'), ms('check', 'cpu') + ms('classify', 'cpu'));
  line('summary (Arquero rollup + layout)', ms('summary', 'wall'), ms('summary', 'cpu'));
  console.log(`  classify write: ${(last.payload / 1024).toFixed(0)} KiB in ${last.chunks} block(s), ${Math.max(1, Math.ceil(last.payload / PAYLOAD_BUDGET))} sync(s) (Excel on the web limit: 5 MB per request)`);
  return { rows, tasks: last.tasks, wallMs: ms('check', 'wall') + ms('classify', 'wall'), cpuMs: ms('check', 'cpu') + ms('classify', 'cpu') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchAddin(Number(process.argv[2] ?? 5000));
