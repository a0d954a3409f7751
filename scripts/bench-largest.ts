/**
 * The largest workbook the reader allows (xlsx/reader/limits.ts DEFAULT_LIMITS): one header row and
 * maxRows − 1 task rows of 10 cells, exactly maxCells cells, with a unique task and result text on
 * every row (a realistic worst case: nothing shared). Written once into bench-data/largest/ with the
 * project's own streaming zip writer; `npm run bench` aggregates it under the CLI's 1 GB heap cap and
 * reports its peak memory.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../xlsx/reader/limits';
import { zipFile } from '../xlsx/zip/write';

export const LARGEST_COLUMNS = 10;
export const LARGEST_ROWS = Math.min(DEFAULT_LIMITS.maxRows, Math.floor(DEFAULT_LIMITS.maxCells / LARGEST_COLUMNS)) - 1;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEADER = ['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Kết quả thực hiện', 'Tiến độ', 'Văn bản giao', 'Ghi chú', 'Mã'];
const UNITS = ['Bộ Y tế', 'Bộ Tài chính', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Xây dựng', 'Bộ Công Thương', 'Bộ Ngoại giao', 'UBND tỉnh Lai Châu', 'UBND thành phố Huế', 'UBND tỉnh Quảng Ninh'];
const STATUSES = ['Đã hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành', 'Đã hoàn thành quá hạn'];
const DEADLINES = ['31/12/2025', 'Tháng 6/2025', 'Quý IV/2025', 'Năm 2026', '15/11/2025'];

/** bench-data/largest/lon-nhat.xlsx, generated when missing; returns its path. */
export async function ensureLargest(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'largest');
  const path = join(dir, 'lon-nhat.xlsx');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const fixed = [...HEADER, ...UNITS, ...STATUSES, ...DEADLINES];
  const at = (s: string): number => fixed.indexOf(s);
  const tmp = `${path}.tmp`;
  const zip = await zipFile(tmp, 1);
  await zip.add('[Content_Types].xml', [`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`]);
  await zip.add('_rels/.rels', [`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  await zip.add('xl/workbook.xml', [`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`]);
  await zip.add('xl/_rels/workbook.xml.rels', [`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`]);
  const n = LARGEST_ROWS;
  await zip.add('xl/worksheets/sheet1.xml', (function* () {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="1">${HEADER.map((_, c) => `<c r="${col(c)}1" t="s"><v>${c}</v></c>`).join('')}</row>`;
    const rows: string[] = [];
    for (let i = 1; i <= n; i++) {
      const r = i + 1;
      const s = (c: number, v: number): string => `<c r="${col(c)}${r}" t="s"><v>${v}</v></c>`;
      rows.push(`<row r="${r}"><c r="A${r}"><v>${i}</v></c>${s(1, fixed.length + 2 * (i - 1))}${s(2, at(UNITS[i % 10]))}${s(3, at(UNITS[(i + 3) % 10]))}${s(4, at(DEADLINES[i % 5]))}${s(5, fixed.length + 2 * (i - 1) + 1)}${s(6, at(STATUSES[i % 4]))}<c r="H${r}" t="s"><v>${at(UNITS[(i + 7) % 10])}</v></c><c r="I${r}"><v>${i % 13}</v></c><c r="J${r}"><v>${100_000 + i}</v></c></row>`);
      if (rows.length === 2000) yield rows.splice(0).join('');
    }
    yield rows.join('') + '</sheetData></worksheet>';
  })());
  await zip.add('xl/sharedStrings.xml', (function* () {
    yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">` + fixed.map(si).join('');
    const out: string[] = [];
    for (let i = 1; i <= n; i++) {
      out.push(si(`Nhiệm vụ số ${i}: xây dựng, trình ban hành văn bản quy định chi tiết thi hành luật, mục ${i % 97}`));
      out.push(si(`Đã trình Chính phủ dự thảo lần ${i % 7}; đang tiếp thu ý kiến thẩm định (văn bản số ${i}/BC).`));
      if (out.length >= 4000) yield out.splice(0).join('');
    }
    yield out.join('') + '</sst>';
  })());
  await zip.close();
  renameSync(tmp, path);
  return path;
}

function si(s: string): string {
  return `<si><t>${s}</t></si>`;
}

function col(c: number): string {
  return String.fromCharCode(65 + c);
}
