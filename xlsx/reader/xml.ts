/**
 * Tiny helpers for scanning SpreadsheetML with indexOf/charCodeAt: element search that
 * respects an optional namespace prefix, attribute reading, text decoding (entities,
 * numeric character references, CDATA, OOXML `_xHHHH_` escapes) and rich-text flattening.
 */

/** Namespace prefix of the document's root element ("" or e.g. "x:"), so `<x:row>` files read too. */
export function rootPrefix(xml: string): string {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return '';
    const c = xml.charCodeAt(i + 1);
    if (c !== 63 /* ? */ && c !== 33 /* ! */) break;
    i++;
  }
  let j = i + 1;
  while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
  const name = xml.slice(i + 1, j);
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** True for the characters that end an element name: space, tab, CR, LF, ">" and "/". */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Index of the next start tag `<tag` (exact name) at or after `from` and before `end`, or -1. */
export function findTag(xml: string, tag: string, from: number, end = xml.length): number {
  const open = '<' + tag;
  let i = from;
  for (;;) {
    i = indexFrom(xml, open, i);
    if (i < 0 || i >= end) return -1;
    if (isNameEnd(xml.charCodeAt(i + open.length))) return i;
    i += open.length;
  }
}

let memoXml = '';
const memo = new Map<string, { from: number; at: number }>();

/**
 * Starts a new document for `indexFrom`'s memo. Called for every part before it is scanned: two parts
 * with equal text (a copied sheet, many sheet entries on one part) are different strings, and
 * `xml !== memoXml` would otherwise compare them character by character on every call.
 */
export function newDocument(): void {
  memoXml = '';
  memo.clear();
}

/**
 * xml.indexOf(needle, from), remembering the last answer per needle: searches bounded by an end
 * (a tag absent from a cell) would otherwise rescan the rest of the document each time.
 */
function indexFrom(xml: string, needle: string, from: number): number {
  if (xml !== memoXml) {
    memoXml = xml;
    memo.clear();
  }
  const m = memo.get(needle);
  if (m && m.from <= from && (m.at >= from || m.at < 0)) return m.at;
  const at = xml.indexOf(needle, from);
  if (m) { m.from = from; m.at = at; } else memo.set(needle, { from, at });
  return at;
}

/** Index just past the `>` closing the start tag that begins at `start`. */
export function tagEnd(xml: string, start: number): number {
  // Attribute values in OOXML never contain a raw ">" unescaped in practice, but tolerate it in quotes.
  let i = start + 1;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return n;
      i = q + 1;
    } else i++;
  }
  return n;
}

/** True when the start tag ending at `end` (index past ">") is self-closing. */
export function selfClosing(xml: string, end: number): boolean {
  return xml.charCodeAt(end - 2) === 47;
}

/**
 * The raw (still encoded) value of attribute `name` in the start tag [start, end), or null.
 * `name` may be a local name ("id") matching any prefix ("r:id") when `anyPrefix` is set.
 */
export function attr(xml: string, start: number, end: number, name: string, anyPrefix = false): string | null {
  let i = start + 1;
  while (i < end && !isNameEnd(xml.charCodeAt(i))) i++;
  while (i < end) {
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < end && xml.charCodeAt(i) !== 61 /* = */ && !isNameEnd(xml.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) { i++; continue; }
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) return null;
    const valEnd = xml.indexOf(q === 34 ? '"' : "'", i + 1);
    if (valEnd < 0) return null;
    if (nameMatches(xml, nameStart, nameEnd, name, anyPrefix)) return xml.slice(i + 1, valEnd);
    i = valEnd + 1;
  }
  return null;
}

function nameMatches(xml: string, s: number, e: number, name: string, anyPrefix: boolean): boolean {
  const len = e - s;
  if (len === name.length) return xml.startsWith(name, s);
  if (!anyPrefix || len <= name.length) return false;
  return xml.charCodeAt(e - name.length - 1) === 58 /* : */ && xml.startsWith(name, e - name.length);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Decoded attribute value, or null. */
export function attrText(xml: string, start: number, end: number, name: string, anyPrefix = false): string | null {
  const v = attr(xml, start, end, name, anyPrefix);
  return v === null ? null : decodeText(v);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities, numeric character references and OOXML `_xHHHH_` escapes. */
export function decodeText(s: string): string {
  let out = s.indexOf('&') >= 0 ? decodeEntities(s) : s;
  if (out.indexOf('_x') >= 0) out = decodeOoxmlEscapes(out);
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref];
    const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** `_x000D_` → CR; `_x005F_` escapes a literal underscore (ST_Xstring). */
function decodeOoxmlEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content between `from` and `to` (the inside of an element), decoded; CDATA kept verbatim. */
export function innerText(xml: string, from: number, to: number): string {
  const cd = indexFrom(xml, '<![CDATA[', from);
  if (cd < 0 || cd >= to) return decodeText(xml.slice(from, to));
  let out = '';
  let i = from;
  while (i < to) {
    const c = indexFrom(xml, '<![CDATA[', i);
    if (c < 0 || c >= to) { out += decodeText(xml.slice(i, to)); break; }
    out += decodeText(xml.slice(i, c));
    const e = xml.indexOf(']]>', c + 9);
    const stop = e < 0 || e > to ? to : e;
    out += xml.slice(c + 9, stop);
    i = stop + 3;
  }
  return out;
}

/**
 * The text of a string item (`<si>` / `<is>` content between from and to): the plain `<t>`
 * or the concatenated `<r><t>` runs, excluding phonetic `<rPh>` runs.
 */
function richText(xml: string, from: number, to: number, p: string): string {
  const tTag = p + 't';
  const rPh = p + 'rPh';
  const closeT = '</' + tTag + '>';
  let out = '';
  let i = from;
  let nextPh = findTag(xml, rPh, i, to);
  for (;;) {
    const t = findTag(xml, tTag, i, to);
    if (t < 0) return out;
    if (nextPh >= 0 && nextPh < t) {
      const phEnd = xml.indexOf('</' + rPh + '>', nextPh);
      i = phEnd < 0 ? to : phEnd;
      nextPh = findTag(xml, rPh, i, to);
      continue;
    }
    const open = tagEnd(xml, t);
    if (selfClosing(xml, open)) { i = open; continue; }
    const close = xml.indexOf(closeT, open);
    const stop = close < 0 || close > to ? to : close;
    out += innerText(xml, open, stop);
    i = stop + closeT.length;
  }
}

/** Text of a string item (`<si>` / `<is>` content): fast path for a lone `<t>`, else the rich-text walk. */
export function itemText(xml: string, from: number, to: number, p: string): string {
  let i = from;
  while (i < to && xml.charCodeAt(i) <= 32) i++;
  if (p === '' && xml.charCodeAt(i) === 60 && xml.charCodeAt(i + 1) === 116) {
    const c2 = xml.charCodeAt(i + 2);
    if (c2 === 62 || c2 === 32) {
      const open = c2 === 62 ? i + 3 : tagEnd(xml, i);
      const close = xml.indexOf('</t>', open);
      if (close >= 0 && xml.charCodeAt(open - 2) !== 47 && onlySpaceBetween(xml, close + 4, to)) {
        const s = xml.slice(open, close);
        return s.indexOf('&') < 0 && s.indexOf('_x') < 0 && s.indexOf('<') < 0 ? s : innerText(xml, open, close);
      }
    }
  }
  return richText(xml, from, to, p);
}

function onlySpaceBetween(xml: string, from: number, to: number): boolean {
  if (from > to) return false;
  for (let i = from; i < to; i++) if (xml.charCodeAt(i) > 32) return false;
  return true;
}

/** True when `ch` occurs right after a "<" at or after `from`. */
function afterLt(xml: string, ch: string, from: number): boolean {
  for (let i = xml.indexOf(ch, from); i >= 0; i = xml.indexOf(ch, i + 1)) if (xml.charCodeAt(i - 1) === 60) return true;
  return false;
}

/**
 * The document with comments and processing instructions removed and CDATA sections turned into
 * escaped text, as an XML parser would see them; the scanners then never take a `<row>` inside a
 * comment for data. The XML declaration is kept. Parts without any of these (all Excel writes) are
 * returned as they are, after a search for the rare "!" and "?" (searching for "<!" would stop at every tag).
 */
export function plainMarkup(xml: string): string {
  const decl = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  if (!afterLt(xml, '!', decl) && !afterLt(xml, '?', decl)) return xml;
  let out = xml.slice(0, decl);
  let i = decl;
  const n = xml.length;
  while (i < n) {
    const a = xml.indexOf('<!', i);
    const b = xml.indexOf('<?', i);
    const lt = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (lt < 0) { out += xml.slice(i); break; }
    out += xml.slice(i, lt);
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
    } else if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      i = e < 0 ? n : e + 2;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      const stop = e < 0 ? n : e;
      out += xml.slice(lt + 9, stop).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      i = stop + 3;
    } else {
      out += '<!'; // a DOCTYPE: kept (entities are never expanded)
      i = lt + 2;
    }
  }
  return out;
}

// Characters XML 1.0 forbids in text (C0 controls but tab, LF, CR; U+FFFE/U+FFFF) and lone surrogates:
// they reach a cell through `&#1;`, `_x0001_` or raw bytes, and would make the outputs invalid.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** The text with each invalid character replaced by U+FFFD (the same string when there is none). */
export function replaceInvalid(s: string): string {
  if (!SUSPECT.test(s)) return s;
  const out = s.replace(INVALID, '\uFFFD');
  return out === s ? s : out;
}
