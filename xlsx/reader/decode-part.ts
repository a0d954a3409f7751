/**
 * The text of one XML part of an Office package (a workbook's sheets, a Word document's body), decoded
 * in one go (never chunked: split UTF-8 sequences stay whole) in the encoding the package standard allows:
 * UTF-8 or UTF-16, by byte order mark or declaration. Shared by the workbook reader (./read-workbook.ts)
 * and the Word reader (docx/document.ts); platform-neutral (the UTF-8 decoder comes with the ByteCodec).
 */
import { latin1, utf16, type ByteCodec } from '../zip/bytes';
import { ReadFailure } from './limits';

/** Which application wrote the package: it names the program and the format in the message for a wrong encoding. */
export type PackageKind = 'excel' | 'word';

const RESAVE: Record<PackageKind, { app: string; as: string }> = {
  excel: { app: 'Excel', as: '.xlsx' },
  word: { app: 'Word', as: '.docx' },
};

/**
 * Decodes part `name`; throws ReadFailure('FILE_CORRUPT') for an encoding Office never writes, saying
 * (in Vietnamese) to open the file in the program of `kind` and save it again.
 * @example
 * const xml = decodePart(NODE_CODEC, bytes, 'word/document.xml', 'word');
 */
export function decodePart(codec: ByteCodec, buf: Uint8Array, name: string, kind: PackageKind = 'excel'): string {
  if (buf.length >= 2) {
    const a = buf[0], b = buf[1];
    if (a === 0xff && b === 0xfe) return utf16(buf.subarray(2), false);
    if (a === 0xfe && b === 0xff) return utf16(buf.subarray(2), true);
    if (a === 0x3c && b === 0x00) return utf16(buf, false); // "<" in UTF-16LE, no BOM
    if (a === 0x00 && b === 0x3c) return utf16(buf, true);
  }
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const decl = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(latin1(buf, bom, Math.min(buf.length, bom + 200)));
  const enc = decl ? decl[1].toLowerCase() : 'utf-8';
  // A UTF-16 declaration over 8-bit bytes is wrong about itself: the bytes are what they are.
  if (/^(utf-?8|us-ascii|ascii|utf-?16(le|be)?|unicode)$/.test(enc)) return codec.utf8(bom ? buf.subarray(bom) : buf);
  if (enc === 'iso-8859-1' || enc === 'latin1') return latin1(buf);
  const { app, as } = RESAVE[kind];
  throw new ReadFailure('FILE_CORRUPT', `phần "${name}" dùng bảng mã "${decl ? decl[1] : enc}", không phải UTF-8 hay UTF-16 mà tệp ${app} bắt buộc: hãy mở tệp bằng ${app}, lưu lại dưới dạng ${as} rồi gửi lại`);
}
