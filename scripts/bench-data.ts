/** The benchmark's input: 3,321 commune workbooks of 60 rows and one 20,000-row national workbook (cached in bench-data/). */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawXlsx, type RawCell } from './bench-xlsx';
import { styledXlsx, type StyledCell, type StyledSheet } from './bench-xlsx-styled';
import { RESULT_SENTENCES } from './bench-phrases';
import { SEED000_ROWS } from '../test/fixtures/seed000-data';

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

// --- Realistic commune returns (issue 14): what Excel writes, with texts of seed length -------------------------

const REAL_VERSION = 'r1';
const COMMUNE_NAMES = ['Hưng Lộc', 'Nghi Phú', 'Diễn Châu', 'Quỳnh Lưu', 'Yên Thành', 'Đô Lương', 'Thanh Chương', 'Nam Đàn',
  'Hưng Nguyên', 'Anh Sơn', 'Con Cuông', 'Tân Kỳ', 'Nghĩa Đàn', 'Quỳ Hợp', 'Quế Phong', 'Kỳ Sơn', 'Tương Dương', 'Hoàng Mai',
  'Cửa Lò', 'Vinh Tân', 'Bến Thủy', 'Trường Vinh', 'Thành Vinh', 'Vinh Hưng', 'Vinh Phú', 'Vinh Lộc', 'Đại Huệ', 'Thiên Nhẫn'];
/** Task texts of the Chỉ thị 07/CT-TTg appendix (seed 000), tags stripped. */
const SEED_TASKS: string[] = SEED000_ROWS.filter((r): r is string[] => r !== null && /^\d+$/.test(r[0]))
  .map((r) => r[1].replace(/<[^>]+>/g, '').trim()).filter((t) => t.length >= 60);
const REAL_STATUSES = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành', 'Đã hoàn thành quá hạn', '', 'Đang triển khai', 'Hoàn thành', 'Chưa thực hiện'];

/** Text of `min`–`max` characters made of whole phrases from `bank`, starting at a random phrase. */
function textOf(r: () => number, bank: readonly string[], min: number, max: number, lead = ''): string {
  const want = min + Math.floor(r() * (max - min));
  let s = lead;
  while (s.length < want) s += (s ? ' ' : '') + pick(r, bank as string[]);
  return s.length > max ? s.slice(0, max).replace(/\s+\S*$/, '') + '.' : s;
}

/** One commune's return: national/office headings, "Phụ lục" title block, header, 60 tasks, signature block. */
function realCommune(i: number, province: string): StyledSheet {
  const r = rng(7919 * (i + 1));
  const commune = `xã ${COMMUNE_NAMES[i % COMMUNE_NAMES.length]}${i >= COMMUNE_NAMES.length ? ` ${Math.floor(i / COMMUNE_NAMES.length) + 1}` : ''}`;
  const lead = `UBND ${commune}`;
  const t = (v: RawCell, look: 'title' | 'italic' | 'header' | 'body' | 'bold'): StyledCell => ({ v, look });
  const rows: StyledCell[][] = [
    [t(`ỦY BAN NHÂN DÂN\n${commune.toUpperCase()}`, 'title'), null, null, null, t('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc', 'title')],
    [],
    [t('Phụ lục', 'title')],
    [t('TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO NĂM 2025', 'title')],
    [t(`(Kèm theo Báo cáo số ${100 + (i % 800)}/BC-UBND ngày 12/11/2025 của UBND ${commune}, ${province})`, 'italic')],
    [],
    HEADER.map((h) => t(h, 'header')),
  ];
  const merges = ['A1:D1', 'E1:H1', 'A3:H3', 'A4:H4', 'A5:H5'];
  for (let k = 0; k < COMMUNE_ROWS; k++) {
    if (k === 0 || k === 30) {
      rows.push([t(k === 0 ? 'A' : 'B', 'bold'), t(k === 0 ? 'NHIỆM VỤ CHUNG' : 'NHIỆM VỤ CỤ THỂ', 'bold'), ...Array.from({ length: 6 }, () => t(null, 'bold'))]);
      merges.push(`B${rows.length}:H${rows.length}`);
    }
    const status = pick(r, REAL_STATUSES);
    rows.push([
      t(String(k + 1), 'body'),
      t(textOf(r, SEED_TASKS, 150, 400), 'body'),
      t(r() < 0.85 ? lead : `Công an ${commune}`, 'body'),
      t(r() < 0.4 ? pick(r, ['Văn phòng HĐND và UBND xã', 'Phòng Kinh tế', 'Phòng Văn hóa - Xã hội', 'Trung tâm Phục vụ hành chính công xã']) : null, 'body'),
      t(pick(r, DEADLINES), 'body'),
      t(status || r() < 0.5 ? textOf(r, RESULT_SENTENCES, 100, 600) : null, 'body'),
      t(status, 'body'),
      t(r() < 0.1 ? 'Đề nghị tỉnh hỗ trợ kinh phí' : null, 'body'),
    ]);
  }
  rows.push([], [null, null, null, null, null, t('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'title')], [], [], [null, null, null, null, null, t(`Nguyễn Văn ${String.fromCharCode(65 + (i % 20))}`, 'title')]);
  merges.push(`F${rows.length - 3}:H${rows.length - 3}`, `F${rows.length}:H${rows.length}`);
  return { name: 'Phụ lục', rows, merges, widths: [6, 48, 18, 18, 13, 52, 16, 14], headerRow: 7, app: i % 5 === 4 ? 'LibreOffice/7.5.9.2$Linux_X86_64 LibreOffice_project/cdeefe45c17511d326101eed8008ac4092f278a9' : 'Microsoft Excel' };
}

/** One realistic commune return as .xlsx bytes (the i-th of the set). */
export function realCommuneXlsx(i: number): Uint8Array {
  return styledXlsx(realCommune(i, PROVINCES[i % PROVINCES.length]));
}

/** The realistic commune set (bench-data/communes-real), written unless a complete cached copy exists. */
export function ensureRealBenchData(root: string): { dir: string; generated: boolean; seconds: number } {
  const dir = join(root, 'communes-real');
  const stamp = join(dir, 'stamp.txt');
  const want = `${REAL_VERSION} ${COMMUNES}x${COMMUNE_ROWS}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return { dir, generated: false, seconds: 0 };
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < COMMUNES; i++) {
    const province = PROVINCES[i % PROVINCES.length];
    const sub = join(dir, province.replace(/\s+/g, '-'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `xa-${String(i + 1).padStart(4, '0')}.xlsx`), realCommuneXlsx(i));
  }
  writeFileSync(stamp, want);
  return { dir, generated: true, seconds: (performance.now() - t0) / 1000 };
}
