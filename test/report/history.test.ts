import { describe, expect, it } from 'vitest';
import defaults from '../../report/history/cham-diem.json';
import { hasRecoveryPlan, mentionsExtension } from '../../report/history/plan';
import { DEFAULT_WEIGHTS, parseWeights, ranks, scoreOf } from '../../report/history/score';
import { matchKey } from '../../report/history/rows';
import { formulaLines } from '../../report/history/sheets';

describe('recovery plan in the result text', () => {
  it.each([
    ['Dự kiến hoàn thành trong tháng 12/2025', true],
    ['Phấn đấu hoàn thành trước 31/12/2025', true],
    ['Đang hoàn thiện, trình Chính phủ trong Quý I/2026', true],
    ['Đã trình Thủ tướng ngày 15/10/2025', false],
    ['Đã liên thông tại 40 tỉnh', false],
    ['', false],
    ['Tháng 10/2025 đã xin ý kiến các bộ', false],
  ])('%s → %s', (text, want) => {
    expect(hasRecoveryPlan(text, '2025-11-15')).toBe(want);
  });

  it('extension wording', () => {
    expect(mentionsExtension('31/12/2025', 'Đã được Thủ tướng đồng ý gia hạn tại Văn bản số 123')).toBe(true);
    expect(mentionsExtension('Điều chỉnh thời hạn đến 31/12/2025')).toBe(true);
    expect(mentionsExtension('31/12/2025', 'Đang thực hiện')).toBe(false);
  });
});

describe('scoring', () => {
  it('the repository weights are the JSON file, checked', () => {
    expect(DEFAULT_WEIGHTS).toEqual({ doneOnTime: defaults.doneOnTime, doneLate: defaults.doneLate, openInTime: defaults.openInTime,
      openOverdue: defaults.openOverdue, unreported: defaults.unreported, chronicOverdue: defaults.chronicOverdue, chronicFromPeriods: defaults.chronicFromPeriods });
    expect(parseWeights({ ...defaults, doneLate: 'x' })).toEqual({ ok: false, message: 'cham-diem.json: thiếu hoặc sai trọng số "doneLate" (cần một số).' });
    expect(parseWeights({ ...defaults, chronicFromPeriods: 1 }).ok).toBe(false);
  });

  it('score = weighted points / scored tasks, clamped to 0..100, one decimal', () => {
    const w = { ...DEFAULT_WEIGHTS, doneOnTime: 100, doneLate: 70, openInTime: 80, openOverdue: 20, unreported: 0, chronicOverdue: -20, chronicFromPeriods: 3 };
    expect(scoreOf({ doneOnTime: 1, doneLate: 1, openInTime: 0, openOverdue: 2, unreported: 1, chronicOverdue: 1 }, w)).toBe(38);
    expect(scoreOf({ doneOnTime: 1, doneLate: 0, openInTime: 2, openOverdue: 0, unreported: 0, chronicOverdue: 0 }, w)).toBe(86.7);
    expect(scoreOf({ doneOnTime: 0, doneLate: 0, openInTime: 0, openOverdue: 1, unreported: 0, chronicOverdue: 1 }, { ...w, chronicOverdue: -50 })).toBe(0);
    expect(scoreOf({ doneOnTime: 0, doneLate: 0, openInTime: 0, openOverdue: 0, unreported: 0, chronicOverdue: 0 }, w)).toBeNull();
  });

  it('ties share a rank; unscored units are unranked', () => {
    expect([...ranks(new Map<string, number | null>([['A', 50], ['B', 80], ['C', 50], ['D', null], ['E', 10]]))])
      .toEqual([['A', 2], ['B', 1], ['C', 2], ['D', null], ['E', 4]]);
  });

  it('the Xếp hạng footer prints the weights used', () => {
    expect(formulaLines({ ...DEFAULT_WEIGHTS, doneLate: 65.5 })[0]).toContain('hoàn thành quá hạn 65,5');
  });
});

describe('matchKey', () => {
  it('the tiendo ID wins; otherwise sorted lead units and the task key', () => {
    expect(matchKey({ taskId: 'CT07-C-01', section: null, task: 'x', leadUnits: ['Bộ Y tế'] })).toBe('id:CT07-C-01');
    const a = matchKey({ taskId: null, section: 'B. Nhiệm vụ cụ thể', task: 'Xây dựng  Hệ thống', leadUnits: ['Bộ Y tế', 'Bộ Nội vụ'] });
    expect(a).toBe(matchKey({ taskId: null, section: 'B. Nhiệm vụ cụ thể', task: 'xây dựng hệ thống', leadUnits: ['Bộ Nội vụ', 'Bộ Y tế'] }));
    expect(a.startsWith('Bộ Nội vụ; Bộ Y tế|B|')).toBe(true);
  });
});
