/** sharedStrings.xml → array of flattened strings (rich text runs joined, phonetic runs dropped). */
import { findTag, itemText, replaceInvalid, rootPrefix, selfClosing, tagEnd } from './xml';

/** The strings, with invalid characters replaced by U+FFFD; `replaced` holds the indexes of those changed. */
export function parseSharedStrings(xml: string, replaced?: Set<number>): string[] {
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
    const t = itemText(xml, open, end, p);
    const clean = replaceInvalid(t);
    if (clean !== t) replaced?.add(out.length);
    out.push(clean);
    i = findTag(xml, siTag, end);
  }
  return out;
}
