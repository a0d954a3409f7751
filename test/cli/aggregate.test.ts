import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, type AggregateArgs } from '../../batch/aggregate/args';
import { aggregate } from '../../batch/aggregate/run';
import { discoverInputs } from '../../batch/aggregate/discover';
import { todayInVietnam } from '../../batch/aggregate/today';
import { parseSent } from '../../batch/aggregate/sent';
import { summaryLine } from '../../batch/aggregate/summary-line';
import { overdueList } from '../../report/overdue-list';
import { taskTable } from '../../report/task-table';
import type { Report } from '../../report/report-types';
import { fixturePath } from '../fixtures/appendix';
import { cleanFolder, mixedFolder } from './aggregate-fixtures';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

function args(over: Partial<AggregateArgs>): AggregateArgs {
  const parsed = parseArgs([]);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...parsed.args, quiet: true, asOf: '2025-11-15', ...over };
}

const HEADLINE = 'Đã hoàn thành 02/10 (20,0%) nhiệm vụ, trong đó 01 nhiệm vụ hoàn thành quá hạn; 05 nhiệm vụ quá hạn, chưa hoàn thành, '
  + 'thuộc trách nhiệm của 04 đơn vị: Bộ Nội vụ (03 nhiệm vụ), Bộ Tài chính, Bộ Y tế, Thành phố Hà Nội mỗi đơn vị 01 nhiệm vụ.';

describe('aggregate a mixed folder', () => {
  let dir: string;
  let out: string;
  let report: Report;
  const rel = (f: string): string => relative(dir, join(ROOT, f)).split('\\').join('/');

  beforeAll(async () => {
    dir = await mixedFolder();
    out = relative(process.cwd(), fixturePath('aggregate-mixed-out'));
    report = (await aggregate(args({ inputs: [dir], out }))).report;
  }, 60_000);

  it('lists every input, rejected ones with their reason', () => {
    expect(report.inputs.map((i) => [rel(i.file), i.tasks, i.errorCode ?? null])).toEqual([
      ['ban-sao/bo-noi-vu.xlsx', 4, null],
      ['bo-noi-vu.xlsx', 4, null],
      ['bo-y-te-sua.xlsx', 3, null],
      ['bo-y-te.xlsx', 3, null],
      ['cong-van.xlsx', 0, 'NO_TABLE'],
      ['cu.xls', 0, 'FILE_LEGACY_XLS'],
      ['ghi-chu.xlsx', 0, 'FILE_NOT_XLSX'],
      ['ha-noi.xlsx', 3, null],
      ['hong.xlsx', 0, 'FILE_TRUNCATED'],
      ['rong.xlsx', 0, 'FILE_EMPTY'],
    ]);
    for (const i of report.inputs.filter((x) => x.errorCode)) expect(i.error).toMatch(/\S/);
  });

  it('merges the copy and the correction, and counts exactly', () => {
    expect(report.totals).toEqual({
      tasks: 10, overdue: 5,
      progress: { done: 1, done_late: 1, in_progress: 4, not_done: 3, stopped: 0, unreported: 1, unknown: 0 },
      categories: { done_on_time: 1, done_late: 1, open_in_time: 2, open_overdue: 5, recurring: 1, stopped: 0 },
    });
    expect(report.units.map((u) => [u.unit, u.tasks, u.overdue, u.progress.done + u.progress.done_late])).toEqual([
      ['Bộ Nội vụ', 5, 3, 1], ['Bộ Tài chính', 1, 1, 0], ['Bộ Y tế', 3, 1, 1], ['Thành phố Hà Nội', 2, 1, 0],
    ]);
    expect(report.tasks.map((t) => `${basename(t.file)}:${t.row}`)).toEqual([
      'bo-noi-vu.xlsx:7', 'bo-noi-vu.xlsx:8', 'bo-noi-vu.xlsx:10', 'bo-noi-vu.xlsx:11',
      'bo-y-te-sua.xlsx:8', 'bo-y-te-sua.xlsx:9', 'bo-y-te-sua.xlsx:10',
      'ha-noi.xlsx:7', 'ha-noi.xlsx:8', 'ha-noi.xlsx:9',
    ]);
  });

  it('lists the conflict and the merged duplicates', () => {
    const agg = report.issues.filter((i) => i.code === 'RESUBMISSION_CONFLICT' || i.code === 'DUPLICATE_TASK' || i.code === 'DUPLICATE_FILE');
    // The identical copy in ban-sao/ is one DUPLICATE_FILE (it was four DUPLICATE_TASK notes before issue 9); counts unchanged.
    expect(agg.map((i) => [i.code, rel(i.file!), i.row ?? null])).toEqual([
      ['DUPLICATE_FILE', 'ban-sao/bo-noi-vu.xlsx', null],
      ['DUPLICATE_TASK', 'bo-y-te.xlsx', 8], ['RESUBMISSION_CONFLICT', 'bo-y-te.xlsx', 9], ['DUPLICATE_TASK', 'bo-y-te.xlsx', 10],
    ]);
    expect(report.inputs.find((i) => i.duplicateOf)?.duplicateOf).toBe(report.tasks[0].file);
    expect(agg[2].message).toContain('Tiến độ "Chưa hoàn thành" khác "Đang thực hiện"');
  });

  it('lists overdue tasks per unit with days late', () => {
    const fake = report.tasks.map((t) => ({ ...t, leadUnits: t.leadUnits.map((name) => ({ name, known: true })) }));
    const list = overdueList(taskTable(fake as never), report.tasks);
    expect(list.map((e) => [e.unit, basename(e.file), e.stt, e.daysLate])).toEqual([
      ['Bộ Nội vụ', 'bo-noi-vu.xlsx', '2', 138], ['Bộ Nội vụ', 'ha-noi.xlsx', '2', 46], ['Bộ Nội vụ', 'bo-noi-vu.xlsx', '1', 15],
      ['Bộ Tài chính', 'ha-noi.xlsx', '2', 46],
      ['Bộ Y tế', 'bo-y-te-sua.xlsx', '2', 46],
      ['Thành phố Hà Nội', 'ha-noi.xlsx', '1', 31],
    ]);
  });

  it('writes the sentences', () => {
    expect(report.sentences).toEqual([
      HEADLINE,
      'Còn 02 nhiệm vụ chưa hoàn thành, chưa đến hạn.',
      'Có 01 nhiệm vụ thực hiện thường xuyên, không tính quá hạn.',
      'Có 01 nhiệm vụ chưa cập nhật tiến độ (cột Tiến độ để trống).',
    ]);
    expect(readFileSync(join(out, 'tom-tat.txt'), 'utf8')).toBe(report.sentences.join('\n\n') + '\n');
    expect(summaryLine(report)).toBe('Đã đọc 5/10 tệp, 10 nhiệm vụ (5 quá hạn); 5 tệp bị từ chối (xem trang Nguồn trong tong-hop.xlsx).');
  });

  it('writes tong-hop.json with the documented names', () => {
    const json = JSON.parse(readFileSync(join(out, 'tong-hop.json'), 'utf8')) as Report;
    expect(json.asOf).toBe('2025-11-15');
    expect(json.totals.tasks).toBe(10);
    expect(json.tasks).toHaveLength(10);
    expect(json.tasks[1]).toMatchObject({
      stt: '2', leadUnit: 'Bộ Nội vụ', progress: 'not_done', progressText: 'Chưa hoàn thành', overdue: true, daysLate: 138,
      deadline: { due: '2025-06-30', kind: 'date' },
    });
    expect(json.inputs[8]).toMatchObject({ tasks: 0, errorCode: 'FILE_TRUNCATED' });
  });

  it('writes tong-hop.xlsx with its sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tong-hop.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    for (const s of ['Tổng hợp', 'Quá hạn', 'Chi tiết', 'Cảnh báo', 'Nguồn']) expect(names).toContain(s);
    const cells = (name: string): string[] => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    };
    expect(cells('Tổng hợp')).toEqual(expect.arrayContaining(['Bộ Nội vụ', 'Bộ Tài chính', 'Bộ Y tế', 'Thành phố Hà Nội']));
    expect(cells('Quá hạn')).toEqual(expect.arrayContaining(['Kết nối Cơ sở dữ liệu về lao động, việc làm với Cơ sở dữ liệu quốc gia về dân cư']));
    const nguon = cells('Nguồn').join('\n');
    for (const f of ['cu.xls', 'hong.xlsx', 'rong.xlsx', 'ghi-chu.xlsx', 'cong-van.xlsx']) expect(nguon).toContain(f);
  });
});

describe('re-submissions kept with --keep-duplicates', () => {
  it('keeps every copy and notes each', async () => {
    const dir = await mixedFolder('aggregate-keep');
    const out = relative(process.cwd(), fixturePath('aggregate-keep-out'));
    const { report } = await aggregate(args({ inputs: [dir], out, keepDuplicates: true }));
    expect(report.totals.tasks).toBe(17);
    expect(report.issues.filter((i) => i.code === 'DUPLICATE_TASK')).toHaveLength(7);
    expect(report.issues.filter((i) => i.code === 'RESUBMISSION_CONFLICT')).toHaveLength(0);
  }, 60_000);
});

describe('input discovery', () => {
  it('walks folders, keeps spreadsheet files, skips lock and hidden files', async () => {
    const dir = await mixedFolder('aggregate-discover');
    const found = await discoverInputs([dir, join(dir, 'khong-co.xlsx')]);
    expect(found.files.map((f) => relative(dir, join(ROOT, f)).split('\\').join('/'))).toEqual([
      'ban-sao/bo-noi-vu.xlsx', 'bo-noi-vu.xlsx', 'bo-y-te-sua.xlsx', 'bo-y-te.xlsx', 'cong-van.xlsx', 'cu.xls',
      'ghi-chu.xlsx', 'ha-noi.xlsx', 'hong.xlsx', 'rong.xlsx',
    ]);
    expect(found.missing).toEqual([join(dir, 'khong-co.xlsx')]);
  });
});

describe('options', () => {
  it('parses flags and rejects bad ones', () => {
    const ok = parseArgs(['a', '--as-of', '2025-11-15', '--out=o', '--keep-duplicates', '--title', 'T', '--kem-theo', 'K', 'b']);
    expect(ok).toEqual({ ok: true, args: expect.objectContaining({ inputs: ['a', 'b'], asOf: '2025-11-15', out: 'o', keepDuplicates: true, title: 'T', kemTheo: 'K' }) });
    expect(parseArgs(['--as-of', '2025-02-30'])).toMatchObject({ ok: false });
    expect(parseArgs(['--bogus'])).toEqual({ ok: false, message: 'Tùy chọn không hợp lệ: --bogus' });
    expect(parseArgs(['--out'])).toEqual({ ok: false, message: 'Thiếu giá trị cho --out.' });
    // -q is the short --quiet, never an input path.
    expect(parseArgs(['-q', 'a'])).toMatchObject({ ok: true, args: { quiet: true, inputs: ['a'] } });
  });

  it('computes today in Asia/Ho_Chi_Minh, not UTC', () => {
    expect(todayInVietnam(new Date('2025-11-14T18:30:00Z'))).toBe('2025-11-15');
    expect(todayInVietnam(new Date('2025-11-14T16:59:00Z'))).toBe('2025-11-14');
  });

  it('reads the distribute manifest in either shape', () => {
    expect(parseSent({ units: [{ unit: 'Bộ Y tế', file: 'bo-y-te.xlsx', tasks: [{ id: 'T1', stt: '1' }] }] }))
      .toEqual([{ taskId: 'T1', unit: 'Bộ Y tế', stt: '1', file: 'bo-y-te.xlsx' }]);
    expect(parseSent({ tasks: [{ taskId: 'T2', leadUnit: 'Bộ Nội vụ', task: 'X' }] })).toEqual([{ taskId: 'T2', unit: 'Bộ Nội vụ', task: 'X' }]);
  });
});

describe('the CLI', () => {
  const cli = (argv: string[]) => run('npx', ['tsx', 'cli/main.ts', 'aggregate', ...argv], { cwd: ROOT }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

  it('exits 0 when every input was read', async () => {
    const dir = await cleanFolder();
    const r = await cli([dir, '--as-of', '2025-11-15', '--out', relative(ROOT, fixturePath('aggregate-clean-out'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Đã đọc 3/3 tệp, 10 nhiệm vụ (5 quá hạn).');
  }, 60_000);

  it('exits 1 when some inputs were rejected, naming each on stderr, and still writes', async () => {
    const dir = await mixedFolder('aggregate-cli');
    const out = fixturePath('aggregate-cli-out');
    const json = fixturePath('aggregate-cli.json');
    const r = await cli([dir, '--as-of', '2025-11-15', '--out', out, '--json', json]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('Từ chối: '));
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes('cu.xls'))).toMatch(/\.xls/);
    expect(existsSync(join(out, 'tong-hop.json'))).toBe(true);
    expect((JSON.parse(readFileSync(json, 'utf8')) as Report).totals.tasks).toBe(10);
    // Serialised once: --json FILE is byte for byte the tong-hop.json of the same run.
    expect(readFileSync(json, 'utf8')).toBe(readFileSync(join(out, 'tong-hop.json'), 'utf8'));
  }, 60_000);

  it('--json - prints exactly the tong-hop.json it writes', async () => {
    const dir = await cleanFolder();
    const out = fixturePath('aggregate-stdout-out');
    const r = await cli([dir, '--as-of', '2025-11-15', '--out', relative(ROOT, out), '--json', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(out, 'tong-hop.json'), 'utf8'));
    expect((JSON.parse(r.stdout) as Report).totals.tasks).toBe(10);
  }, 60_000);

  it('exits 2 on a usage error', async () => {
    expect((await cli(['--as-of', 'hôm nay'])).code).toBe(2);
    expect((await cli(['--nope'])).code).toBe(2);
  }, 60_000);
});

describe('the bundled samples', () => {
  const totals = {
    tasks: 31, overdue: 11,
    progress: { done: 7, done_late: 3, in_progress: 13, not_done: 5, stopped: 1, unreported: 2, unknown: 0 },
    categories: { done_on_time: 7, done_late: 3, open_in_time: 5, open_overdue: 11, recurring: 4, stopped: 1 },
  };
  const firstSentence = 'Đã hoàn thành 10/31 (32,3%) nhiệm vụ, trong đó 03 nhiệm vụ hoàn thành quá hạn; 11 nhiệm vụ quá hạn, '
    + 'chưa hoàn thành, thuộc trách nhiệm của 06 đơn vị: Bộ Nội vụ (03 nhiệm vụ), Bộ Khoa học và Công nghệ (02 nhiệm vụ), '
    + 'Bộ Tài chính (02 nhiệm vụ), Tỉnh Nghệ An (02 nhiệm vụ), Thành phố Hà Nội, Tỉnh Lào Cai mỗi đơn vị 01 nhiệm vụ.';
  const returns: [string, number, string | null][] = [
    ['bo-khoa-hoc-va-cong-nghe.xlsx', 4, null], ['bo-noi-vu.xlsx', 6, null], ['bo-tai-chinh.xlsx', 4, null],
    ['bo-y-te.xlsx', 5, null], ['bo-y-te_ban-sua.xlsx', 5, null], ['thanh-pho-ha-noi.xlsx', 5, null],
    ['tinh-lao-cai.xlsx', 3, null], ['tinh-nghe-an.xlsx', 4, null],
  ];

  it('aggregates samples/bao-cao when no input is given, with the counts worked out by hand', async () => {
    const out = relative(process.cwd(), fixturePath('aggregate-samples-out'));
    const { report } = await aggregate(args({ inputs: [], out }));
    expect(report.inputs.map((i) => [basename(i.file), i.tasks, i.errorCode ?? null])).toEqual(returns);
    expect(report.totals).toEqual(totals);
    expect(report.sentences[0]).toBe(firstSentence);
    const conflict = report.issues.filter((i) => i.code === 'RESUBMISSION_CONFLICT');
    expect(conflict.map((i) => [basename(i.file!), i.row])).toEqual([['bo-y-te.xlsx', 11]]);
  }, 60_000);

  it('rejects each file of samples/tep-loi with its own reason and still aggregates the rest', async () => {
    const out = relative(process.cwd(), fixturePath('aggregate-samples-all-out'));
    const { report } = await aggregate(args({ inputs: ['samples'], out }));
    const rejected = report.inputs.filter((i) => i.error).map((i) => [basename(i.file), i.errorCode]);
    expect(rejected).toEqual([['bao-cao-cu.xls', 'FILE_LEGACY_XLS'], ['bo-xay-dung.xlsx', 'FILE_TRUNCATED'], ['cong-van-kem-theo.xlsx', 'NO_TABLE']]);
    expect(report.inputs.filter((i) => !i.error).map((i) => [basename(i.file), i.tasks, null])).toEqual(returns);
    expect(report.totals).toEqual(totals);
  }, 60_000);
});
