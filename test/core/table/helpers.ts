/** Read a fixture workbook the way the CLI does: the lean xlsx reader, then core readWorkbook. */
import { readXlsxFile } from '../../../xlsx/read';
import { readWorkbook } from '../../../core/table/read';
import type { SheetRead } from '../../../core/model';

export async function readFixture(path: string): Promise<SheetRead> {
  const { grids, error } = await readXlsxFile(path);
  if (error) throw new Error(`fixture unreadable: ${error.message}`);
  return readWorkbook(grids, { file: path });
}

export const codesAt = (read: SheetRead, row: number): string[] =>
  (read.tasks.find((t) => t.row === row)?.issues ?? []).map((i) => i.code).sort();
