/** Reading back a .docx tiendo wrote: the visible text of its paragraphs and tables, from word/document.xml. */
import { readFileSync } from 'node:fs';
import { openZip, readNamed } from '../../xlsx/zip/read';

/** The visible text of each paragraph of document.xml (runs joined, <w:br/> as a newline). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
    .map((t) => (t[1] === undefined ? '\n' : t[1])).join('')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
}

/** Rows of every table: each row's cells' text. */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)]
    .map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n'))));
}

export function docXml(file: string): string {
  return readNamed(openZip(readFileSync(file)), 'word/document.xml')!.toString('utf8');
}

