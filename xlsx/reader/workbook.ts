/** workbook.xml and its relationships: sheet list (name, hidden, part path), date1904, styles and sharedStrings paths. */
import { attr, attrText, findTag, rootPrefix, tagEnd } from './xml';

export interface SheetRef {
  name: string;
  hidden: boolean;
  /** Zip path of the sheet part, or null when the relationship is missing. */
  path: string | null;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

export interface Relationship {
  type: string;
  target: string;
}

/** Relationships by id; targets resolved to zip paths relative to `baseDir` ("xl/"). */
export function parseRels(xml: string, baseDir: string): Map<string, Relationship> {
  const p = rootPrefix(xml);
  const out = new Map<string, Relationship>();
  let i = findTag(xml, p + 'Relationship', 0);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    const id = attrText(xml, i, end, 'Id');
    const target = attrText(xml, i, end, 'Target');
    const mode = attr(xml, i, end, 'TargetMode');
    if (id !== null && target !== null && mode !== 'External') {
      out.set(id, { type: attrText(xml, i, end, 'Type') ?? '', target: resolvePath(baseDir, target) });
    }
    i = findTag(xml, p + 'Relationship', end);
  }
  return out;
}

/** Joins a relationship target to its base folder, handling "/xl/…" absolute and "../" targets. */
function resolvePath(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const seg of raw.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function parseWorkbook(xml: string, rels: Map<string, Relationship>): WorkbookInfo {
  const p = rootPrefix(xml);
  const sheets: SheetRef[] = [];
  let i = findTag(xml, p + 'sheet', 0);
  while (i >= 0) {
    const end = tagEnd(xml, i);
    const state = attr(xml, i, end, 'state');
    const rid = attrText(xml, i, end, 'id', true);
    const rel = rid === null ? undefined : rels.get(rid);
    sheets.push({
      name: attrText(xml, i, end, 'name') ?? `Sheet${sheets.length + 1}`,
      hidden: state === 'hidden' || state === 'veryHidden',
      path: rel ? rel.target : null,
    });
    i = findTag(xml, p + 'sheet', end);
  }
  const pr = findTag(xml, p + 'workbookPr', 0);
  const d1904 = pr < 0 ? null : attr(xml, pr, tagEnd(xml, pr), 'date1904');
  return {
    sheets,
    date1904: d1904 === '1' || d1904 === 'true',
    stylesPath: relOfType(rels, '/styles'),
    sharedStringsPath: relOfType(rels, '/sharedStrings'),
  };
}

function relOfType(rels: Map<string, Relationship>, suffix: string): string | null {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
  return null;
}

/** The main part path from the package's root relationships (_rels/.rels), or null. */
export function officeDocumentPath(xml: string): string | null {
  for (const r of parseRels(xml, '').values()) if (r.type.endsWith('/officeDocument')) return r.target;
  return null;
}
