/** sharedStrings.xml → array of flattened strings (rich text runs joined, phonetic runs dropped). */
import { findTag, richText, rootPrefix, selfClosing, tagEnd } from './xml';

export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const siTag = p + 'si';
  const close = '</' + siTag + '>';
  const out: string[] = [];
  let i = findTag(xml, siTag, 0);
  while (i >= 0) {
    const open = tagEnd(xml, i);
    if (selfClosing(xml, open)) {
      out.push('');
      i = findTag(xml, siTag, open);
      continue;
    }
    let end = xml.indexOf(close, open);
    if (end < 0) end = xml.length;
    out.push(plainOrRich(xml, open, end, p));
    i = findTag(xml, siTag, end);
  }
  return out;
}

/** Fast path for the common `<t>text</t>` item; falls back to the rich-text walk. */
function plainOrRich(xml: string, from: number, to: number, p: string): string {
  if (p === '' && xml.charCodeAt(from) === 60 && xml.startsWith('<t>', from)) {
    const close = xml.indexOf('</t>', from + 3);
    if (close >= 0 && close + 4 === to) {
      const s = xml.slice(from + 3, close);
      return s.indexOf('&') < 0 && s.indexOf('_x') < 0 && s.indexOf('<') < 0 ? s : richText(xml, from, to, p);
    }
  }
  return richText(xml, from, to, p);
}
