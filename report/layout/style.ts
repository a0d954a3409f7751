/**
 * The government appendix look, defined once: Times New Roman, 12-13 pt,
 * thin black borders, bold centred headers, pale header fill.
 * Pure data; xlsx/writer/styles.ts turns it into the workbook's styles.
 */
import type { CellLook, PrintSpec } from './spec';

export const FONT_NAME = 'Times New Roman';

export const SIZE = {
  body: 12,
  header: 12,
  title: 14,
  subtitle: 13,
  note: 11,
} as const;

export const COLOR = {
  text: '000000',
  border: '000000',
  headerFill: 'DDEBF7',
  sectionFill: 'F2F2F2',
  totalFill: 'FFF2CC',
  lockedFill: 'F2F2F2',
  warnFill: 'FCE4D6',
  badFill: 'F8CBAD',
  goodFill: 'E2EFDA',
} as const;

/** Bar colours for the status chart: done, done late, open in time, open overdue, other. */
export const CHART_COLORS = {
  done: '70AD47',
  doneLate: 'A9D18E',
  openInTime: '5B9BD5',
  openOverdue: 'C00000',
  other: 'A5A5A5',
  stopped: '7F7F7F',
} as const;

export const LOOK: Record<'header' | 'body' | 'section' | 'total' | 'columnNumber', CellLook> = {
  header: { bold: true, size: SIZE.header, align: 'center', valign: 'middle', wrap: true, fill: COLOR.headerFill, border: true },
  body: { size: SIZE.body, valign: 'top', wrap: true, border: true },
  section: { bold: true, size: SIZE.body, valign: 'middle', wrap: true, fill: COLOR.sectionFill, border: true },
  total: { bold: true, size: SIZE.body, valign: 'middle', fill: COLOR.totalFill, border: true },
  columnNumber: { italic: true, size: SIZE.note, align: 'center', border: true },
};

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Percent with one decimal; Excel shows the decimal comma in a Vietnamese locale ("25,7%"). */
export const PERCENT_FORMAT = '0.0%';
/** Thousands separated ("1.234" in a Vietnamese locale). */
export const COUNT_FORMAT = '#,##0';

export const PRINT_A4_LANDSCAPE: PrintSpec = { paper: 'A4', orientation: 'landscape', fitToWidth: true, repeatHeader: true };
