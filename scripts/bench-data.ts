/** The benchmark's input: 3,321 commune workbooks of 60 rows and one 20,000-row national workbook (cached in bench-data/). */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawXlsx, type RawCell } from './bench-xlsx';

export const COMMUNES = 3321;
export const COMMUNE_ROWS = 60;
export const NATIONAL_ROWS = 20_000;
const VERSION = 'v1';

const PROVINCES = ['Tỉnh Nghệ An', 'Thành phố Hà Nội', 'Tỉnh Lào Cai', 'Tỉnh Thanh Hóa', 'Tỉnh Quảng Ninh', 'Thành phố Hồ Chí Minh',
  'Thành phố Đà Nẵng', 'Tỉnh Gia Lai', 'Tỉnh Đắk Lắk', 'Thành phố Cần Thơ', 'Tỉnh An Giang', 'Tỉnh Lâm Đồng'];
const MINISTRIES = ['Bộ Nội vụ', 'Bộ Y tế', 'Bộ Khoa học và Công nghệ', 'Bộ Tài chính', 'Bộ Công an', 'Bộ Tư pháp',
  'Bộ Giáo dục và Đào tạo', 'Bộ Xây dựng', 'Bộ Nông nghiệp và Môi trường', 'Bộ Công Thương'];
const VERBS = ['Xây dựng', 'Triển khai', 'Hoàn thành', 'Rà soát', 'Nâng cấp', 'Tích hợp', 'Số hóa', 'Kết nối, chia sẻ', 'Tuyên truyền, hướng dẫn', 'Đẩy mạnh'];
const OBJECTS = ['Kế hoạch chuyển đổi số năm 2025', 'dữ liệu hộ tịch, đất đai trên địa bàn', 'dịch vụ công trực tuyến toàn trình',
  'Hệ thống thông tin giải quyết thủ tục hành chính', 'hồ sơ công việc trên môi trường mạng', 'thanh toán không dùng tiền mặt',
  'ứng dụng VNeID cho người dân', 'Cơ sở dữ liệu quốc gia về dân cư', 'chữ ký số cho cán bộ, công chức', 'Trung tâm giám sát, điều hành thông minh'];
const STATUSES = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành', 'Đã hoàn thành quá hạn', '', 'Dang thuc hien', 'Hoàn thành', 'Đang triển khai'];
const DEADLINES: RawCell[] = [{ date: 45747 }, { date: 45838 }, { date: 45930 }, { date: 46022 }, 'Quý II/2025', 'Tháng 6/2025',
  'Thực hiện thường xuyên', '31/12/2025', 'Năm 2025', 'Tháng 12/2025 và những năm tiếp theo'];
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Ghi chú'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
}
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

function table(n: number, seed: number, lead: (i: number, r: () => number) => string, place: string): { rows: RawCell[][]; merges: string[] } {
  const r = rng(seed);
  const rows: RawCell[][] = [
    ['Phụ lục'], ['TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025'], [`(Kèm theo Báo cáo của ${place})`], [], HEADER,
  ];
  const merges = ['A1:H1', 'A2:H2', 'A3:H3'];
  let stt = 0;
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0 && n > 100) {
      rows.push([String.fromCharCode(65 + ((i / 500) % 26)), `Nhóm nhiệm vụ số ${i / 500 + 1}`]);
      merges.push(`B${rows.length}:H${rows.length}`);
      stt = 0;
    }
    stt++;
    const status = pick(r, STATUSES);
    rows.push([
      String(stt), `${pick(r, VERBS)} ${pick(r, OBJECTS)} (${place}, mục ${i + 1})`, lead(i, r), r() < 0.3 ? pick(r, MINISTRIES) : null,
      pick(r, DEADLINES), status && r() < 0.7 ? `Đã thực hiện đạt ${Math.floor(r() * 100)}% khối lượng, báo cáo ngày ${1 + (i % 28)}/10/2025` : null,
      status, r() < 0.1 ? 'Ghi chú' : null,
    ]);
  }
  return { rows, merges };
}

/** Writes the data unless a complete cached copy exists; returns the folder and the national file path. */
export function ensureBenchData(root: string): { communes: string; national: string; generated: boolean; seconds: number } {
  const communes = join(root, 'communes');
  const national = join(root, 'national', 'quoc-gia-20000.xlsx');
  const stamp = join(root, 'stamp.txt');
  const want = `${VERSION} ${COMMUNES}x${COMMUNE_ROWS} ${NATIONAL_ROWS}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return { communes, national, generated: false, seconds: 0 };
  const t0 = performance.now();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(communes, { recursive: true });
  mkdirSync(join(root, 'national'), { recursive: true });
  for (let i = 0; i < COMMUNES; i++) {
    const province = PROVINCES[i % PROVINCES.length];
    const place = `UBND xã số ${i + 1}, ${province}`;
    const { rows, merges } = table(COMMUNE_ROWS, i + 1, () => province, place);
    const dir = join(communes, province.replace(/\s+/g, '-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `xa-${String(i + 1).padStart(4, '0')}.xlsx`), rawXlsx('Phụ lục', rows, merges));
  }
  const { rows, merges } = table(NATIONAL_ROWS, 99_991, (_i, r) => (r() < 0.5 ? pick(r, MINISTRIES) : pick(r, PROVINCES)), 'Văn phòng Chính phủ');
  writeFileSync(national, rawXlsx('Tổng hợp', rows, merges));
  writeFileSync(stamp, want);
  return { communes, national, generated: true, seconds: (performance.now() - t0) / 1000 };
}
