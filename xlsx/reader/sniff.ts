/**
 * Recognises what a file that is not a readable workbook actually is: from its first bytes (sniff),
 * or from the parts of a zip that has no workbook (sniffZip). Each look-alike gets its own code and a
 * Vietnamese message saying what it is and how to save it as .xlsx: FILE_CSV, FILE_ODS, FILE_PDF,
 * FILE_LEGACY_XLS, FILE_LEGACY_DOC; FILE_WORD for a .docx under a spreadsheet's name (batch/read-grids.ts then
 * reads it as Word); anything else FILE_NOT_XLSX with a hint of the content.
 */
import { indexOfBytes, latin1, utf16leBytes } from '../zip/bytes';
import { looksLikeZip } from '../zip/unzip';
import { ReadFailure } from './limits';
import type { ZipArchive } from '../zip/unzip';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = utf16leBytes('EncryptedPackage');
const ENCRYPTION_INFO = utf16leBytes('EncryptionInfo');
/** The main stream of a Word 97-2003 document (.doc), as named in its OLE2 directory. */
const WORD_DOCUMENT = utf16leBytes('WordDocument');

/** How to turn each kind of look-alike into an .xlsx, in the users' words. */
const SAVE_AS = {
  excel: 'mở bằng Excel rồi lưu thành .xlsx (Tệp > Lưu thành > Sổ làm việc Excel)',
  excelOrCalc: 'mở bằng Excel hoặc LibreOffice rồi lưu thành .xlsx',
  word: 'chép bảng sang Excel rồi lưu thành .xlsx, hoặc đề nghị đơn vị gửi bản Excel',
  pdf: 'đề nghị đơn vị gửi bản Excel (.xlsx); không lấy được số liệu từ PDF',
} as const;

/** Throws the ReadFailure that describes a non-zip file; returns when the bytes look like a zip. `name` (the file name) refines the hint. */
export function sniff(buf: Uint8Array, name = ''): void {
  if (buf.length === 0) throw new ReadFailure('FILE_EMPTY', 'tệp rỗng (0 byte)');
  if (startsWith(buf, OLE2)) {
    // Password-protected .xlsx files are OLE2 containers holding EncryptionInfo + EncryptedPackage streams.
    if (indexOfBytes(buf, ENCRYPTED_PACKAGE) >= 0 || indexOfBytes(buf, ENCRYPTION_INFO) >= 0) {
      throw new ReadFailure('FILE_ENCRYPTED', 'tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại');
    }
    if (indexOfBytes(buf, WORD_DOCUMENT) >= 0) throw new ReadFailure('FILE_LEGACY_DOC', 'tệp Word 97-2003 (.doc); hãy mở bằng Word rồi lưu lại dưới dạng .docx');
    throw new ReadFailure('FILE_LEGACY_XLS', `tệp Excel 97-2003 (.xls): ${SAVE_AS.excel}`);
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) return;
  // A zip behind a prefix (a self-extractor's "MZ…" stub): the zip reader shifts the offsets.
  if (looksLikeZip(buf)) return;
  const head = textHead(buf);
  if (head.startsWith('%PDF')) throw new ReadFailure('FILE_PDF', `tệp PDF, không phải bảng tính: ${SAVE_AS.pdf}`);
  if (/^<\?xml[\s\S]*opendocument\.spreadsheet|^<office:document/i.test(head)) {
    throw new ReadFailure('FILE_ODS', `tệp OpenDocument dạng phẳng (.fods): ${SAVE_AS.excelOrCalc}`);
  }
  if (isMostlyText(buf) && (/\.(csv|tsv)$/i.test(name) || looksDelimited(head))) {
    throw new ReadFailure('FILE_CSV', `tệp văn bản CSV (các cột cách nhau bằng dấu phẩy), không phải .xlsx: ${SAVE_AS.excel}`);
  }
  throw new ReadFailure('FILE_NOT_XLSX', `không phải tệp Excel .xlsx${describe(buf, head)}`);
}

/** A zip with no workbook part: an OpenDocument or Word file saved under any name, or a binary .xlsb. */
export function sniffZip(zip: ZipArchive, mimetype: () => string): void {
  const has = (path: string): boolean => zip.folded.has(path);
  if (has('mimetype') || has('content.xml')) {
    let mime = '';
    try {
      if (has('mimetype')) mime = mimetype();
    } catch {
      // an unreadable mimetype entry: content.xml alone still says OpenDocument
    }
    if (mime.includes('opendocument.text')) throw new ReadFailure('FILE_NOT_XLSX', `tệp văn bản OpenDocument (.odt), không phải bảng tính: ${SAVE_AS.word}`);
    if (!mime || mime.includes('opendocument.spreadsheet')) throw new ReadFailure('FILE_ODS', `tệp OpenDocument (.ods): ${SAVE_AS.excelOrCalc}`);
  }
  if (has('word/document.xml')) throw new ReadFailure('FILE_WORD', `tệp Word (.docx) mang tên bảng tính: hãy đổi đuôi tệp thành .docx, hoặc ${SAVE_AS.word}`);
  if (has('xl/workbook.bin')) throw new ReadFailure('FILE_NOT_XLSX', `tệp Excel nhị phân (.xlsb): ${SAVE_AS.excel}`);
  if (has('ppt/presentation.xml')) throw new ReadFailure('FILE_NOT_XLSX', 'tệp PowerPoint (.pptx), không phải bảng tính');
}

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

function textHead(buf: Uint8Array): string {
  return latin1(buf, 0, Math.min(buf.length, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
}

/** Two lines or more, each cut into the same number (≥ 2) of fields by "," ";" or tab. */
function looksDelimited(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 5).filter((l) => l.trim());
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((sep) => {
    const n = lines[0].split(sep).length;
    return n >= 2 && lines.slice(1, -1).every((l) => l.split(sep).length === n);
  });
}

/** A short hint of what the content looks like, e.g. " (nội dung là trang HTML…)". */
function describe(buf: Uint8Array, head: string): string {
  if (/^{\\rtf/.test(head)) return ` (nội dung là văn bản RTF: ${SAVE_AS.word})`;
  if (/^<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet/i.test(head)) return ' (bảng tính XML 2003: hãy lưu lại dưới dạng .xlsx)';
  if (/^<(!doctype html|html|table|meta)/i.test(head)) return ' (nội dung là trang HTML: hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx)';
  if (/^<\?xml/i.test(head)) return ' (nội dung là tệp XML)';
  if (isMostlyText(buf)) return ' (nội dung là văn bản thuần, ví dụ TXT)';
  return '';
}

function isMostlyText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return bad === 0;
}
