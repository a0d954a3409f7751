/**
 * Regenerate the bundled sample submissions in samples/ (committed; `npm run tiendo -- aggregate`
 * with no input runs on them): ministries and provinces returning the Chỉ thị 07/CT-TTg appendix,
 * messy on purpose. Run: npx tsx scripts/make-samples.ts   (intended as-of date: 2025-11-15)
 *
 *   bo-noi-vu.xlsx                 standard header at A5, sections A/B merged, one misspelled and one blank status
 *   bo-y-te.xlsx                   title in B1:B4, header at B6, column-number row, lead unit merged over 3 rows, Excel dates
 *   bo-y-te_ban-sua.xlsx           Bộ Y tế's corrected re-submission (newer): one status changed → RESUBMISSION_CONFLICT
 *   bo-khoa-hoc-va-cong-nghe.xlsx  typed in TCVN3 (.VnTime / .VnTimeH)
 *   bo-tai-chinh.xlsx              two-row merged header at A4, statuses without diacritics
 *   tinh-nghe-an.xlsx              an instructions sheet first; header "TT | Nội dung nhiệm vụ | Cơ quan chủ trì…", status before result
 *   thanh-pho-ha-noi.xlsx          header at C8, text dates, full-width section rows, recurring tasks
 *   tinh-lao-cai.xlsx              decomposed (NFD) Unicode, capitals in statuses
 *   bo-xay-dung.xlsx               truncated download (corrupt zip) → rejected
 *   bao-cao-cu.xls                 legacy .xls → rejected
 *   cong-van-kem-theo.xlsx         a cover letter without a task table → rejected
 */
import { readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAppendix, type RowSpec } from '../test/fixtures/appendix';
import { encodeLegacy } from '../test/support/legacy';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../samples');
/** Returns a unit would send: messy on purpose but readable (the default input of `aggregate`). */
const OUT = join(ROOT, 'bao-cao');
/** Inputs that must be rejected, one message each, while the rest is aggregated. */
const BAD = join(ROOT, 'tep-loi');
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Ghi chú'];
const title = (unit: string, so: string): string[] =>
  ['Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TẠI CHỈ THỊ SỐ 07/CT-TTg NĂM 2025', `(Kèm theo Báo cáo số ${so} ngày 10/11/2025 của ${unit})`];

async function boNoiVu(): Promise<void> {
  await writeAppendix(join(OUT, 'bo-noi-vu.xlsx'), {
    title: title('Bộ Nội vụ', '512/BC-BNV'),
    header: HEADER,
    rows: [
      { label: 'A', section: 'Nhiệm vụ chung của các bộ, ngành, địa phương' },
      ['1', 'Xây dựng Kế hoạch triển khai trong năm 2025 theo hướng “rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm”', 'Bộ Nội vụ', 'Tháng 3/2025', 'Đã ban hành Kế hoạch số 88/KH-BNV ngày 25/3/2025', 'Đã hoàn thành', null],
      ['2', 'Tất cả lãnh đạo, cán bộ, công chức phải xử lý hồ sơ công việc trên môi trường mạng và sử dụng chữ ký số', 'Bộ Nội vụ', 'Tháng 6/2025', 'Đạt 92% hồ sơ xử lý trên môi trường mạng', 'Đang thực hiện', null],
      { label: 'B', section: 'Nhiệm vụ cụ thể của các bộ, ngành' },
      ['1', 'Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu về lao động, việc làm', 'Bộ Nội vụ', 'Tháng 6/2025', 'Đang kiểm thử kết nối', 'Chưa hoàn thành', null],
      ['2', 'Tích hợp dịch vụ công thiết yếu lên Cổng Dịch vụ công quốc gia', 'Bộ Nội vụ', '30/9/2025', null, 'Dang thuc hien', null],
      ['3', 'Hoàn thành sắp xếp lại các đơn vị sự nghiệp công lập trực thuộc', 'Bộ Nội vụ', 'Quý IV/2025', null, null, 'Chưa cập nhật'],
      ['4', 'Tổ chức đào tạo, bồi dưỡng kỹ năng số cho đội ngũ cán bộ, công chức, viên chức', 'Bộ Nội vụ', 'Thực hiện thường xuyên', 'Đã tổ chức 12 lớp', 'Đang thực hiện', null],
    ],
    widths: [6, 60, 20, 16, 40, 18, 16],
  });
}

function yTeRows(corrected: boolean): RowSpec[] {
  return [
    { section: 'Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo', merge: false, bold: false },
    ['1', 'Xây dựng Kế hoạch triển khai Đề án 06 năm 2025', { v: 'Bộ Y tế', rowSpan: 3 }, d('2025-03-31'), 'Đã ban hành Kế hoạch số 245/KH-BYT ngày 20/3/2025', 'Đã hoàn thành', null],
    ['2', 'Triển khai thí điểm Hệ thống điều phối dữ liệu y tế', null, d('2025-06-30'), 'Đã triển khai tại Bệnh viện Bạch Mai ngày 15/7/2025', 'Đã hoàn thành quá hạn', null],
    ['3', 'Tích hợp 04 dịch vụ công thiết yếu lên Cổng Dịch vụ công quốc gia', null, d('2025-09-30'),
      corrected ? 'Đã tích hợp đủ 04 dịch vụ ngày 05/11/2025' : 'Đã tích hợp 02/04 dịch vụ', corrected ? 'Đã hoàn thành quá hạn' : 'Đang thực hiện', null],
    ['4', 'Chỉ đạo các bệnh viện triển khai Bệnh án điện tử', 'Bộ Y tế', 'Thực hiện thường xuyên', 'Đã có 120 bệnh viện triển khai', 'Đang thực hiện', 'Báo cáo hằng quý'],
    ['5', 'Liên thông dữ liệu giấy chứng sinh, giấy báo tử với Cơ sở dữ liệu quốc gia về dân cư', 'Bộ Y tế', d('2025-12-31'), 'Đang phối hợp Bộ Công an', 'Đang thực hiện', null],
  ];
}

async function boYTe(name: string, corrected: boolean): Promise<void> {
  await writeAppendix(join(OUT, name), {
    sheet: 'Báo cáo',
    at: 'B6',
    title: ['BỘ Y TẾ', 'Phụ lục', 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO TẠI CHỈ THỊ SỐ 07/CT-TTg',
      `(Kèm theo Báo cáo số ${corrected ? '1290' : '1234'}/BC-BYT ngày ${corrected ? '12' : '10'}/11/2025 của Bộ Y tế)`],
    header: HEADER,
    columnNumbers: true,
    rows: yTeRows(corrected),
    widths: [6, 50, 14, 14, 40, 20, 18],
  });
}

async function boKhcn(): Promise<void> {
  await writeAppendix(join(OUT, 'bo-khoa-hoc-va-cong-nghe.xlsx'), {
    title: title('Bộ Khoa học và Công nghệ', '77/BC-BKHCN'),
    header: HEADER,
    font: '.VnTime',
    fontUpper: '.VnTimeH',
    encode: (s) => encodeLegacy(s, 'tcvn3'),
    rows: [
      { label: 'A', section: 'Nhiệm vụ chung của các bộ, ngành, địa phương' },
      ['1', 'Xây dựng Kế hoạch ứng dụng dữ liệu đã số hóa để cắt giảm thành phần hồ sơ', 'Bộ Khoa học và Công nghệ', 'Tháng 3/2025', 'Đã ban hành Quyết định số 1234/QĐ-BKHCN', 'Đã hoàn thành', null],
      ['2', 'Rà soát tổng thể các hạng mục công nghệ thông tin cần đầu tư', 'Bộ Khoa học và Công nghệ', 'Quý II/2025', 'Đang tổng hợp', 'Đang thực hiện', null],
      { label: 'B', section: 'Nhiệm vụ cụ thể của các bộ, ngành' },
      ['1', 'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính bảo đảm hoạt động 24/7', 'Bộ Khoa học và Công nghệ', 'Tháng 8/2025', null, 'Chưa hoàn thành', null],
      ['2', 'Phát triển chữ ký số cá nhân, bảo đảm trên 50% dân số trưởng thành có chữ ký số', 'Bộ Khoa học và Công nghệ', 'Tháng 12/2025', 'Mới đạt 33%', 'Đang thực hiện', null],
    ],
    widths: [6, 60, 24, 16, 36, 18, 12],
  });
}

async function boTaiChinh(): Promise<void> {
  await writeAppendix(join(OUT, 'bo-tai-chinh.xlsx'), {
    sheet: 'Sheet1',
    title: ['DANH MỤC NHIỆM VỤ CỦA BỘ TÀI CHÍNH', '(Kèm theo Công văn số 45/BTC-CĐS ngày 11/11/2025)'],
    at: 'A4',
    header: [
      ['TT', 'Nội dung\nnhiệm vụ', 'Cơ quan thực hiện', null, 'Thời gian\nhoàn thành', 'Tình hình thực hiện', null, 'Ghi chú'],
      [null, null, 'Chủ trì', 'Phối hợp', null, 'Kết quả', 'Tiến độ', null],
    ],
    columnNumbers: 'plain',
    rows: [
      { label: 'I', section: 'NHIỆM VỤ VỀ THỂ CHẾ', merge: 'full' },
      ['1', 'Xây dựng Kế hoạch đẩy mạnh thanh toán không dùng tiền mặt', 'Bộ Tài chính', 'Bộ Công an', 'Tháng 3/2025', 'Đã ban hành Kế hoạch', 'Hoan thanh', null],
      ['2', 'Xây dựng Hệ thống thông tin đăng ký quản lý đầu tư của doanh nghiệp nước ngoài', 'Bộ Tài chính', 'Bộ Công an', 'Tháng 6/2025', null, 'Chua hoan thanh', null],
      { label: 'II', section: 'NHIỆM VỤ VỀ DỮ LIỆU', merge: 'full' },
      ['1', 'Kết nối, đồng bộ dữ liệu mã số thuế, xuất nhập khẩu với Cơ sở dữ liệu quốc gia về dân cư', 'Bộ Tài chính', 'Bộ Công an', 'Tháng 7/2025', 'Đã kết nối dữ liệu mã số thuế', 'Dang trien khai', null],
      ['2', 'Triển khai thu thuế hộ kinh doanh qua ứng dụng VNeID', 'Bộ Tài chính', null, 'Quý I/2026', null, null, null],
    ],
  });
}

async function ngheAn(): Promise<void> {
  await writeAppendix(join(OUT, 'tinh-nghe-an.xlsx'), {
    sheets: [
      { sheet: 'Hướng dẫn', plain: [['Hướng dẫn điền biểu mẫu'], ['Cột Tiến độ chọn một trong các giá trị: Đã hoàn thành, Đang thực hiện, Chưa hoàn thành.']] },
      {
        sheet: 'Biểu 01',
        title: ['UBND TỈNH NGHỆ AN', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐỀ ÁN 06 NĂM 2025'],
        at: 'A4',
        header: ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tiến độ thực hiện', 'Kết quả đạt được'],
        rows: [
          ['1', 'Hoàn thành số hóa dữ liệu hộ tịch, đất đai trên địa bàn tỉnh', 'UBND tỉnh Nghệ An', 'Tháng 6/2025', 'Chưa hoàn thành', 'Đạt 85% dữ liệu đất đai'],
          ['2', 'Triển khai giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính', 'UBND tỉnh Nghệ An', 'Tháng 7/2025', 'Đã hoàn thành', 'Triển khai tại 100% xã'],
          ['3', 'Vận hành Trung tâm giám sát, điều hành thông minh (IOC) cấp tỉnh', 'UBND tỉnh Nghệ An', 'Tháng 9/2025', 'Đang thực hiện', null],
          ['4', 'Tuyên truyền, hướng dẫn người dân sử dụng ứng dụng VNeID', 'UBND tỉnh Nghệ An', 'Thực hiện thường xuyên', 'Đang thực hiện', null],
        ],
        widths: [6, 60, 22, 18, 18, 30],
      },
    ],
  });
}

async function haNoi(): Promise<void> {
  await writeAppendix(join(OUT, 'thanh-pho-ha-noi.xlsx'), {
    sheet: 'TH',
    at: 'C8',
    title: ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Phụ lục', 'BẢNG TỔNG HỢP TIẾN ĐỘ NHIỆM VỤ', '(Kèm theo Báo cáo số 402/BC-UBND ngày 09/11/2025)'],
    header: ['Số TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn hoàn thành', 'Kết quả', 'Tiến độ thực hiện'],
    rows: [
      { label: 'I', section: 'NHIỆM VỤ ĐƯỢC GIAO TẠI CHỈ THỊ 07/CT-TTg', merge: 'full' },
      ['1', 'Thúc đẩy thanh toán, chi trả không dùng tiền mặt, triển khai thu thuế hộ gia đình', 'UBND thành phố Hà Nội', 'Bộ Tài chính', '31/3/2025', 'Đã triển khai toàn thành phố', 'Đã hoàn thành'],
      ['2', 'Hoàn thành kết nối Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh với Cổng Dịch vụ công quốc gia', 'UBND thành phố Hà Nội', null, '30/6/2025', null, 'Đang thực hiện'],
      ['3', 'Làm sạch dữ liệu hôn nhân, hộ tịch phục vụ cắt giảm thủ tục hành chính', 'UBND thành phố Hà Nội', 'Bộ Tư pháp', '15/10/2025', 'Đã làm sạch 1.250.000 bản ghi', 'Đã hoàn thành quá hạn'],
      { label: 'II', section: 'NHIỆM VỤ THƯỜNG XUYÊN', merge: 'full' },
      ['1', 'Tổ chức đào tạo, tập huấn kỹ năng số cho người dân, doanh nghiệp', 'UBND thành phố Hà Nội', null, 'Thực hiện thường xuyên', 'Đã tổ chức 30 lớp', 'Đang thực hiện'],
      ['2', 'Xây dựng Hệ thống thông tin phục vụ giám sát dự án đầu tư công của Thành phố', 'UBND thành phố Hà Nội', null, '31/12/2025', null, 'Tạm dừng'],
    ],
    widths: [6, 60, 22, 18, 18, 30, 18],
  });
}

async function laoCai(): Promise<void> {
  await writeAppendix(join(OUT, 'tinh-lao-cai.xlsx'), {
    title: ['UBND TỈNH LÀO CAI', 'Phụ lục', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025'],
    header: HEADER,
    encode: (s) => s.normalize('NFD'),
    rows: [
      ['1', 'Cung cấp dịch vụ công trực tuyến toàn trình cho người nước ngoài sinh sống, làm việc tại tỉnh', 'UBND tỉnh Lào Cai', 'Tháng 6/2025', null, 'CHƯA HOÀN THÀNH', null],
      ['2', 'Tái cấu trúc quy trình để cắt giảm giấy tờ khi dữ liệu đất đai đã được số hóa', 'UBND tỉnh Lào Cai', 'Tháng 9/2025', 'Đã cắt giảm 35 thủ tục', 'ĐÃ HOÀN THÀNH', null],
      ['3', 'Đảm bảo 100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến', 'UBND tỉnh Lào Cai', 'Tháng 12/2025', null, 'Đang thực hiện', null],
    ],
  });
}

async function noTable(): Promise<void> {
  await writeAppendix(join(BAD, 'cong-van-kem-theo.xlsx'), {
    sheets: [{ sheet: 'Công văn', plain: [['BỘ XÂY DỰNG'], ['Số: 210/BXD-VP'], ['V/v gửi báo cáo tình hình thực hiện Chỉ thị 07/CT-TTg'], ['Kính gửi: Văn phòng Chính phủ'], ['Bộ Xây dựng gửi kèm báo cáo theo yêu cầu.']] }],
  });
}

async function corrupt(): Promise<void> {
  const tmp = join(BAD, 'bo-xay-dung.tmp.xlsx');
  await writeAppendix(tmp, { title: title('Bộ Xây dựng', '210/BC-BXD'), header: HEADER, rows: [['1', 'Số hóa hồ sơ cấp phép xây dựng', 'Bộ Xây dựng', 'Tháng 6/2025', null, 'Đang thực hiện', null]] });
  const bytes = readFileSync(tmp);
  writeFileSync(join(BAD, 'bo-xay-dung.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  rmSync(tmp);
}

function legacyXls(): void {
  // An OLE2 compound file header (what Excel 97-2003 writes), padded: enough for any reader to recognise a .xls.
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096 - head.length, 0);
  body.writeUInt16LE(0x003e, 16); // minor version
  body.writeUInt16LE(0x0003, 18); // major version 3
  body.writeUInt16LE(0xfffe, 20); // byte order
  writeFileSync(join(BAD, 'bao-cao-cu.xls'), Buffer.concat([head, body]));
}

async function main(): Promise<void> {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  mkdirSync(BAD, { recursive: true });
  await boNoiVu();
  await boYTe('bo-y-te.xlsx', false);
  await boYTe('bo-y-te_ban-sua.xlsx', true);
  await boKhcn();
  await boTaiChinh();
  await ngheAn();
  await haNoi();
  await laoCai();
  await noTable();
  await corrupt();
  legacyXls();
  // The correction is newer (a fresh clone loses mtimes; the later path then wins the tie).
  utimesSync(join(OUT, 'bo-y-te.xlsx'), d('2025-11-10'), d('2025-11-10'));
  utimesSync(join(OUT, 'bo-y-te_ban-sua.xlsx'), d('2025-11-12'), d('2025-11-12'));
  writeFileSync(join(ROOT, 'README.md'), README);
  console.log(`samples/ written: ${ROOT}`);
}

const README = `# Bộ tệp mẫu / sample submissions

- \`bao-cao/\`: các tệp báo cáo mẫu (bộ, ngành, địa phương) dùng cho \`npm run tiendo -- aggregate\` khi không chỉ định đầu vào.
  Cố ý lộn xộn như thực tế: tiêu đề cột và vị trí bảng khác nhau, dòng mục gộp ô, tiến độ để trống hoặc viết sai,
  một tệp gõ bằng phông TCVN3, một bản sửa gửi lại (Bộ Y tế).
- \`tep-loi/\`: các tệp phải bị từ chối (một tệp hỏng, một tệp .xls cũ, một công văn không có bảng), mỗi tệp một thông báo,
  phần còn lại vẫn được tổng hợp: \`npm run tiendo -- aggregate samples --as-of 2025-11-15\` (mã thoát 1).

Generated by \`npx tsx scripts/make-samples.ts\` (do not edit by hand). Intended as-of date: 2025-11-15:

    npm run tiendo -- aggregate --as-of 2025-11-15
`;

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
