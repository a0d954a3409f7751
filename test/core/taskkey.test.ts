import { describe, expect, it } from 'vitest';
import { taskKey } from '../../core/taskkey';

describe('taskKey', () => {
  it('uses the tiendo ID when present', () => {
    expect(taskKey({ taskId: 'CT07-B-21', section: 'B. Nhiệm vụ cụ thể', task: 'Bất kỳ' })).toBe('id:CT07-B-21');
  });

  it('folds the task text and keeps the section label', () => {
    const a = taskKey({ taskId: null, section: 'B. Nhiệm vụ cụ thể của các bộ, ngành', task: 'Xây dựng  Hệ thống thông tin, phục vụ giám sát.' });
    const b = taskKey({ taskId: null, section: 'B. NHIỆM VỤ CỤ THỂ', task: 'xây dựng hệ thống thông tin phục vụ giám sát' });
    expect(a).toBe('B|xay dung he thong thong tin phuc vu giam sat');
    expect(b).toBe(a);
  });

  it('keeps the same wording apart in two sections, and handles untitled sections', () => {
    const t = 'Tập trung hoàn thành rà soát, cập nhật Chiến lược dữ liệu';
    expect(taskKey({ taskId: null, section: 'A. Nhiệm vụ chung', task: t })).not.toBe(taskKey({ taskId: null, section: 'B. Nhiệm vụ cụ thể', task: t }));
    expect(taskKey({ taskId: null, section: 'Nhiệm vụ giao Bộ trưởng Bộ Y tế chỉ đạo', task: 'Việc Một' })).toBe('|viec mot');
    expect(taskKey({ taskId: null, section: 'II - Nhiệm vụ phối hợp', task: 'Việc một' })).toBe('II|viec mot');
    expect(taskKey({ taskId: null, section: null, task: 'Việc hoà' })).toBe(taskKey({ taskId: null, section: null, task: 'Việc hòa' }));
  });
});
