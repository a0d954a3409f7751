/**
 * Units below the province: communes, wards, special zones and townships ("UBND xã Tân Lập", "Phường Ba Đình",
 * "Đặc khu Phú Quốc", "UBND thị trấn Phố Lu") and their offices ("Công an xã Tân Lập"). The registry lists the
 * ministries, agencies and 34 provinces, not the 3,321 communes, so these are read by pattern: recognised as
 * commune-level units, their names kept as written.
 */

import { foldKey } from '../text/normalize';

/** "xã", "phường", "đặc khu", "thị trấn" as a word; not "xã hội" (society: "Phòng Lao động - Thương binh và Xã hội"). */
const LOCAL = /(?:^|\s)(?:xã(?!\s+hội(?:\s|$))|phường|đặc khu|thị trấn)(?:\s|$)/iu;

/**
 * Whether a unit name is a commune-level unit (or one of its offices).
 *
 * @example isLocalUnitName('UBND xã Tân Lập') // true
 * @example isLocalUnitName('Phòng Lao động - Thương binh và Xã hội') // false
 */
export function isLocalUnitName(name: string): boolean {
  return LOCAL.test(name.normalize('NFC'));
}

/**
 * The letters a unit name folds to (case, diacritics, spaces and punctuation ignored): two names with one key are one
 * unit spelt two ways.
 *
 * @example spellingKey('UBND Xa Tan-Lap') === spellingKey('UBND xã Tân Lập') // true: 'ubndxatanlap'
 */
export function spellingKey(name: string): string {
  return foldKey(name).replace(/ /g, '');
}

/** What a UNIT_VARIANT message says of two spellings with one spellingKey (core/table and report/unit-variants.ts). */
export const SPELLING_VARIANT_NOTE = 'chỉ khác chữ hoa, dấu hoặc khoảng trắng; đang được đếm là hai đơn vị, cần kiểm tra.';
