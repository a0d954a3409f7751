/**
 * A small event tokenizer for WordprocessingML (word/document.xml): start, end and text events with the element's
 * local name and raw attributes. Comments, processing instructions and the DOCTYPE are skipped as XML defines them;
 * CDATA is text. Entities are decoded in text and attribute values.
 */
export type XmlEvent =
  | { kind: 'open'; name: string; attrs: string; empty: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITY[e] ?? m;
  });
}

/** The value of attribute `name` (any prefix: "w:val" and "val" both match "val"), decoded, or null. */
export function attrOf(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
}

/** Walks the XML once, calling `on` for each event. */
export function tokenize(xml: string, on: (e: XmlEvent) => void): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      on({ kind: 'text', text: decodeEntities(xml.slice(i)) });
      break;
    }
    if (lt > i) on({ kind: 'text', text: decodeEntities(xml.slice(i, lt)) });
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      on({ kind: 'text', text: xml.slice(lt + 9, end < 0 ? n : end) });
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = xml[j];
      if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c; else if (c === '>') break;
    }
    const body = xml.slice(lt + 1, j);
    i = j + 1;
    if (body[0] === '/') {
      on({ kind: 'close', name: localName(body.slice(1).trim()) });
      continue;
    }
    const empty = body.endsWith('/');
    const inner = empty ? body.slice(0, -1) : body;
    const sp = inner.search(/\s/);
    const name = localName(sp < 0 ? inner : inner.slice(0, sp));
    on({ kind: 'open', name, attrs: sp < 0 ? '' : inner.slice(sp), empty });
  }
}

function localName(qname: string): string {
  const k = qname.indexOf(':');
  return k < 0 ? qname : qname.slice(k + 1);
}
