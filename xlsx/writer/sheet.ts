/**
 * One worksheet part: the text before <sheetData> (sheet properties, dimension,
 * frozen view, columns), the rows, and the text after (protection, autoFilter,
 * merges, conditional formats, validations, print setup, drawing), in schema order.
 */
import { createHash, randomBytes } from 'node:crypto';
import { columnLetter } from '../../core/grid';
import type { SheetLayout, SheetSpec } from '../../report/layout/spec';
import { SIZE } from '../../report/layout/style';
import { bodyChunks, lastBodyRow, lastVisibleColumn, type BodyContext } from './body';
import type { Chunk } from '../zip/write';
import { conditionalFormatsXml, validationsXml } from './validation';
import { escText, NS_MAIN, NS_REL, XML_HEAD } from './xml';

/** worksheet part chunks; `drawingRid` adds the <drawing> reference. */
export function* sheetChunks(sheet: SheetSpec, layout: SheetLayout, ctx: BodyContext, drawingRid?: string): Generator<Chunk> {
  yield sheetHead(sheet, layout, ctx);
  yield* bodyChunks(sheet, layout, ctx);
  yield sheetTail(sheet, layout, ctx, drawingRid);
}

function sheetHead(sheet: SheetSpec, layout: SheetLayout, ctx: BodyContext): string {
  const lastRow = Math.max(lastBodyRow(sheet, layout), 1);
  const lastCol = Math.max(sheet.columns.length, 1);
  const pr = (sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor}"/>` : '') + (sheet.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '');
  const cols = sheet.columns.map((c, i) => {
    const style = ctx.styles.xf({ size: SIZE.body, wrap: c.wrap ?? true, ...(c.numFmt ? { numFmt: c.numFmt } : {}) }, !!c.unlocked);
    return `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${style}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`;
  }).join('');
  return XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (pr ? `<sheetPr>${pr}</sheetPr>` : '') +
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow}"/>` +
    sheetViews(sheet, layout) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>';
}

function sheetViews(sheet: SheetSpec, layout: SheetLayout): string {
  if (!sheet.freeze) return '';
  const x = sheet.freezeColumns ?? 0;
  const y = layout.firstDataRow - 1;
  const pane = x && y ? 'bottomRight' : y ? 'bottomLeft' : x ? 'topRight' : 'topLeft';
  const topLeft = columnLetter(x + 1) + String(layout.firstDataRow);
  const active = 'A' + String(layout.firstDataRow);
  return '<sheetViews><sheetView workbookViewId="0">' +
    `<pane${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`;
}

function sheetTail(sheet: SheetSpec, layout: SheetLayout, ctx: BodyContext, drawingRid?: string): string {
  const out: string[] = ['</sheetData>'];
  if (sheet.protection) out.push(protectionXml(sheet.protection.password));
  const visibleWidth = lastVisibleColumn(sheet.columns);
  if (sheet.autoFilter && sheet.columns.length) {
    out.push(`<autoFilter ref="A${layout.headerBottom}:${columnLetter(visibleWidth)}${Math.max(layout.lastDataRow, layout.headerBottom)}"/>`);
  }
  if (ctx.merges.length) out.push(`<mergeCells count="${ctx.merges.length}">${ctx.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  out.push(conditionalFormatsXml(sheet, layout, ctx.styles), validationsXml(sheet, layout));
  if (sheet.print) {
    out.push('<printOptions horizontalCentered="1"/>',
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
      `<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="1" fitToHeight="0"/>`,
      `<headerFooter><oddFooter>${escText('&C&"Times New Roman"&10Trang &P/&N')}</oddFooter></headerFooter>`);
  } else {
    out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      '<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="1"/>');
  }
  if (drawingRid) out.push(`<drawing r:id="${drawingRid}"/>`);
  out.push('</worksheet>');
  return out.join('');
}

/** <sheetProtection> as ExcelJS writes it (SHA-512 with a random salt when there is a password). */
function protectionXml(password?: string): string {
  const flags = 'sheet="1" formatColumns="0" formatRows="0" autoFilter="0"';
  if (!password) return `<sheetProtection ${flags}/>`;
  const salt = randomBytes(16);
  let hash = createHash('sha512').update(salt).update(Buffer.from(password, 'utf16le')).digest();
  const counter = Buffer.alloc(4);
  for (let i = 0; i < 100_000; i++) {
    counter.writeUInt32LE(i, 0);
    hash = createHash('sha512').update(hash).update(counter).digest();
  }
  return `<sheetProtection algorithmName="SHA-512" hashValue="${hash.toString('base64')}" saltValue="${salt.toString('base64')}" spinCount="100000" ${flags}/>`;
}
