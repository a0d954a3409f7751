/**
 * The e2e fixture: a messy appendix workbook (title block, two-row merged header at B5, merged
 * section rows, blank and odd statuses, an Excel date, hostile text) written as a real .xlsx,
 * then read back with ExcelJS into the stand-in's seed (what Office.js would report: values with
 * dates as serial numbers, number formats, fonts, merged areas).
 */
import ExcelJS from 'exceljs';
import { writeAppendix } from '../fixtures/appendix';

export interface SeedSheet {
  name: string;
  cells: (string | number | boolean | null)[][];
  formats: (string | null)[][];
  fonts: ({ name?: string; bold?: boolean } | null)[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

// Not a status word ("Đang chờ …" now has a documented reading, issue 9): stays UNKNOWN_STATUS.
export const HOSTILE_STATUS = 'Xem phụ lục <img src=x onerror="window.__pwned=1">';
export const FORMULA_TASK = '=HYPERLINK("http://vi.du","Bấm vào đây") lập hồ sơ';

export async function writeFixture(path: string): Promise<string> {
  return writeAppendix(path, {
    sheets: [
      {
        sheet: 'Phụ lục',
        title: ['PHỤ LỤC', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO'],
        at: 'B5',
        header: [
          ['STT', 'Tên nhiệm vụ', 'Cơ quan thực hiện', null, 'Thời hạn\nhoàn thành', 'Kết quả thực hiện', 'Tiến độ'],
          [null, null, 'Chủ trì', 'Phối hợp', null, null, null],
        ],
        rows: [
          { label: 'A', section: 'NHIỆM VỤ CHUNG' },
          ['1', 'Rà soát, hoàn thiện thể chế', 'Bộ Tư pháp', 'Các bộ, ngành', new Date(Date.UTC(2025, 9, 31)), 'Đã ban hành Quyết định số 12/QĐ-BTP ngày 20/10/2025', 'Đã hoàn thành'],
          ['2', 'Xây dựng Đề án chuyển đổi số', 'Bộ Khoa học và Công nghệ', null, '30/09/2025', 'Đang lấy ý kiến', 'Đang thực hiện'],
          ['3', 'Tổng kết Nghị quyết', 'Bộ Nội vụ', null, 'Tháng 12/2025', null, null],
          { label: 'B', section: 'NHIỆM VỤ CỤ THỂ' },
          ['4', 'Báo cáo tình hình giải ngân', 'Bộ Tài chính', null, '20/11/2025', null, 'Đang triển khai'],
          ['5', 'Kiểm tra công tác phòng chống thiên tai', 'Bộ Nông nghiệp và Môi trường', null, 'Thực hiện thường xuyên', null, 'Đang thực hiện'],
          ['6', FORMULA_TASK, 'Bộ Y tế', null, '15/08/2025', 'Đã trình Thủ tướng ngày 10/09/2025', 'Hoàn thành quá hạn'],
          ['7', 'Sắp xếp đơn vị sự nghiệp', 'Bộ Xây dựng', null, '31/12/2025', null, HOSTILE_STATUS],
          ['8', 'Sửa đổi Luật Ban hành văn bản', 'Bộ Tư pháp', null, '31/10/2025', null, null],
        ],
        below: ['Ghi chú: số liệu do các bộ báo cáo.'],
      },
      { sheet: 'Trống', plain: [] },
      { sheet: 'Tổng hợp', plain: [['Số liệu tự tổng hợp của người dùng']] },
    ],
  });
}

function plain(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return null;
  }
  return v;
}

/** Reads every sheet of the workbook the way Office.js would present it. */
export async function readSeed(path: string): Promise<SeedSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const sheet: SeedSheet = { name: ws.name, cells: [], formats: [], fonts: [], merges: [] };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        ((sheet.cells[r - 1] ??= [])[c - 1] = plain(cell.value));
        if (cell.numFmt) (sheet.formats[r - 1] ??= [])[c - 1] = cell.numFmt;
        if (cell.font?.name || cell.font?.bold) (sheet.fonts[r - 1] ??= [])[c - 1] = { name: cell.font.name, bold: !!cell.font.bold };
      });
    });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const m of merges) {
      const [a, b] = m.split(':');
      const pos = (x: string) => {
        const mm = /^([A-Z]+)(\d+)$/.exec(x)!;
        return { r: Number(mm[2]) - 1, c: [...mm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
      };
      const p = pos(a);
      const q = pos(b ?? a);
      sheet.merges.push({ top: p.r, left: p.c, bottom: q.r, right: q.c });
    }
    // dense rows (JSON has no holes)
    const fill = <T>(g: T[][], blank: T) => {
      for (let r = 0; r < g.length; r++) {
        g[r] = Array.from(g[r] ?? [], (x) => (x === undefined ? blank : x));
      }
    };
    fill(sheet.cells, null);
    fill(sheet.formats, null);
    fill(sheet.fonts, null);
    return sheet;
  });
}
