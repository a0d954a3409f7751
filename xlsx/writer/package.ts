/** The package parts around the sheets: content types, relationships, workbook.xml, document properties. */
import { sheetLayout, type SheetSpec, type WorkbookSpec } from '../../report/layout/spec';
import { escAttr, escText, NS_MAIN, NS_REL, XML_HEAD } from './xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

export const REL_TYPE = {
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
} as const;

export interface Rel {
  id: string;
  type: string;
  target: string;
}

export function relsXml(rels: Rel[]): string {
  return XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escAttr(r.target)}"/>`).join('') + '</Relationships>';
}

/** [Content_Types].xml for `sheets` worksheets, `drawings` drawings and `charts` charts. */
export function contentTypesXml(sheets: number, drawings: number, charts: number): string {
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  const parts = [o('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`)];
  for (let i = 1; i <= sheets; i++) parts.push(o(`/xl/worksheets/sheet${i}.xml`, `${CT}.spreadsheetml.worksheet+xml`));
  for (let i = 1; i <= drawings; i++) parts.push(o(`/xl/drawings/drawing${i}.xml`, `${CT}.drawing+xml`));
  for (let i = 1; i <= charts; i++) parts.push(o(`/xl/charts/chart${i}.xml`, `${CT}.drawingml.chart+xml`));
  parts.push(o('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`), o('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`),
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'), o('/docProps/app.xml', `${CT}.extended-properties+xml`));
  return XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    parts.join('') + '</Types>';
}

export function rootRelsXml(): string {
  return relsXml([
    { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
    { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
    { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
  ]);
}

/** xl/_rels/workbook.xml.rels: sheets are rId1..rIdN, then styles and shared strings. */
export function workbookRelsXml(sheets: number): string {
  const rels: Rel[] = [];
  for (let i = 1; i <= sheets; i++) rels.push({ id: `rId${i}`, type: REL_TYPE.worksheet, target: `worksheets/sheet${i}.xml` });
  rels.push({ id: `rId${sheets + 1}`, type: REL_TYPE.styles, target: 'styles.xml' });
  rels.push({ id: `rId${sheets + 2}`, type: REL_TYPE.sharedStrings, target: 'sharedStrings.xml' });
  return relsXml(rels);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** xl/workbook.xml with sheet states and the print titles of each sheet. */
export function workbookXml(sheets: SheetSpec[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  const names = sheets.flatMap((s, i) => {
    if (!s.print?.repeatHeader) return [];
    const l = sheetLayout(s);
    return [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escText(`${quoteSheet(s.name)}!$${l.headerTop}:$${l.firstDataRow - 1}`)}</definedName>`];
  });
  const active = Math.max(0, sheets.findIndex((s) => !s.hidden));
  return XML_HEAD + `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<workbookPr/><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${list}</sheets>` +
    (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') + '<calcPr calcId="171027"/></workbook>';
}

function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(spec: WorkbookSpec): string {
  const created = w3cdtf(spec.created ?? new Date());
  return XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escText(spec.creator ?? 'tiendo')}</dc:creator><dc:title>${escText(spec.title ?? '')}</dc:title>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`;
}

export function appXml(sheets: SheetSpec[]): string {
  return XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escText(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
}
