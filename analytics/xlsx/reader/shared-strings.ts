/** sharedStrings.xml → array of flattened strings (rich text runs joined, phonetic runs dropped). */
import { findTag, innerText, richText, rootPrefix, selfClosing, tagEnd } from './xml';

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

/** Fast path for the common single `<t>` item (with or without xml:space); falls back to the rich-text walk. */
function plainOrRich(xml: string, from: number, to: number, p: string): string {
  if (p === '' && xml.charCodeAt(from) === 60 && xml.charCodeAt(from + 1) === 116) {
    const c2 = xml.charCodeAt(from + 2);
    if (c2 === 62 || c2 === 32) {
      const open = c2 === 62 ? from + 3 : tagEnd(xml, from);
      const close = xml.indexOf('</t>', open);
      if (close >= 0 && close + 4 === to && xml.charCodeAt(open - 2) !== 47) {
        const s = xml.slice(open, close);
        return s.indexOf('&') < 0 && s.indexOf('_x') < 0 && s.indexOf('<') < 0 ? s : innerText(xml, open, close);
      }
    }
  }
  return richText(xml, from, to, p);
}
