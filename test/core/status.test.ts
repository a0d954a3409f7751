import { describe, expect, it } from 'vitest';
import vocabulary from '../../core/data/statusVocabulary';
import { CATEGORY_LABELS, PROGRESS_LABELS, STANDARD_STATUSES, parseStatus, readStatus } from '../../core/status';
import { CATEGORY_KEYS, PROGRESS_KEYS, type Progress } from '../../core/model';

const p = (v: Parameters<typeof parseStatus>[0]) => parseStatus(v).progress;

describe('parseStatus: the common variants', () => {
  it.each<[string, Progress]>([
    ['Đã hoàn thành', 'done'],
    ['ĐÃ HOÀN THÀNH', 'done'],
    ['Hoàn thành', 'done'],
    ['Đã hoàn thành đúng hạn', 'done'],
    ['Hoàn thành trước hạn', 'done'],
    ['Đã hoàn thành quá hạn', 'done_late'],
    ['Hoàn thành quá hạn', 'done_late'],
    ['Đã hoàn thành quá \nhạn', 'done_late'],
    ['Đang triển khai', 'in_progress'],
    ['Đang thực hiện', 'in_progress'],
    ['Đang hoàn thành', 'in_progress'],
    ['Chưa hoàn thành', 'not_done'],
    ['Chưa thực hiện', 'not_done'],
    ['Chưa triển khai', 'not_done'],
    ['Quá hạn', 'not_done'],
    ['Dừng thực hiện', 'stopped'],
    ['Tạm dừng', 'stopped'],
  ])('%s → %s', (text, progress) => {
    expect(parseStatus(text)).toEqual({ progress, text: text.replace(/\s+/g, ' '), recognised: true });
  });
});

describe('parseStatus: tolerance', () => {
  it('case, stray punctuation, line breaks, HTML', () => {
    expect(p('đã hoàn thành')).toBe('done');
    expect(p('Đã Hoàn Thành.')).toBe('done');
    expect(p('- Đã hoàn thành;')).toBe('done');
    expect(p('(Đang thực hiện)')).toBe('in_progress');
    expect(p('Đang\nthực\r\nhiện')).toBe('in_progress');
    expect(p('<p>Đã hoàn thành</p>')).toBe('done');
    expect(parseStatus('  Đã  hoàn\n thành ').text).toBe('Đã hoàn thành');
  });

  it('missing diacritics and tone placement', () => {
    expect(p('da hoan thanh')).toBe('done');
    expect(p('DA HOAN THANH QUA HAN')).toBe('done_late');
    expect(p('dang thuc hien')).toBe('in_progress');
    expect(p('chua hoan thanh')).toBe('not_done');
    expect(p('Đã hòan thành')).toBe('done');
    expect(p('Đã hoàn thành'.normalize('NFD'))).toBe('done');
    expect(p('Dang thuc hien')).toBe('in_progress');
  });

  it('word order: "Quá hạn, chưa hoàn thành" = "Chưa hoàn thành, quá hạn"', () => {
    expect(p('Quá hạn, chưa hoàn thành')).toBe('not_done');
    expect(p('Chưa hoàn thành, quá hạn')).toBe('not_done');
    expect(readStatus('Quá hạn, chưa hoàn thành').timeliness).toBe('late');
    expect(p('Đã hoàn thành, quá hạn')).toBe('done_late');
    expect(p('Quá hạn, đã hoàn thành')).toBe('done_late');
  });

  it('longest phrase first: "chưa hoàn thành" never reads as "hoàn thành"', () => {
    expect(p('Chưa hoàn thành')).toBe('not_done');
    expect(p('Đang hoàn thành')).toBe('in_progress');
    expect(p('Không hoàn thành')).toBe('not_done');
    expect(p('Đề nghị dừng thực hiện')).toBe('not_done');
  });

  it('the first phrase that says what happened decides', () => {
    expect(p('Đang thực hiện, dự kiến hoàn thành tháng 12/2025')).toBe('in_progress');
    expect(p('Đã hoàn thành; đang theo dõi')).toBe('done');
  });

  it('"Hoàn thành 80%" is not finished', () => {
    expect(p('Hoàn thành 80%')).toBe('in_progress');
    expect(p('Hoàn thành 100%')).toBe('done');
    expect(p('Hoàn thành 99,5%')).toBe('in_progress');
    expect(p('Đã hoàn thành 2/3 nội dung')).toBe('in_progress');
    expect(p('Đã hoàn thành 3/3 nội dung')).toBe('done');
    expect(p('Đã hoàn thành (Quyết định số 123/QĐ-TTg)')).toBe('done');
  });
});

describe('parseStatus: requests stay open, decided stops are stopped', () => {
  it.each<[string, Progress]>([
    ['Đề nghị rút', 'not_done'],
    ['Đề nghị rút nhiệm vụ', 'not_done'],
    ['Xin rút nhiệm vụ', 'not_done'],
    ['Xin rút', 'not_done'],
    ['Đề nghị đưa ra khỏi danh mục', 'not_done'],
    ['Đề nghị điều chỉnh thời hạn', 'in_progress'],
    ['Đã được rút', 'stopped'],
    ['Đã được đưa ra khỏi danh mục', 'stopped'],
    ['Tạm hoãn', 'stopped'],
  ])('%s → %s', (text, progress) => expect(p(text)).toBe(progress));
});

describe('parseStatus: blank and unrecognised', () => {
  it('blank → unreported', () => {
    expect(parseStatus(null)).toEqual({ progress: 'unreported', text: '', recognised: true });
    expect(parseStatus('')).toEqual({ progress: 'unreported', text: '', recognised: true });
    expect(parseStatus(' \n ')).toEqual({ progress: 'unreported', text: '', recognised: true });
  });

  it('unknown words are kept verbatim and never guessed', () => {
    expect(parseStatus('Xong một phần')).toEqual({ progress: 'unknown', text: 'Xong một phần', recognised: false });
    expect(parseStatus('Hoà thành')).toEqual({ progress: 'unknown', text: 'Hoà thành', recognised: false });
    expect(parseStatus('ĐHTX')).toEqual({ progress: 'unknown', text: 'ĐHTX', recognised: false });
    expect(parseStatus('x')).toEqual({ progress: 'unknown', text: 'x', recognised: false });
    expect(parseStatus(1)).toEqual({ progress: 'unknown', text: '1', recognised: false });
    expect(parseStatus(true)).toEqual({ progress: 'unknown', text: 'TRUE', recognised: false });
    expect(parseStatus(new Date(Number.NaN))).toEqual({ progress: 'unreported', text: '', recognised: true });
    expect(parseStatus(new Date(Date.UTC(2025, 9, 31)))).toEqual({ progress: 'unknown', text: '31/10/2025', recognised: false });
    expect(parseStatus('Đúng hạn')).toEqual({ progress: 'unknown', text: 'Đúng hạn', recognised: false });
  });
});

describe('parseStatus: every phrase of status_vocabulary.json', () => {
  const expected: Record<string, Progress> = {
    'Đã hoàn thành': 'done', 'Hoàn thành': 'done', 'Đã hoàn thành đúng hạn': 'done', 'Hoàn thành đúng hạn': 'done',
    'Đã hoàn thành trong hạn': 'done', 'Hoàn thành trước hạn': 'done', 'Đã thực hiện': 'done', 'Đã thực hiện đúng hạn': 'done',
    'Đã hoàn thành quá hạn': 'done_late', 'Hoàn thành quá hạn': 'done_late', 'Đã thực hiện quá hạn': 'done_late',
    'Hoàn thành trễ hạn': 'done_late', 'Hoàn thành chậm': 'done_late', 'Đã trình': 'done',
    'Cơ bản hoàn thành': 'in_progress', 'Đang thực hiện': 'in_progress', 'Đang triển khai': 'in_progress',
    'Đang hoàn thiện': 'in_progress', 'Đang hoàn thành': 'in_progress', 'Đang thực hiện trong hạn': 'in_progress',
    'Đang thực hiện đúng hạn': 'in_progress', 'Đang thực hiện quá hạn': 'in_progress', 'Đang thực hiện không hạn': 'in_progress',
    'Chưa hoàn thành': 'not_done', 'Chưa hoàn thành, quá hạn': 'not_done', 'Quá hạn, chưa hoàn thành': 'not_done',
    'Quá hạn': 'not_done', 'Chưa hoàn thành, trong hạn': 'not_done', 'Trong hạn': 'in_progress', 'Còn trong hạn': 'in_progress',
    'Trung hạn': 'in_progress', 'Chưa đến hạn': 'in_progress', 'Sắp đến hạn': 'in_progress', 'Sắp quá hạn': 'in_progress',
    'Chậm tiến độ': 'not_done', 'Chậm, muộn': 'not_done', 'Nợ đọng': 'not_done', 'Chưa thực hiện': 'not_done',
    'Chưa triển khai': 'not_done', 'Chưa thực hiện quá hạn': 'not_done', 'Chưa thực hiện đúng hạn': 'not_done',
    'Nhiệm vụ thường xuyên': 'in_progress', 'Thực hiện thường xuyên': 'in_progress', 'Thường xuyên': 'in_progress',
    'Không có thời hạn': 'in_progress', 'Tạm hoãn': 'stopped', 'Tạm dừng': 'stopped', 'Dừng thực hiện': 'stopped',
    'Không thực hiện': 'not_done', 'Đề nghị dừng thực hiện': 'not_done', 'Đề nghị đưa ra khỏi danh mục': 'not_done',
    'Xin rút': 'not_done', 'Đề nghị điều chỉnh thời hạn': 'in_progress', 'Chờ xác nhận': 'in_progress', 'Từ chối': 'stopped',
    'Thực hiện lại': 'in_progress',
    'Đã hoàn thành trước hạn': 'done', 'Đã hoàn thành trễ hạn': 'done_late', 'Đã hoàn thành chậm': 'done_late', 'Hoàn thành trễ': 'done_late',
    'Hoàn thành muộn': 'done_late', 'Đã xong': 'done', 'Không hoàn thành': 'not_done', 'Chưa xong': 'not_done', 'Chưa xử lý': 'not_done',
    'Đang xử lý': 'in_progress', 'Đề nghị rút': 'not_done', 'Đề nghị rút nhiệm vụ': 'not_done', 'Xin rút nhiệm vụ': 'not_done',
    'Đề nghị dừng': 'not_done', 'Đề nghị gia hạn': 'in_progress', 'Xin lùi thời hạn': 'in_progress', 'Đã dừng thực hiện': 'stopped',
    'Đã được rút': 'stopped', 'Đã rút nhiệm vụ': 'stopped', 'Đã đưa ra khỏi danh mục': 'stopped', 'Đã được đưa ra khỏi danh mục': 'stopped',
  };

  it('the table covers every phrase', () => {
    expect(vocabulary.phrases.map((x) => x.text).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s → %s (also upper-case and without diacritics)', (text, progress) => {
    expect(parseStatus(text)).toEqual({ progress, text, recognised: true });
    expect(readStatus(text).inferred === undefined).toBe(text !== 'Đã trình');
    expect(p(text.toUpperCase())).toBe(progress);
    expect(p(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd'))).toBe(progress);
  });
});

describe('issue 9: partial, late, abbreviations, task-dependent phrases, "Không thực hiện"', () => {
  it.each<[string, Progress]>([
    ['Đã hoàn thành một phần', 'in_progress'],
    ['Hoàn thành một phần', 'in_progress'],
    ['Cơ bản hoàn thành', 'in_progress'],
    ['Cơ bản đã hoàn thành', 'in_progress'],
    ['Đã cơ bản hoàn thành', 'in_progress'],
    ['Gần hoàn thành', 'in_progress'],
    ['Hoàn thành phần lớn nội dung', 'in_progress'],
    ['Đã hoàn thành bước đầu', 'in_progress'],
    ['Đã hoàn thành giai đoạn 1', 'in_progress'],
    ['Hoàn thành trễ', 'done_late'],
    ['Hoàn thành chậm', 'done_late'],
    ['Đã hoàn thành nhưng chậm so với yêu cầu', 'done_late'],
    ['Đã hoàn thành, muộn 10 ngày', 'done_late'],
    ['Hoàn thành không đúng hạn', 'done_late'],
    ['Đã hoàn thành sau thời hạn', 'done_late'],
    ['Hoàn thành đúng tiến độ', 'done'],
    ['Đã xong một phần', 'in_progress'],
  ])('%s → %s', (text, progress) => {
    expect(p(text)).toBe(progress);
    expect(readStatus(text).inferred).toBeUndefined();
  });

  it.each<[string, Progress]>([
    ['HT', 'done'], ['Đã HT', 'done'], ['ĐHT', 'done'], ['đht', 'done'], ['Đ.H.T', 'done'], ['CHT', 'not_done'], ['Chưa HT', 'not_done'],
    ['Đang TH', 'in_progress'], ['ĐTH', 'in_progress'], ['Chưa TH', 'not_done'], ['HT, QH', 'done_late'], ['CHT - QH', 'not_done'],
  ])('abbreviation %s → %s', (text, progress) => expect(p(text)).toBe(progress));

  it.each<[string, Progress]>([
    ['Đã trình', 'done'], ['Đã trình Chính phủ tại Tờ trình số 12/TTr-BYT', 'done'], ['Đang trình', 'in_progress'],
    ['Đã ban hành', 'done'], ['Đã ký ban hành', 'done'], ['Chờ ý kiến', 'in_progress'], ['Chờ phê duyệt', 'in_progress'],
    ['Đang chờ ý kiến Thủ tướng', 'in_progress'], ['Đang lấy ý kiến', 'in_progress'], ['Đang xây dựng dự thảo', 'in_progress'],
    ['Đã gửi Bộ Tài chính', 'done'],
  ])('task-dependent %s → %s, marked inferred with a reason', (text, progress) => {
    const r = readStatus(text);
    expect(r.progress).toBe(progress);
    expect(r.inferred).toMatch(/^ghi “/);
  });

  it('"Không thực hiện" is not done unless a decision to stop is recorded', () => {
    expect(p('Không thực hiện')).toBe('not_done');
    expect(p('Không thực hiện do thiếu kinh phí')).toBe('not_done');
    expect(p('Đề nghị dừng thực hiện')).toBe('not_done');
    expect(p('Không thực hiện (đã được Thủ tướng đồng ý tại văn bản số 12/TTg-KTTH)')).toBe('stopped');
    expect(p('Xin rút, đã được chấp thuận')).toBe('stopped');
  });
});

describe('labels', () => {
  it('every progress and category has a Vietnamese label', () => {
    expect(Object.keys(PROGRESS_LABELS).sort()).toEqual([...PROGRESS_KEYS].sort());
    expect(Object.keys(CATEGORY_LABELS).sort()).toEqual([...CATEGORY_KEYS].sort());
    expect(PROGRESS_LABELS.done_late).toBe('Đã hoàn thành quá hạn');
    expect(CATEGORY_LABELS.done_on_time).toBe('Đã hoàn thành đúng hạn');
    expect(CATEGORY_LABELS.open_in_time).toBe('Chưa hoàn thành, trong hạn');
    expect(CATEGORY_LABELS.open_overdue).toBe('Chưa hoàn thành, quá hạn');
    expect(CATEGORY_LABELS.recurring).toBe('Nhiệm vụ thường xuyên');
  });

  it('the dropdown values parse back to five distinct progress values', () => {
    expect(STANDARD_STATUSES).toEqual(['Đã hoàn thành', 'Đã hoàn thành quá hạn', 'Đang thực hiện', 'Chưa hoàn thành', 'Dừng thực hiện']);
    expect(STANDARD_STATUSES.map(p)).toEqual(['done', 'done_late', 'in_progress', 'not_done', 'stopped']);
  });
});
