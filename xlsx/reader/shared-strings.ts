/** sharedStrings.xml → array of flattened strings (rich text runs joined, phonetic runs dropped). */
import { findTag, itemText, rootPrefix, selfClosing, tagEnd } from './xml';

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
    out.push(itemText(xml, open, end, p));
    i = findTag(xml, siTag, end);
  }
  return out;
}
