/** styles.xml → one interned CellStyle per cellXfs index (number format, font name, bold) and which are dates. */
import { isDateOrTimeFormat } from '../../core/deadline/serial';
import type { CellStyle } from '../../core/grid';
import { attr, attrText, findTag, rootPrefix, selfClosing, tagEnd } from './xml';

export interface StyleTable {
  /** styles[s] for cell attribute s="…". */
  styles: CellStyle[];
  /** isDate[s]: the number format displays a date or time. */
  isDate: boolean[];
}

/** Built-in number formats (ECMA-376 18.8.30); 14 displays as the locale's short date. */
const BUILTIN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss',
  46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Built-in ids that are dates in some locale even without a code (27–36, 50–58: East Asian dates). */
function builtinIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export const EMPTY_STYLES: StyleTable = { styles: [], isDate: [] };

export function parseStyles(xml: string): StyleTable {
  const p = rootPrefix(xml);
  const fmts = parseNumFmts(xml, p);
  const fonts = parseFonts(xml, p);
  const styles: CellStyle[] = [];
  const isDate: boolean[] = [];
  const section = sectionOf(xml, p + 'cellXfs');
  if (!section) return { styles, isDate };
  const interned = new Map<string, CellStyle>();
  let i = findTag(xml, p + 'xf', section.from, section.to);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    const numFmtId = Number(attr(xml, i, end, 'numFmtId') ?? 0);
    const fontId = Number(attr(xml, i, end, 'fontId') ?? 0);
    const code = fmts.get(numFmtId) ?? BUILTIN[numFmtId];
    const font = fonts[fontId];
    const style: CellStyle = {};
    if (code !== undefined) style.numFmt = code;
    if (font?.name !== undefined) style.font = font.name;
    if (font?.bold) style.bold = true;
    const key = `${style.numFmt}\u0000${style.font}\u0000${style.bold}`;
    let shared = interned.get(key);
    if (!shared) { shared = style; interned.set(key, style); }
    styles.push(shared);
    isDate.push(builtinIsDate(numFmtId) ? !fmts.has(numFmtId) || isDateOrTimeFormat(code) : isDateOrTimeFormat(code));
    i = findTag(xml, p + 'xf', end, section.to);
  }
  return { styles, isDate };
}

function sectionOf(xml: string, tag: string): { from: number; to: number } | null {
  const s = findTag(xml, tag, 0);
  if (s < 0) return null;
  const open = tagEnd(xml, s);
  if (selfClosing(xml, open)) return null;
  const close = xml.indexOf('</' + tag + '>', open);
  return { from: open, to: close < 0 ? xml.length : close };
}

function parseNumFmts(xml: string, p: string): Map<number, string> {
  const out = new Map<number, string>();
  const section = sectionOf(xml, p + 'numFmts');
  if (!section) return out;
  let i = findTag(xml, p + 'numFmt', section.from, section.to);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    const id = attr(xml, i, end, 'numFmtId');
    const code = attrText(xml, i, end, 'formatCode');
    if (id !== null && code !== null) out.set(Number(id), code);
    i = findTag(xml, p + 'numFmt', end, section.to);
  }
  return out;
}

function parseFonts(xml: string, p: string): { name?: string; bold: boolean }[] {
  const out: { name?: string; bold: boolean }[] = [];
  const section = sectionOf(xml, p + 'fonts');
  if (!section) return out;
  const fontTag = p + 'font';
  let i = findTag(xml, fontTag, section.from, section.to);
  while (i >= 0) {
    const open = tagEnd(xml, i);
    let close = selfClosing(xml, open) ? open : xml.indexOf('</' + fontTag + '>', open);
    if (close < 0) close = section.to;
    const font: { name?: string; bold: boolean } = { bold: false };
    const n = findTag(xml, p + 'name', open, close);
    if (n >= 0) font.name = attrText(xml, n, tagEnd(xml, n), 'val') ?? undefined;
    const b = findTag(xml, p + 'b', open, close);
    if (b >= 0) {
      const v = attr(xml, b, tagEnd(xml, b), 'val');
      font.bold = v === null || v === '1' || v === 'true';
    }
    out.push(font);
    i = findTag(xml, fontTag, close, section.to);
  }
  return out;
}
