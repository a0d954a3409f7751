/** Test helpers for the lean reader: hand-built zips and SpreadsheetML packages, bombs, and an ExcelJS-based reference reading. */
import ExcelJS from 'exceljs';
import { constants, createDeflateRaw, deflateRawSync } from 'node:zlib';
import type { CellValue, Grid, MergeRange } from '../../core/grid';

export interface RawEntry {
  name: string;
  /** Bytes as stored (already deflated when method is 8). */
  data: Buffer;
  method?: number;
  /** Uncompressed size written in the headers (defaults to the true size for stored data). */
  size?: number;
  flags?: number;
}

/**
 * A zip built byte by byte so headers can say anything (sizes that lie, odd methods). `descriptor`
 * writes sizes only in data descriptors and the central directory (as streaming writers do);
 * `zip64` stores sizes, offsets and counts in zip64 extra fields and records.
 */
export function rawZip(entries: RawEntry[], opts: { descriptor?: boolean; zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const M = 0xffffffff;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const size = e.size ?? (method === 0 ? e.data.length : 0);
    const flags = (e.flags ?? 0) | 0x800 | (opts.descriptor ? 0x08 : 0);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(opts.zip64 ? 45 : 20, 4);
    loc.writeUInt16LE(flags, 6);
    loc.writeUInt16LE(method, 8);
    if (!opts.descriptor) {
      loc.writeUInt32LE(e.data.length, 18);
      loc.writeUInt32LE(size, 22);
    }
    loc.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(45, 4);
    cen.writeUInt16LE(opts.zip64 ? 45 : 20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(opts.zip64 ? M : e.data.length, 20);
    cen.writeUInt32LE(opts.zip64 ? M : size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(opts.zip64 ? M : offset, 42);
    let extra = Buffer.alloc(0);
    if (opts.zip64) {
      extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(e.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      cen.writeUInt16LE(extra.length, 30);
    }
    const desc = Buffer.alloc(opts.descriptor ? 16 : 0);
    if (opts.descriptor) {
      desc.writeUInt32LE(0x08074b50, 0);
      desc.writeUInt32LE(e.data.length, 8);
      desc.writeUInt32LE(size, 12);
    }
    locals.push(loc, name, e.data, desc);
    centrals.push(cen, name, extra);
    offset += 30 + name.length + e.data.length + desc.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(opts.zip64 ? M : cd.length, 12);
  eocd.writeUInt32LE(opts.zip64 ? M : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}

/** A deflated entry with its true size declared. */
export function deflated(name: string, text: string | Buffer): RawEntry {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: deflateRawSync(raw), size: raw.length };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package around hand-written sheet XML (sheets named Sheet1…), optional sharedStrings and styles. */
export function xlsxPackage(parts: { sheets: string[]; shared?: string; styles?: string; workbook?: string; stored?: boolean; zip?: { descriptor?: boolean; zip64?: boolean } }): Buffer {
  const wb = parts.workbook ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${parts.sheets.map((_, i) => `<sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (parts.shared) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (parts.styles) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const files: [string, string][] = [
    ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', wb],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`],
    ...parts.sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s]),
  ];
  if (parts.shared) files.push(['xl/sharedStrings.xml', parts.shared]);
  if (parts.styles) files.push(['xl/styles.xml', parts.styles]);
  return rawZip(files.map(([name, text]) => (parts.stored ? { name, data: Buffer.from(text, 'utf8'), method: 0 } : deflated(name, text))), parts.zip);
}

export function sheetXml(body: string, extra = '', prefix = ''): string {
  const p = prefix ? prefix + ':' : '';
  const ns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}sheetData>${body}</${p}sheetData>${extra}</${p}worksheet>`;
}

/**
 * Raw deflate of `gigabytes`·10⁹-ish zero bytes, built from repeated sync-flushed 1 MiB segments
 * (~1 KB each), so making a 1.5 GB bomb takes milliseconds and almost no memory.
 */
export async function zeroBomb(mebibytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20);
  const d = createDeflateRaw({ level: 9 });
  const segs: Buffer[] = [];
  let current: Buffer[] = [];
  d.on('data', (b: Buffer) => current.push(b));
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => { d.write(chunk); d.flush(constants.Z_SYNC_FLUSH, () => resolve()); });
    segs.push(Buffer.concat(current));
    current = [];
  }
  d.destroy();
  if (!segs[1].equals(segs[2])) throw new Error('zlib segments differ: cannot build the bomb by repetition');
  return Buffer.concat([segs[0], ...Array<Buffer>(mebibytes - 1).fill(segs[1]), Buffer.from([3, 0])]);
}

/** Test-only reference: the grids ExcelJS `load` gives, flattened the way the lean reader flattens. */
export async function excelJsGrids(bytes: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = Boolean(wb.properties?.date1904);
  return wb.worksheets.map((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = flatten(cell.value);
        if (v === null) return;
        while (out.length < c - 1) out.push(null);
        out[c - 1] = v;
      });
      if (out.length > 0) {
        while (rows.length < r - 1) rows.push([]);
        rows[r - 1] = out;
      }
    });
    const merges: MergeRange[] = Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges)
      .map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
    return { name: ws.name, rows, merges, date1904, hidden: ws.state !== 'visible' };
  });
}

function flatten(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    const res = (v as { result?: unknown }).result;
    if (res === undefined || res === null) return null;
    if (typeof res === 'object' && 'error' in (res as object)) return (res as { error: string }).error;
    return res as CellValue;
  }
  if ('text' in v) return typeof v.text === 'string' ? v.text : flatten(v.text as ExcelJS.CellValue);
  return null;
}
