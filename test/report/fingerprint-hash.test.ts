import { describe, expect, it } from 'vitest';
import { cyrb53, fingerprint, fingerprintHash } from '../../report/duplicate-files';
import { foldKey, foldKeyCodes } from '../../core/text/normalize';
import { classifyRead, readSheet } from '../../core/table/read';
import type { Task } from '../../core/model';
import type { Grid } from '../../core/grid';

const gridFromRows = (name: string, rows: Grid['rows']): Grid => ({ name, rows, merges: [] });

describe('streamed fold and fingerprint hash', () => {
  it('foldKeyCodes gives exactly foldKey(s), on the fast and the slow path', () => {
    const texts = ['', ' ', '  Đã HOÀN thành, 31/12/2025 (100%)!  ', 'abc', '...abc', 'abc...', 'Ủy ban nhân dân ⁽²⁾ xã', 'a\u0301b ĳ ǆ K Å',
      'Tiếng Việt – “ngoặc” … ', 'x\u200by', 'Ελληνικά Σ', '中文 mixed 12', '\ud83d\ude00 emoji', 'a--b  c', 'ŉ İ ǅ ǈ ﬁ', 'x'.repeat(5000) + 'Ầ'];
    for (const s of texts) {
      expect(String.fromCharCode(...foldKeyCodes(s)), JSON.stringify(s)).toBe(foldKey(s));
    }
  });

  it('fingerprintHash equals cyrb53 of the fingerprint, with and without keys', () => {
    const grid = gridFromRows('Phụ lục', [
      ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Ghi chú'],
      [1, 'Xây dựng  Hệ thống thông tin ⁽¹⁾', 'Bộ Tài chính', 'Bộ Công an', '31/12/2025', 'Đã ban hành Quyết định số 12/QĐ-BTC ngày 10/10/2025', 'Đã hoàn thành', 'đề nghị lùi'],
      [2, 'Rà soát, đánh giá', 'UBND tỉnh Nghệ An', '', 'Quý IV/2025', '', 'Đang thực hiện', ''],
      [3, 'Chuyển đổi số – “tổng thể”', '', '', 'Hằng năm', 'Kết quả: 50%', '', 'x'],
    ]);
    const tasks: Task[] = classifyRead(readSheet(grid, { file: 'a.xlsx' }), '2025-11-15');
    expect(tasks.length).toBe(3);
    expect(fingerprintHash({ tasks })).toBe(cyrb53(fingerprint({ tasks })));
    const withExtra = tasks.map((t, i) => ({ ...t, extra: i === 0 ? { 'Ghi chú': 'Đề nghị', 'Bộ phận': 'Văn phòng' } : t.extra, taskId: i === 1 ? 'ID-2' : t.taskId }));
    expect(fingerprintHash({ tasks: withExtra })).toBe(cyrb53(fingerprint({ tasks: withExtra })));
    const keys = tasks.map((_, i) => `k${i}`);
    expect(fingerprintHash({ tasks, keys })).toBe(cyrb53(fingerprint({ tasks, keys })));
    expect(fingerprintHash({ tasks, keys })).not.toBe(fingerprintHash({ tasks }));
  });
});
