/** Vietnamese messages for what can go wrong, so the pane never shows a blank or a console-only error. */

/** An error whose message is already meant for the user. */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

const EXCEL_ERRORS: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
  RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi tới Excel quá lớn cho một lần ghi. Hãy chọn một vùng nhỏ hơn rồi thử lại.',
  ResponsePayloadSizeLimitExceeded: 'Trang tính quá lớn để đọc trong một lần. Hãy chọn vùng chứa bảng rồi chọn "Vùng chọn".',
  InvalidSelection: 'Vùng chọn không hợp lệ (nhiều vùng rời nhau?). Hãy chọn một vùng liền khối hoặc chọn "Cả trang tính".',
  ItemNotFound: 'Không tìm thấy trang tính hoặc ô cần dùng (có thể đã bị xoá hoặc đổi tên). Hãy bấm "Kiểm tra bảng" lại.',
  ItemAlreadyExists: 'Đã có một trang tính hoặc bảng trùng tên. Hãy đổi tên trang tính đó rồi thử lại.',
  AccessDenied: 'Excel không cho phép ghi: trang tính hoặc sổ làm việc đang được bảo vệ, hoặc tệp chỉ đọc.',
  InvalidArgument: 'Excel từ chối thao tác do tham số không hợp lệ (vùng chọn hoặc dữ liệu bất thường).',
  GeneralException: 'Excel gặp lỗi khi thực hiện thao tác. Hãy thử lại.',
  Unauthenticated: 'Phiên làm việc với Excel đã hết hạn. Hãy mở lại ngăn tác vụ.',
  ApiNotFound: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Office (cần ExcelApi 1.7 trở lên: Excel 2019, Microsoft 365 hoặc Excel trên web).',
};

/** The Vietnamese message for any error thrown by Excel, core or the pane. */
export function errorMessage(e: unknown): string {
  if (e instanceof PaneError) return e.message;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code && EXCEL_ERRORS[code]) return EXCEL_ERRORS[code];
  const detail = e instanceof Error ? e.message : String(e);
  return `Đã xảy ra lỗi không mong muốn${code ? ` (${code})` : ''}: ${detail}`;
}

export const MESSAGES = {
  noExcel: 'Ngăn tác vụ này cần chạy trong Excel (Microsoft 365, Excel 2019 trở lên hoặc Excel trên web).',
  noOfficeJs:
    'Không tải được thư viện Office.js của Microsoft (appsforoffice.microsoft.com), nên các nút bị khoá. '
    + 'Nếu mạng nội bộ chặn địa chỉ này, hãy nhờ quản trị mạng mở nó hoặc dùng bản office.js lưu nội bộ (xem hướng dẫn cài đặt); '
    + 'nếu bạn đang mở trang này ngoài Excel, hãy mở nó từ Excel (Trang đầu › Tiến độ nhiệm vụ).',
  tooOld:
    'Phiên bản Excel này thiếu chức năng tiendo cần (ExcelApi 1.7). Cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web; '
    + 'Excel 2016 không chạy được ngăn tác vụ này.',
  noTable:
    'Không tìm thấy bảng phụ lục trong trang tính này. Cần có hàng tiêu đề gồm ít nhất các cột "Tên nhiệm vụ" và "Tiến độ" (hoặc "Thời hạn").',
  emptySheet: 'Trang tính đang trống.',
  badDate: 'Ngày tính số liệu không hợp lệ. Hãy chọn lại ngày (dd/mm/yyyy).',
  badDays: 'Số ngày "sắp đến hạn" phải là số nguyên từ 0 đến 365.',
  noTasks: 'Bảng không có nhiệm vụ nào để phân loại.',
  protectedSheet: (sheet: string) =>
    `Trang tính "${sheet}" đang được bảo vệ (Review › Unprotect Sheet / Xem lại › Bỏ bảo vệ trang tính), nên tiendo không ghi gì vào đó. `
    + 'Hãy chọn "Sang trang tính mới" để ghi kết quả vào một trang tính riêng, hoặc bỏ bảo vệ rồi thử lại.',
  wouldOverwrite: (cells: string[]) =>
    `Không ghi: các ô ${cells.slice(0, 6).join(', ')}${cells.length > 6 ? ` và ${cells.length - 6} ô khác` : ''} đã có dữ liệu của bạn. `
    + 'tiendo không bao giờ ghi đè lên ô đã có dữ liệu. Hãy chọn "Sang trang tính mới", hoặc để trống các cột bên phải bảng.',
  selectionMissesColumns: (names: string, address: string) =>
    `Vùng chọn bỏ sót cột ${names} của bảng: phân loại sẽ sai nếu thiếu các cột này, nên tiendo chưa ghi gì. `
    + `Bấm "Mở rộng vùng chọn" để chọn cả bảng (${address}) rồi thử lại.`,
  replaceClassifySheet:
    'Trang tính "Phân loại (tiendo)" đã có. Ghi đè bằng kết quả mới? (Có thể hoàn tác bằng Ctrl+Z.)',
  replaceSummarySheet:
    'Trang tính "Tổng hợp (tiendo)" đã có và sẽ được thay bằng bản mới. Excel không hoàn tác (Ctrl+Z) được việc xoá trang tính, '
    + 'và các bước hoàn tác trước đó cũng mất. Tiếp tục?',
  cancelled: 'Đã huỷ: không có gì thay đổi.',
} as const;
