/** Recognises what a file that is not a readable zip actually is, from its first bytes. */
import { looksLikeZip } from '../zip/read';
import { ReadFailure } from './limits';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Throws the ReadFailure that describes a non-zip file; returns when the bytes look like a zip. */
export function sniff(buf: Buffer): void {
  if (buf.length === 0) throw new ReadFailure('FILE_EMPTY', 'tệp rỗng (0 byte)');
  if (startsWith(buf, OLE2)) {
    // Password-protected .xlsx files are OLE2 containers holding EncryptionInfo + EncryptedPackage streams.
    if (buf.indexOf(ENCRYPTED_PACKAGE) >= 0 || buf.indexOf(ENCRYPTION_INFO) >= 0) {
      throw new ReadFailure('FILE_ENCRYPTED', 'tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại');
    }
    throw new ReadFailure('FILE_LEGACY_XLS', 'tệp Excel 97-2003 (.xls): hãy lưu lại dưới dạng .xlsx');
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) return;
  // A zip behind a prefix (a self-extractor's "MZ…" stub): the zip reader shifts the offsets.
  if (looksLikeZip(buf)) return;
  throw new ReadFailure('FILE_NOT_XLSX', `không phải tệp Excel .xlsx${describe(buf)}`);
}

function startsWith(buf: Buffer, sig: number[]): boolean {
  if (buf.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[i] !== sig[i]) return false;
  return true;
}

/** A short hint of what the content looks like, e.g. " (nội dung là tệp PDF)". */
function describe(buf: Buffer): string {
  const head = buf.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('%PDF')) return ' (nội dung là tệp PDF)';
  if (/^\{\\rtf/.test(head)) return ' (nội dung là tệp RTF)';
  if (/^<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet/i.test(head)) return ' (bảng tính XML 2003: hãy lưu lại dưới dạng .xlsx)';
  if (/^<(!doctype html|html|table|meta)/i.test(head)) return ' (nội dung là trang HTML: hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx)';
  if (/^<\?xml/i.test(head)) return ' (nội dung là tệp XML)';
  if (isMostlyText(buf)) return ' (nội dung là văn bản thuần, ví dụ CSV/TXT)';
  return '';
}

function isMostlyText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return bad === 0;
}
