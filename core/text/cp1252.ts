/**
 * Windows-1252 byte <-> character readings. Bytes 0x80-0x9F that cp1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 control of the same value,
 * as Windows and Latin-1 decoders do.
 */

const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The character a cp1252 reader shows for byte b (0-255). */
export function cp1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
}

const BYTE_OF = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE_OF.set(cp1252Char(b), b);
// Latin-1 readers produce the C1 controls for every 0x80-0x9F byte: accept those too.
for (let b = 0x80; b <= 0x9f; b++) BYTE_OF.set(String.fromCharCode(b), b);

/** The byte a cp1252 (or Latin-1) reader turned into ch, or undefined if ch is not such a character. */
export function cp1252Byte(ch: string): number | undefined {
  return BYTE_OF.get(ch);
}
