/** batch/spool.ts and report/lazy-text.ts: texts kept on disk behave like plain fields; renderings never go stale. */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFiles } from '../../batch/read-files';
import { Spool, SpoolWriter } from '../../batch/spool';
import { addForward, isLazy, renderingOf, setRendering, type TaskRendering } from '../../report/lazy-text';

function spooled(cold: Record<string, unknown>): { o: Record<string, unknown>; spool: Spool } {
  const spool = Spool.create();
  const w = new SpoolWriter(join(spool.dir, 's.bin'));
  w.append('{"padding":"' + 'x'.repeat(50_000) + '"}');
  const [offset, length] = w.append(JSON.stringify(cold));
  w.flush();
  const o: Record<string, unknown> = { file: 'a.xlsx', row: 5 };
  spool.attach(o, 's.bin', [offset, length]);
  return { o, spool };
}

describe('spooled task texts', () => {
  const cold = { task: 'Xây dựng Đề án 06 “chuyển đổi số”', resultText: 'Đã hoàn thành 88/342 (25,7%)', cells: { task: 'B5' } };

  it('reads back every cold field, in a spread copy, JSON and deep equality too', () => {
    const { o, spool } = spooled(cold);
    expect(isLazy(o, 'task')).toBe(true);
    expect(o.task).toBe(cold.task);
    expect(o.resultText).toBe(cold.resultText);
    expect(o.cells).toEqual(cold.cells);
    const copy = { ...o };
    expect(isLazy(copy, 'task')).toBe(false);
    expect(copy).toEqual({ file: 'a.xlsx', row: 5, ...cold });
    expect(JSON.parse(JSON.stringify(o))).toEqual({ file: 'a.xlsx', row: 5, ...cold });
    spool.dispose();
  });

  it('keeps a value assigned to a cold field', () => {
    const { o, spool } = spooled(cold);
    o.task = 'đã sửa';
    expect(o.task).toBe('đã sửa');
    expect(o.resultText).toBe(cold.resultText);
    spool.dispose();
  });

  it('refuses to read after the spool is removed instead of answering blank', () => {
    const { o, spool } = spooled(cold);
    spool.dispose();
    expect(() => o.task).toThrow(/spool/);
  });

  it('forwards texts in key order, without copying them', () => {
    const { o, spool } = spooled(cold);
    const f: Record<string, unknown> = { a: 1 };
    addForward(f, o, 'task', 'task');
    addForward(f, null, 'result', 'resultText');
    f.z = 2;
    expect(Object.keys(f)).toEqual(['a', 'task', 'result', 'z']);
    expect(isLazy(f, 'task')).toBe(true);
    expect(JSON.stringify(f)).toBe(JSON.stringify({ a: 1, task: cold.task, result: cold.resultText, z: 2 }));
    spool.dispose();
  });
});

describe('renderings made on the read workers', () => {
  const r: TaskRendering = { json: () => '{}', cellsXml: () => '', issueXml: () => '', issues: 1, overdueXml: () => '', hasOverdue: false };

  it('belong to the object they were made for, with the issues it had', () => {
    const t = { issues: [{ code: 'UNKNOWN_UNIT' }] };
    setRendering(t, r);
    expect(renderingOf(t)).toBe(r);
    // A changed task is a new object (report.ts withIssue): it has none.
    expect(renderingOf({ ...t, issues: [...t.issues, { code: 'NOT_RETURNED' }] })).toBeNull();
    // Even changed in place, an issue more or less disowns the rendering.
    t.issues.push({ code: 'NOT_RETURNED' });
    expect(renderingOf(t)).toBeNull();
  });
});

describe('a spool that cannot be written', () => {
  it('costs memory, not the report: the workers send whole tasks and every file is read', async () => {
    const samples = join(import.meta.dirname, '../../samples/bao-cao');
    const paths = readdirSync(samples).map((f) => join(samples, f));
    const spool = Spool.create();
    rmSync(spool.dir, { recursive: true, force: true }); // the temp folder is gone (full disk, cleaned up, no rights)
    const asOf = '2025-11-15';
    const pooled = await readFiles(paths, { asOf, concurrency: 2, inProcessBelow: 0, spool });
    const inProcess = await readFiles(paths, { asOf, concurrency: 1 });
    expect(pooled.every((r) => r.error === null)).toBe(true);
    expect(pooled.flatMap((r) => r.tasks ?? []).some((t) => isLazy(t, 'task'))).toBe(false);
    expect(pooled).toEqual(inProcess);
    spool.dispose();
  }, 120_000);
});
