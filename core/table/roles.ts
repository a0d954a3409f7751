import type { ColumnRole } from '../model';

/** The standard Vietnamese name of each column role, as the report template words it. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  stt: 'STT',
  task: 'Tên nhiệm vụ',
  lead: 'Đơn vị chủ trì',
  co: 'Đơn vị phối hợp',
  deadline: 'Thời hạn',
  result: 'Kết quả thực hiện',
  status: 'Tiến độ',
  note: 'Ghi chú',
  id: 'Mã nhiệm vụ',
};
