/**
 * Add native charts to a written .xlsx: unzip, add xl/charts/chartN.xml and
 * xl/drawings/drawingN.xml (+ rels), point each sheet at its drawing, register
 * the parts in [Content_Types].xml. Untouched parts are copied without recompression.
 */
import { chartXml, drawingXml, escapeXml, relsXml, type ResolvedChart } from './chart-xml';
import { openZip, OWN_OUTPUT, readNamed } from '../zip/read';
import { patchZip } from '../zip/write';

const strToU8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;
const CT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/** Sheet name → its worksheet part path ("xl/worksheets/sheet1.xml"), read from workbook.xml and its rels. */
export function sheetParts(zip: Uint8Array): Map<string, string> {
  const wb = text(zip, 'xl/workbook.xml') ?? '';
  const rels = text(zip, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const parts = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

function text(zip: Uint8Array, name: string): string | undefined {
  const buf = Buffer.isBuffer(zip) ? zip : Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  return readNamed(openZip(buf, OWN_OUTPUT), name)?.toString('utf8');
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Elements that must follow <drawing> in CT_Worksheet order.
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/** Insert <drawing r:id> into a worksheet part at its schema position. */
export function insertDrawingRef(sheetXml: string, rid: string): string {
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const withNs = /<worksheet\b[^>]*\bxmlns:r=/.test(sheetXml)
    ? sheetXml
    : sheetXml.replace(/<worksheet\b/, '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  const shift = withNs.length - sheetXml.length;
  const pos = at + shift;
  return withNs.slice(0, pos) + `<drawing r:id="${rid}"/>` + withNs.slice(pos);
}

function addRelationship(relsText: string | undefined, rel: { id: string; type: string; target: string }): string {
  if (!relsText) return relsXml([rel]);
  const tag = `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${escapeXml(rel.target)}"/>`;
  return relsText.replace('</Relationships>', tag + '</Relationships>');
}

/** The zip with charts added; `charts` maps sheet name → its charts. */
export function addCharts(zip: Uint8Array, charts: Map<string, ResolvedChart[]>): Uint8Array {
  if (!charts.size) return zip;
  const parts = sheetParts(zip);
  const changes = new Map<string, Uint8Array>();
  let types = text(zip, '[Content_Types].xml') ?? '';
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheet, list] of charts) {
    const part = parts.get(sheet);
    if (!part || !list.length) continue;
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels = list.map((ch, i) => {
      chartNo++;
      changes.set(`xl/charts/chart${chartNo}.xml`, strToU8(chartXml(ch)));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT.chart}"/></Types>`);
      return { id: `rId${i + 1}`, type: REL.chart, target: `../charts/chart${chartNo}.xml` };
    });
    changes.set(drawingPath, strToU8(drawingXml(list)));
    changes.set(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, strToU8(relsXml(chartRels)));
    types = types.replace('</Types>', `<Override PartName="/${drawingPath}" ContentType="${CT.drawing}"/></Types>`);
    const slash = part.lastIndexOf('/');
    const relsPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
    const rid = 'rIdTiendoDrawing1';
    changes.set(relsPath, strToU8(addRelationship(text(zip, relsPath), { id: rid, type: REL.drawing, target: `../drawings/drawing${drawingNo}.xml` })));
    changes.set(part, strToU8(insertDrawingRef(text(zip, part) ?? '', rid)));
  }
  changes.set('[Content_Types].xml', strToU8(types));
  return patchZip(zip, changes);
}
