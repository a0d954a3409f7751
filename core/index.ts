/**
 * tiendo core: the pure domain shared by the add-in (browser) and the
 * batch and CLI (Node). Grid in, tasks and issues out; no I/O.
 *
 *   import { readWorkbook, classifyRead } from './';
 *   const read = readWorkbook(grids, { file: 'bo-y-te.xlsx' });
 *   const tasks = classifyRead(read, '2025-11-01');
 */
export * from './grid';
export * from './issue';
export * from './model';
export * from './format';
export * from './dates';
export { cleanText, cellText, foldKey, toneKey } from './text/normalize';
export { decodeGrid, detectEncoding, convertLegacy, type LegacyEncoding, type EncodingConversion } from './text/encoding';
export { parseDeadline, excelSerialToIso, findDatesInText, type DeadlineOptions } from './deadline';
export { parseStatus, PROGRESS_LABELS, CATEGORY_LABELS, STANDARD_STATUSES } from './status';
export { resolveUnits, findUnit, listUnits, expandGroup, type RegistryUnit } from './units';
export { classifyTask, isOpen } from './classify';
export { rowIssues } from './checks';
export { findHeader, columnRole, layoutIssues } from './table/header';
export { readSheet, readWorkbook, classifyRead } from './table/read';
export { taskKey } from './taskkey';
