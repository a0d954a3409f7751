/**
 * Three monthly periods of returns from Bộ Nội vụ and Bộ Y tế, as real .xlsx, for the history tests.
 * As-of dates 2025-09-15, 2025-10-15, 2025-11-15. What happens to each task (hand-computed in history.test.ts):
 *
 *   NV1 done throughout                      NV2 overdue throughout (streak 1, 2, 3), no plan
 *   NV3 in time, then overdue in 11 (with a plan: "Dự kiến hoàn thành trong tháng 12/2025")
 *   NV4 due 30/11 → 31/12/2025 in 11 with no extension noted; status left blank in 11 (unreported)
 *   NV5 overdue in 09, done late in 10 (done in between)
 *   YT1 in time, overdue in 10, done late in 11     YT2 (Quý III/2025) in time, then overdue in 10 and 11, no plan
 *   YT3 recurring, dropped from the 11 return        YT4, YT5 new in 11 (due 10/12 and 31/12/2025)
 *
 * Bộ Nội vụ's rows are re-ordered and renumbered in 10 and 11.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath, writeAppendix, type RowSpec } from '../fixtures/appendix';

export const PERIODS = [
  { period: '2025-09', asOf: '2025-09-15' },
  { period: '2025-10', asOf: '2025-10-15' },
  { period: '2025-11', asOf: '2025-11-15' },
] as const;

const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ'];

export const TASKS = {
  NV1: 'Xây dựng Kế hoạch chuyển đổi số năm 2025',
  NV2: 'Kết nối Cơ sở dữ liệu về lao động, việc làm với Cơ sở dữ liệu quốc gia về dân cư',
  NV3: 'Tích hợp dịch vụ công thiết yếu lên Cổng Dịch vụ công quốc gia',
  NV4: 'Hoàn thành sắp xếp các đơn vị sự nghiệp trực thuộc',
  NV5: 'Rà soát, đơn giản hoá thủ tục hành chính nội bộ',
  YT1: 'Triển khai thí điểm Hệ thống điều phối dữ liệu y tế',
  YT2: 'Liên thông dữ liệu giấy chứng sinh, giấy báo tử',
  YT3: 'Chỉ đạo các bệnh viện triển khai Bệnh án điện tử',
  YT4: 'Xây dựng Cơ sở dữ liệu tiêm chủng quốc gia',
  YT5: 'Số hoá hồ sơ sức khoẻ điện tử của người dân',
} as const;

type Row = [string, string, string, string, string | null, string | null];

function noiVu(i: 0 | 1 | 2): RowSpec[] {
  const nv1: Row = ['', TASKS.NV1, 'Bộ Nội vụ', '31/03/2025', 'Đã ban hành Kế hoạch', 'Đã hoàn thành'];
  const nv2: Row = ['', TASKS.NV2, 'Bộ Nội vụ', '30/06/2025', null, 'Chưa hoàn thành'];
  const nv3: Row = ['', TASKS.NV3, 'Bộ Nội vụ', '31/10/2025', i === 2 ? 'Dự kiến hoàn thành trong tháng 12/2025' : null, 'Đang thực hiện'];
  const nv4: Row = ['', TASKS.NV4, 'Bộ Nội vụ', i === 2 ? '31/12/2025' : '30/11/2025', null, i === 2 ? null : 'Đang thực hiện'];
  const nv5: Row = ['', TASKS.NV5, 'Bộ Nội vụ', '31/08/2025', i === 0 ? null : 'Đã ban hành Quyết định ngày 30/09/2025', i === 0 ? 'Đang thực hiện' : 'Đã hoàn thành quá hạn'];
  const a = i === 0 ? [nv1, nv2] : [nv2, nv1];
  const b = i === 0 ? [nv3, nv4, nv5] : i === 1 ? [nv5, nv4, nv3] : [nv5, nv3, nv4];
  const num = (rows: Row[]): Row[] => rows.map((r, k) => [String(k + 1), ...r.slice(1)] as Row);
  return [{ label: 'A', section: 'Nhiệm vụ chung' }, ...num(a), { label: 'B', section: 'Nhiệm vụ cụ thể' }, ...num(b)];
}

function yTe(i: 0 | 1 | 2): RowSpec[] {
  const rows: Row[] = [
    ['', TASKS.YT1, 'Bộ Y tế', '30/09/2025', i === 2 ? 'Đã triển khai ngày 05/11/2025' : null, i === 2 ? 'Đã hoàn thành quá hạn' : 'Đang thực hiện'],
    ['', TASKS.YT2, 'Bộ Y tế', 'Quý III/2025', i === 2 ? 'Đã liên thông tại 40 tỉnh' : null, i === 0 ? 'Đang thực hiện' : 'Chưa hoàn thành'],
  ];
  if (i < 2) rows.push(['', TASKS.YT3, 'Bộ Y tế', 'Thực hiện thường xuyên', null, 'Đang thực hiện']);
  else {
    rows.push(['', TASKS.YT4, 'Bộ Y tế', '10/12/2025', null, 'Đang thực hiện']);
    rows.push(['', TASKS.YT5, 'Bộ Y tế', '31/12/2025', null, 'Đang thực hiện']);
  }
  return rows.map((r, k) => [String(k + 1), ...r.slice(1)]);
}

/** Folder of period i's two returns. */
export async function periodFolder(i: 0 | 1 | 2, name = 'history'): Promise<string> {
  const dir = fixturePath(`${name}/tra-ve-${PERIODS[i].period}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await writeAppendix(join(dir, 'bo-noi-vu.xlsx'), { title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'], header: HEADER, rows: noiVu(i) });
  await writeAppendix(join(dir, 'bo-y-te.xlsx'), { sheet: 'Báo cáo', title: ['BỘ Y TẾ', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'], header: HEADER, rows: yTe(i) });
  return dir;
}
