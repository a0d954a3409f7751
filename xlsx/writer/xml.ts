/** XML text and attribute escaping for the writer. Input is already safeText-cleaned. */

const TEXT_ANY = /[&<>"\r]/;
const TEXT_RE = /[&<>"\r]/g;
const ATTR_ANY = /[&<>"\r\n\t]/;
const ATTR_RE = /[&<>"\r\n\t]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
const replace = (ch: string): string => ENTITY[ch];

/** Element text: &, <, >, " escaped; CR kept as a character reference (parsers would fold it). */
export function escText(s: string): string {
  return TEXT_ANY.test(s) ? s.replace(TEXT_RE, replace) : s;
}

/** Attribute value: also quotes, and tab/LF/CR as references (attribute normalisation would turn them into spaces). */
export function escAttr(s: string): string {
  return ATTR_ANY.test(s) ? s.replace(ATTR_RE, replace) : s;
}

/** Space, tab, LF, CR: what XML may strip or fold without xml:space="preserve". */
function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A <t> element; leading/trailing whitespace or line breaks need xml:space="preserve". */
export function tElement(s: string): string {
  const preserve = s.length > 0 && (isXmlSpace(s.charCodeAt(0)) || isXmlSpace(s.charCodeAt(s.length - 1)) || s.includes('\n'));
  return (preserve ? '<t xml:space="preserve">' : '<t>') + escText(s) + '</t>';
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
