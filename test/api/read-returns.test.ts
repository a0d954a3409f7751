/** readReturns in-process: the rules of aggregate (rejections, merge, --keep-duplicates, --sent) in the API's table. */
import { describe, expect, it } from 'vitest';
import { readReturns } from '../../api/index';
import { FRAME_COLUMNS } from '../../report/task-frame';
import { buildReport } from '../../report/report';
import { collectSources } from '../../batch/aggregate/sources';

const AS_OF = '2025-11-15';

describe('readReturns', () => {
  it('reports rejected and missing inputs, and still gives the table every column', async () => {
    const r = await readReturns(['samples/tep-loi', 'khong-co.xlsx'], { asOf: AS_OF });
    expect(r.tasks.numRows()).toBe(0);
    expect(r.tasks.columnNames()).toEqual([...FRAME_COLUMNS]);
    expect(r.inputs.length).toBeGreaterThanOrEqual(4);
    expect(r.inputs.every((i) => i.error)).toBe(true);
    expect(r.issues.map((i) => i.code)).toContain('FILE_NOT_FOUND');
    expect(r.issues.map((i) => i.code)).toContain('FILE_LEGACY_XLS');
  });

  it('merges the re-submission as aggregate does, and keeps both copies with keepDuplicates', async () => {
    const merged = await readReturns('samples/bao-cao', { asOf: AS_OF });
    const kept = await readReturns('samples/bao-cao', { asOf: AS_OF, keepDuplicates: true });
    const report = buildReport({ asOf: AS_OF, sources: await collectSources(['samples/bao-cao'], { asOf: AS_OF }) });
    expect(merged.tasks.numRows()).toBe(report.tasks.length);
    expect(merged.issues.map((i) => i.code)).toEqual(report.issues.map((i) => i.code));
    expect(merged.taskIssues.map((l) => l.map((i) => i.code))).toEqual(report.tasks.map((t) => t.issues.map((i) => i.code)));
    expect(kept.tasks.numRows()).toBeGreaterThan(merged.tasks.numRows());
    const keptReport = buildReport({ asOf: AS_OF, keepDuplicates: true, sources: await collectSources(['samples/bao-cao'], { asOf: AS_OF }) });
    expect(kept.tasks.numRows()).toBe(keptReport.tasks.length);
    expect(kept.issues.map((i) => i.code)).toEqual(keptReport.issues.map((i) => i.code));
    expect(kept.issues.map((i) => i.code)).toContain('DUPLICATE_TASK');
  });

  it('checks a distribute manifest: units that did not report, and NOT_RETURNED issues', async () => {
    const sent = [{ taskId: 'T-404', unit: 'Bộ Xây dựng', task: 'Nhiệm vụ chưa được báo cáo' }];
    const r = await readReturns(['samples/bao-cao'], { asOf: AS_OF, sent });
    expect(r.notReturned).toEqual([{ unit: 'Bộ Xây dựng', tasks: 1 }]);
    expect(r.issues.map((i) => i.code)).toContain('NOT_RETURNED');
  });

  it('refuses a malformed as-of date with a Vietnamese message', async () => {
    await expect(readReturns(['samples/bao-cao'], { asOf: '15/11/2025' })).rejects.toThrow(/asOf không hợp lệ/);
  });
});
