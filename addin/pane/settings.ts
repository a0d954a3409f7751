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

/** The date field: dd/mm/yyyy (or d/m/yyyy, or ISO yyyy-mm-dd) → ISO; anything else is returned as typed (rejected later). */
export function dateFieldToIso(text: string): string {
  const t = text.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (vi) return `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}`;
  return t;
}

/** ISO → dd/mm/yyyy: the field shows this whatever the WebView's locale (an <input type="date"> would follow it). */
export function isoToField(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
