/** Issue 9 in core, on strings: the status a result text states, and deadline extensions, in spellings the fixtures do not use. */
import { describe, expect, it } from 'vitest';
import { inferFromResult } from '../../core/status/infer';
import { parseDeadline } from '../../core/deadline';
import { mentionedExtension } from '../../core/deadline/extension';
import type { Progress } from '../../core/model';

describe('inferFromResult: opening, closing, labelled; nothing else', () => {
  it.each<[string, Progress | null, string | null]>([
    ['Đã hoàn thành. Bộ đã ban hành Quyết định số 12/QĐ-BYT', 'done', 'opening'],
    ['ĐÃ HOÀN THÀNH; Bộ đã gửi báo cáo Thủ tướng', 'done', 'opening'],
    ['Hoàn thành: đã ban hành Kế hoạch số 3/KH-UBND', 'done', 'opening'],
    ['Đã xong', 'done', 'opening'],
    ['Đang triển khai…', 'in_progress', 'opening'],
    ['Dang thuc hien, du kien xong trong Quy IV', 'in_progress', 'opening'],
    ['Đang xây dựng dự thảo Thông tư', 'in_progress', 'opening'],
    ['Chưa thực hiện do chưa bố trí kinh phí', 'not_done', 'opening'],
    ['Chưa triển khai (vướng mắc về cơ chế)', 'not_done', 'opening'],
    ['Bộ Y tế đã hoàn thành việc xây dựng Kế hoạch', 'done', 'opening'],
    ['UBND tỉnh chưa thực hiện', 'not_done', 'opening'],
    ['Hoàn thành một phần, còn 3 huyện', 'in_progress', 'opening'],
    ['Đã hoàn thành nhưng chậm so với yêu cầu', 'done_late', 'opening'],
    ['Ban hành Quyết định số 45/QĐ-UBND ngày 2/4/2025. Đã hoàn thành.', 'done', 'closing'],
    ['Đã trình Thủ tướng Chính phủ tại Tờ trình số 12/TTr-BTP (Đang thực hiện)', 'in_progress', 'closing'], // a done verb with an object in an open text is a step
    ['Đã hoàn thành. (Đang thực hiện)', null, null], // opening and closing disagree
    ['Sở Tư pháp đã tham mưu … Tình trạng: Chưa hoàn thành', 'not_done', 'label'],
    ['Bộ đã tổ chức hội nghị tập huấn', null, null],
    ['Đã hoàn thành dự thảo; đang lấy ý kiến', 'in_progress', 'closing'],
    ['Đã hoàn thành dự thảo Nghị định, đang lấy ý kiến các bộ', null, null],
    ['Tổ chức 03 hội nghị; đạt 80% kế hoạch', null, null],
    ['', null, null],
  ])('%s → %s (%s)', (text, progress, place) => {
    const r = inferFromResult(text);
    expect(r?.progress ?? null).toBe(progress);
    expect(r?.place ?? null).toBe(place);
  });
});

describe('deadline extensions', () => {
  it.each<[string, string | null, 'requested' | 'approved']>([
    ['31/10/2025 (đã đề nghị lùi đến 30/11/2025)', '2025-10-31', 'requested'],
    ['Quý III/2025 - Bộ đã có văn bản xin gia hạn đến Quý IV/2025', '2025-09-30', 'requested'],
    ['30/9/2025 (kiến nghị điều chỉnh thời hạn sang tháng 12/2025)', '2025-09-30', 'requested'],
    ['Tháng 6/2025; đã được Phó Thủ tướng đồng ý cho lùi đến tháng 10/2025', '2025-10-31', 'approved'],
    ['30/6/2025 (được VPCP chấp thuận gia hạn đến 31/12/2025)', '2025-12-31', 'approved'],
    ['Năm 2025 (gia hạn theo Thông báo số 45/TB-VPCP ngày 3/3/2025 đến 30/6/2026)', '2026-06-30', 'approved'],
  ])('%s → due %s (%s)', (text, due, state) => {
    const d = parseDeadline(text);
    expect(d.due).toBe(due);
    expect(d.extension?.state).toBe(state);
  });

  it('a plain deadline has no extension; "hoàn thành" is not "hoãn"', () => {
    expect(parseDeadline('Hoàn thành trong Quý IV/2025').extension).toBeUndefined();
    expect(parseDeadline('Trình Thủ tướng, hoàn thành tháng 10/2025')).toMatchObject({ due: '2025-10-31' });
    expect(parseDeadline('Trình Thủ tướng, hoàn thành tháng 10/2025').extension).toBeUndefined();
  });

  it('in a note or result cell only when the words name the deadline', () => {
    expect(mentionedExtension('Đã được Thủ tướng đồng ý gia hạn đến 31/12/2025')).toEqual({ state: 'approved', newDue: '2025-12-31' });
    expect(mentionedExtension('Bộ đề nghị lùi thời hạn đến Quý I/2026')).toEqual({ state: 'requested', newDue: '2026-03-31' });
    expect(mentionedExtension('Bộ đề nghị điều chỉnh quy hoạch vùng')).toBeNull();
    expect(mentionedExtension('Đã hoàn thành đúng hạn')).toBeNull();
  });
});
