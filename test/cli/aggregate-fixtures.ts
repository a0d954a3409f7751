/**
 * Submission folders for the aggregate tests, written as real .xlsx with the fixture builders.
 * Intended as-of date 2025-11-15. See aggregate.test.ts for the hand-computed expectations.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath, writeAppendix } from '../fixtures/appendix';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Ghi chú'];

/** Bộ Nội vụ, header at A5 under a title block: NV1 done, NV2 overdue 138 days, NV3 overdue 15, NV4 in time. */
async function noiVu(path: string): Promise<void> {
  await writeAppendix(path, {
    title: ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', '(Kèm theo Báo cáo của Bộ Nội vụ)'],
    header: HEADER,
    rows: [
      { label: 'A', section: 'Nhiệm vụ chung' },
      ['1', 'Xây dựng Kế hoạch chuyển đổi số năm 2025', 'Bộ Nội vụ', '31/03/2025', 'Đã ban hành Kế hoạch', 'Đã hoàn thành', null],
      ['2', 'Kết nối Cơ sở dữ liệu về lao động, việc làm với Cơ sở dữ liệu quốc gia về dân cư', 'Bộ Nội vụ', '30/06/2025', null, 'Chưa hoàn thành', null],
      { label: 'B', section: 'Nhiệm vụ cụ thể' },
      ['1', 'Tích hợp dịch vụ công thiết yếu lên Cổng Dịch vụ công quốc gia', 'Bộ Nội vụ', '31/10/2025', null, 'Đang thực hiện', null],
      ['2', 'Hoàn thành sắp xếp các đơn vị sự nghiệp trực thuộc', 'Bộ Nội vụ', '31/12/2025', null, 'Đang thực hiện', null],
    ],
  });
}

/** Bộ Y tế, header at B6 with a column-number row: YT1 done late, YT2 overdue 46 days, YT3 recurring. */
async function yTe(path: string, corrected: boolean): Promise<void> {
  await writeAppendix(path, {
    sheet: 'Báo cáo',
    at: 'B6',
    title: ['BỘ Y TẾ', 'Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'],
    header: HEADER,
    columnNumbers: true,
    rows: [
      ['1', 'Triển khai thí điểm Hệ thống điều phối dữ liệu y tế', 'Bộ Y tế', d('2025-09-30'), 'Đã triển khai ngày 15/10/2025', 'Đã hoàn thành quá hạn', null],
      ['2', 'Liên thông dữ liệu giấy chứng sinh, giấy báo tử', 'Bộ Y tế', 'Quý III/2025',
        corrected ? 'Đã liên thông tại 40 tỉnh' : null, corrected ? 'Đang thực hiện' : 'Chưa hoàn thành', null],
      ['3', 'Chỉ đạo các bệnh viện triển khai Bệnh án điện tử', 'Bộ Y tế', 'Thực hiện thường xuyên', null, 'Đang thực hiện', null],
    ],
  });
}

/**
 * Hà Nội, two-row merged header at A4: HN1 overdue 31 days, HN2 led by Bộ Tài chính and Bộ Nội vụ
 * overdue 46 days, HN3 blank status not yet due.
 */
async function haNoi(path: string): Promise<void> {
  await writeAppendix(path, {
    sheet: 'Sheet1',
    title: ['DANH MỤC NHIỆM VỤ', '(Kèm theo Báo cáo của UBND thành phố Hà Nội)'],
    at: 'A4',
    header: [
      ['TT', 'Nội dung\nnhiệm vụ', 'Cơ quan thực hiện', null, 'Thời gian\nhoàn thành', 'Tình hình thực hiện', null],
      [null, null, 'Chủ trì', 'Phối hợp', null, 'Kết quả', 'Tiến độ'],
    ],
    rows: [
      { label: 'I', section: 'NHIỆM VỤ CỦA THÀNH PHỐ', merge: 'full' },
      ['1', 'Làm sạch dữ liệu hộ tịch trên địa bàn', 'Thành phố Hà Nội', 'Bộ Tư pháp', '15/10/2025', null, 'Chưa hoàn thành'],
      ['2', 'Triển khai thu thuế hộ kinh doanh không dùng tiền mặt', 'Bộ Tài chính, Bộ Nội vụ', null, '30/09/2025', null, 'Chưa hoàn thành'],
      ['3', 'Vận hành Trung tâm giám sát, điều hành thông minh', 'Thành phố Hà Nội', null, '31/12/2025', null, null],
    ],
  });
}

async function noTable(path: string): Promise<void> {
  await writeAppendix(path, { sheets: [{ sheet: 'Công văn', plain: [['BỘ XÂY DỰNG'], ['V/v gửi báo cáo'], ['Kính gửi: Văn phòng Chính phủ']] }] });
}

function setTime(path: string, iso: string): void {
  utimesSync(path, d(iso), d(iso));
}

/** The three good submissions only (exit 0). */
export async function cleanFolder(name = 'aggregate-clean'): Promise<string> {
  const dir = fixturePath(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await noiVu(join(dir, 'bo-noi-vu.xlsx'));
  await yTe(join(dir, 'bo-y-te.xlsx'), false);
  await haNoi(join(dir, 'ha-noi.xlsx'));
  return dir;
}

/**
 * Good files + a corrected Bộ Y tế (newer), an identical copy of Bộ Nội vụ in a sub-folder (older),
 * and bad files: truncated zip, 0 bytes, a text file named .xlsx, a legacy .xls, a workbook
 * without a table; plus a lock file and a hidden file that must be ignored.
 */
export async function mixedFolder(name = 'aggregate-mixed'): Promise<string> {
  const dir = fixturePath(name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'ban-sao'), { recursive: true });
  await noiVu(join(dir, 'bo-noi-vu.xlsx'));
  copyFileSync(join(dir, 'bo-noi-vu.xlsx'), join(dir, 'ban-sao', 'bo-noi-vu.xlsx'));
  await yTe(join(dir, 'bo-y-te.xlsx'), false);
  await yTe(join(dir, 'bo-y-te-sua.xlsx'), true);
  await haNoi(join(dir, 'ha-noi.xlsx'));
  await noTable(join(dir, 'cong-van.xlsx'));
  const good = readFileSync(join(dir, 'ha-noi.xlsx'));
  writeFileSync(join(dir, 'hong.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, 'rong.xlsx'), Buffer.alloc(0));
  writeFileSync(join(dir, 'ghi-chu.xlsx'), 'Đây là ghi chú, không phải tệp Excel.\n');
  writeFileSync(join(dir, 'cu.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
  writeFileSync(join(dir, '~$bo-noi-vu.xlsx'), 'lock');
  writeFileSync(join(dir, '.an.xlsx'), 'hidden');
  writeFileSync(join(dir, 'doc-truoc.txt'), 'not a spreadsheet');
  setTime(join(dir, 'ban-sao', 'bo-noi-vu.xlsx'), '2025-11-01');
  setTime(join(dir, 'bo-noi-vu.xlsx'), '2025-11-10');
  setTime(join(dir, 'bo-y-te.xlsx'), '2025-11-10');
  setTime(join(dir, 'bo-y-te-sua.xlsx'), '2025-11-12');
  return dir;
}
