/** What the user chose in the pane. */
export interface PaneSettings {
  /** As-of date, ISO yyyy-mm-dd (default today). */
  asOf: string;
  /** "Sắp đến hạn trong N ngày". */
  dueSoonDays: number;
  /** Read the whole used range of the active sheet, or only the selection. */
  scope: 'sheet' | 'selection';
  /** Write the classification beside the table, or into a new sheet. */
  target: 'beside' | 'sheet';
}

/** Today in Asia/Ho_Chi_Minh as ISO (the pane's default as-of date). */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return local.toISOString().slice(0, 10);
}

export const DEFAULT_DUE_SOON_DAYS = 7;
