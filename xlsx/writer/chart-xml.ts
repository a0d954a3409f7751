/**
 * DrawingML for native bar charts: chartN.xml and drawingN.xml text, from a resolved
 * chart (absolute ranges plus cached values).
 */
import { escAttr, escText, XML_HEAD } from './xml';

export interface ResolvedSeries {
  name: string;
  /** Absolute reference, e.g. "'Tổng hợp'!$C$7:$C$20". */
  ref: string;
  values: number[];
  color?: string;
}

export interface ResolvedChart {
  title: string;
  direction: 'bar' | 'col';
  grouping: 'clustered' | 'stacked';
  categoriesRef: string;
  categories: string[];
  series: ResolvedSeries[];
  /** 0-based anchor cells, `to` exclusive. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** A sheet-qualified absolute range: ref("Tổng hợp", "A", 7, 20) → "'Tổng hợp'!$A$7:$A$20". */
export function absRef(sheet: string, col: string, first: number, last: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${first}:$${col}$${last}`;
}

const FONT = '<a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/>';

function txPr(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}">${FONT}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

function strCache(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escText(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${Number.isFinite(v) ? v : 0}</c:v></c:pt>`).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function seriesXml(chart: ResolvedChart, s: ResolvedSeries, i: number): string {
  const fill = s.color ? `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>` : '';
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escText(s.name)}</c:v></c:tx>${fill}` +
    '<c:invertIfNegative val="0"/>' +
    `<c:cat><c:strRef><c:f>${escText(chart.categoriesRef)}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escText(s.ref)}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`;
}

/** xl/charts/chartN.xml */
export function chartXml(chart: ResolvedChart): string {
  const horizontal = chart.direction === 'bar';
  const stacked = chart.grouping === 'stacked';
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1300" b="1">${FONT}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1300" b="1">${FONT}</a:rPr><a:t>${escText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title>';
  const bar = `<c:barChart><c:barDir val="${chart.direction}"/><c:grouping val="${chart.grouping}"/><c:varyColors val="0"/>` +
    chart.series.map((s, i) => seriesXml(chart, s, i)).join('') +
    `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>`;
  // Horizontal bars list the first unit on top (categories in reverse order, values axis at the bottom).
  const catAx = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' + txPr(1000) +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx = `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' + txPr(1000) +
    `<c:crossAx val="500000001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(1000)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${txPr(1000)}</c:chartSpace>`;
}

/** xl/drawings/drawingN.xml holding one anchor per chart; chart i uses relationship rId{i+1}. */
export function drawingXml(charts: ResolvedChart[]): string {
  const anchors = charts.map((ch, i) =>
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${ch.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${ch.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ch.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escAttr(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>').join('');
  return XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}
