/**
 * The styles.xml table: CellLook (+ unlocked) → cellXfs index,
 * with fonts, fills, borders and number formats interned.
 */
import type { CellLook } from '../../report/layout/spec';
import { COLOR, FONT_NAME, SIZE } from '../../report/layout/style';
import { escAttr, NS_MAIN, XML_HEAD } from './xml';

/** Excel's built-in number formats that ExcelJS also maps to their ids. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11,
  'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17, 'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19,
  'h:mm': 20, 'h:mm:ss': 21, 'm/d/yy h:mm': 22, '@': 49,
};

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const THIN = `style="thin"><color rgb="FF${COLOR.border}"/>`;
const BORDER_ALL = `<border><left ${THIN}</left><right ${THIN}</right><top ${THIN}</top><bottom ${THIN}</bottom><diagonal/></border>`;

/** A conditional-format look (fill and/or font colour). */
export interface DxfLook {
  fill?: string;
  color?: string;
}

export interface StyleTable {
  /** cellXfs index of a look. */
  xf(look: CellLook, unlocked?: boolean): number;
  /** dxfs index of a conditional-format look. */
  dxf(look: DxfLook): number;
  xml(): string;
}

function interner(): { index(key: string): number; list: string[] } {
  const map = new Map<string, number>();
  const list: string[] = [];
  return {
    list,
    index(key: string): number {
      let i = map.get(key);
      if (i === undefined) {
        i = list.length;
        list.push(key);
        map.set(key, i);
      }
      return i;
    },
  };
}

function fontXml(look: CellLook): string {
  return '<font>' + (look.bold ? '<b/>' : '') + (look.italic ? '<i/>' : '') +
    `<sz val="${look.size ?? SIZE.body}"/>` + (look.color ? `<color rgb="FF${look.color}"/>` : '') +
    `<name val="${FONT_NAME}"/></font>`;
}

function alignmentXml(look: CellLook): string {
  const v = look.valign === 'middle' ? 'center' : look.valign ?? 'top';
  return '<alignment' + (look.align ? ` horizontal="${look.align}"` : '') + ` vertical="${v}"` + (look.wrap ? ' wrapText="1"' : '') + '/>';
}

export function styleTable(): StyleTable {
  const fonts = interner();
  fonts.index(DEFAULT_FONT);
  const fills = interner();
  fills.index('<fill><patternFill patternType="none"/></fill>');
  fills.index('<fill><patternFill patternType="gray125"/></fill>');
  const borders = interner();
  borders.index('<border><left/><right/><top/><bottom/><diagonal/></border>');
  const numFmts = new Map<string, number>();
  const xfs = interner();
  xfs.index('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  const byLook = new Map<string, number>();
  const dxfs = interner();

  function numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = numFmts.get(code);
    if (id === undefined) numFmts.set(code, (id = 164 + numFmts.size));
    return id;
  }

  function build(look: CellLook, unlocked: boolean): string {
    const fmt = look.numFmt ? numFmtId(look.numFmt) : 0;
    const font = fonts.index(fontXml(look));
    const fill = look.fill ? fills.index(`<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/></patternFill></fill>`) : 0;
    const border = look.border ? borders.index(BORDER_ALL) : 0;
    return `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      (fmt ? ' applyNumberFormat="1"' : '') + ' applyFont="1"' + (fill ? ' applyFill="1"' : '') + (border ? ' applyBorder="1"' : '') +
      ' applyAlignment="1"' + (unlocked ? ' applyProtection="1"' : '') + '>' +
      alignmentXml(look) + (unlocked ? '<protection locked="0"/>' : '') + '</xf>';
  }

  return {
    xf(look, unlocked = false) {
      const key = JSON.stringify(look) + (unlocked ? 'U' : '');
      let i = byLook.get(key);
      if (i === undefined) byLook.set(key, (i = xfs.index(build(look, unlocked))));
      return i;
    },
    dxf(look) {
      return dxfs.index('<dxf>' + (look.color ? `<font><color rgb="FF${look.color}"/></font>` : '') +
        (look.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="FF${look.fill}"/></patternFill></fill>` : '') + '</dxf>');
    },
    xml() {
      const fmts = [...numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`).join('');
      const section = (tag: string, list: string[]): string => `<${tag} count="${list.length}">${list.join('')}</${tag}>`;
      return XML_HEAD + `<styleSheet xmlns="${NS_MAIN}">` +
        (numFmts.size ? `<numFmts count="${numFmts.size}">${fmts}</numFmts>` : '') +
        section('fonts', fonts.list) + section('fills', fills.list) + section('borders', borders.list) +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        section('cellXfs', xfs.list) +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        section('dxfs', dxfs.list) +
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';
    },
  };
}
