/**
 * Legacy Vietnamese encodings in spreadsheet cells (TCVN3/ABC, VNI-Windows, VISCII,
 * UTF-8 read as Windows-1252): detection, conversion, and a whole-grid pass.
 */
export type { LegacyEncoding } from './convert';
export { convertLegacy } from './convert';
export { detectEncoding } from './detect';
export { decodeGrid, type EncodingConversion } from './decode-grid';
