import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellInput } from '../../../report/layout/spec';
import { writeWorkbook } from '../../../xlsx/write';
import { readXlsxFile } from '../../../xlsx/read';
import { readWorkbook } from '../../../core/table/read';

/** A real .xlsx whose Thời hạn column holds these cells (Dates become date cells), read back by the reader and the core. */
async function read(deadlines: CellInput[]) {
  const path = join(await mkdtemp(join(tmpdir(), 'tiendo-swap-')), 'bao-cao.xlsx');
  await writeWorkbook({
    sheets: [{
      name: 'Báo cáo',
      columns: ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tiến độ'].map((header) => ({ header, width: 20 })),
      rows: deadlines.map((d, i) => [String(i + 1), `Nhiệm vụ số ${i + 1}`, 'Bộ Y tế', d, 'Đang thực hiện']),
    }],
  }, path);
  const { grids, error } = await readXlsxFile(path);
  expect(error).toBeNull();
  return readWorkbook(grids, { file: 'bao-cao.xlsx' });
}

const swappedIssues = (tasks: { issues: { code: string; cell?: string; suggestion?: string }[] }[]) =>
  tasks.flatMap((t) => t.issues.filter((i) => i.code === 'DEADLINE_MAYBE_SWAPPED').map((i) => [i.cell, i.suggestion]));

describe('deadline columns typed under a US locale (day and month swapped by Excel)', () => {
  it('flags each date cell of a column that mixes day ≤ 12 dates with dd/mm text, suggesting the swapped date, value kept', async () => {
    // Typed 05/10/2025 and 04/03/2025 (dd/mm): Excel under a US locale stored 10 May and 3 April, and left 25/10/2025 as text.
    const read1 = await read([new Date(Date.UTC(2025, 4, 10)), '25/10/2025', new Date(Date.UTC(2025, 3, 3))]);
    expect(swappedIssues(read1.tasks)).toEqual([['D2', '05/10/2025'], ['D4', '04/03/2025']]);
    // Never silently changed: the deadline read is still the cell's date.
    expect(read1.tasks.map((t) => t.deadline.due)).toEqual(['2025-05-10', '2025-10-25', '2025-04-03']);
    expect(read1.tasks[0].issues.find((i) => i.code === 'DEADLINE_MAYBE_SWAPPED')?.severity).toBe('warning');
  });

  it('leaves consistent columns alone', async () => {
    expect(swappedIssues((await read([new Date(Date.UTC(2025, 4, 10)), new Date(Date.UTC(2025, 9, 31)), '25/10/2025'])).tasks)).toEqual([]);
    expect(swappedIssues((await read([new Date(Date.UTC(2025, 4, 10)), '05/10/2025', '25/10/2025'])).tasks)).toEqual([]);
    expect(swappedIssues((await read([new Date(Date.UTC(2025, 4, 10)), 'Quý IV/2025'])).tasks)).toEqual([]);
  });
});
