import { describe, expect, it } from 'vitest';
import { keyDigest, taskDigest } from '../../batch/read-one';
import { taskKey } from '../../core/taskkey';
import { cyrb53 } from '../../report/duplicate-files';

/** keyDigest as first written: two cyrb53 passes over the built key. */
const twoPasses = (key: string): string => cyrb53(key, 0).toString(36).padStart(11, '0') + cyrb53(key, 0x9e3779b9).toString(36).padStart(11, '0');

describe('task key digests', () => {
  const sections = [null, '', 'A. NHIỆM VỤ CHUNG', 'II - Nhiệm vụ cụ thể', 'Phần I: Tổ chức', 'Nhiệm vụ khác'];
  const texts = ['', ' ', 'Xây dựng  Hệ thống thông tin ⁽¹⁾', 'Rà soát, đánh giá; KH&CN', 'a\u0301b ĳ ǆ K Å', 'Ελληνικά Σ', '中文 mixed 12',
    '\ud83d\ude00 emoji', 'x\u200by', 'Tiếng Việt – “ngoặc” … '.repeat(40), 'ŉ İ ǅ ǈ ﬁ'];
  const ids = [null, '', 'CT07-C-01', '  ID-2 '];

  it('taskDigest(t) is keyDigest(taskKey(t)), and keyDigest is the two-pass digest', () => {
    let n = 0;
    for (const section of sections) {
      for (const task of texts) {
        for (const taskId of ids) {
          const t = { section, task, taskId };
          const key = taskKey(t);
          expect(keyDigest(key)).toBe(twoPasses(key));
          expect(taskDigest(t), JSON.stringify(t)).toBe(twoPasses(key));
          n++;
        }
      }
    }
    expect(n).toBe(sections.length * texts.length * ids.length);
    expect(keyDigest('')).toBe(twoPasses(''));
    expect(taskDigest({ section: 'A. X', task: 'Một', taskId: null })).not.toBe(taskDigest({ section: 'B. X', task: 'Một', taskId: null }));
  });
});

describe('digest digits', () => {
  it('writes toString(36) padded to 11 digits, at the ends of the 53-bit range too', () => {
    const keys = ['', 'a', 'id:X', 'B|xay dung', 'ẞ'.repeat(300)];
    for (let i = 0; i < 5000; i++) keys.push(`k${i}|${(i * 7919).toString(36)}`);
    for (const k of keys) expect(keyDigest(k)).toBe(twoPasses(k));
  });
});
