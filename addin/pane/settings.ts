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

export const DEFAULT_DUE_SOON_DAYS = 7;
