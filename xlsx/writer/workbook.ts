/**
 * The .xlsx package of a WorkbookSpec, for every size: each worksheet is rendered
 * straight to SpreadsheetML text (rows joined in chunks, deflated as they come), then
 * the drawings and native charts, shared strings, styles, workbook and properties.
 */
import { sheetLayout, type WorkbookSpec } from '../../report/layout/spec';
import { chartXml, drawingXml } from './chart-xml';
import { resolveChart } from './charts';
import type { ResolvedChart } from './chart-xml';
import { sheetChunks } from './sheet';
import { presetStyles } from './body';
import { sharedStrings } from './strings';
import { styleTable } from './styles';
import { appXml, contentTypesXml, coreXml, REL_TYPE, relsXml, rootRelsXml, workbookRelsXml, workbookXml } from './package';
import { zipFile } from '../zip/write';

/** The sheet → drawing relationship id. */
const DRAWING_RID = 'rIdTiendoDrawing1';

export interface PackageOptions {
  /** Deflate level 0-9 (default 1: the sheet text compresses well even at the fastest level). */
  level?: number;
}

/** Write `spec` (sheet names already safe and unique) to `path`. */
export async function writePackage(spec: WorkbookSpec, path: string, opts: PackageOptions = {}): Promise<void> {
  const zip = await zipFile(path, opts.level ?? 1);
  try {
    const styles = styleTable();
    if (spec.stylePreset) presetStyles(styles, spec.stylePreset);
    const strings = sharedStrings();
    let drawings = 0;
    let charts = 0;
    for (const [i, sheet] of spec.sheets.entries()) {
      const list = (sheet.charts ?? []).map((c) => resolveChart(sheet, c)).filter((c): c is ResolvedChart => c !== null);
      const rid = list.length ? DRAWING_RID : undefined;
      const ctx = { styles, strings, merges: [] as string[] };
      await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetChunks(sheet, sheetLayout(sheet), ctx, rid));
      if (!list.length) continue;
      drawings++;
      await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [relsXml([{ id: DRAWING_RID, type: REL_TYPE.drawing, target: `../drawings/drawing${drawings}.xml` }])]);
      await zip.add(`xl/drawings/drawing${drawings}.xml`, [drawingXml(list)]);
      const chartRels = list.map((ch, j) => ({ id: `rId${j + 1}`, type: REL_TYPE.chart, target: `../charts/chart${charts + j + 1}.xml` }));
      await zip.add(`xl/drawings/_rels/drawing${drawings}.xml.rels`, [relsXml(chartRels)]);
      for (const ch of list) await zip.add(`xl/charts/chart${++charts}.xml`, [chartXml(ch)]);
    }
    await zip.add('xl/sharedStrings.xml', strings.chunks());
    await zip.add('xl/styles.xml', [styles.xml()]);
    await zip.add('xl/workbook.xml', [workbookXml(spec.sheets)]);
    await zip.add('xl/_rels/workbook.xml.rels', [workbookRelsXml(spec.sheets.length)]);
    await zip.add('[Content_Types].xml', [contentTypesXml(spec.sheets.length, drawings, charts)]);
    await zip.add('_rels/.rels', [rootRelsXml()]);
    await zip.add('docProps/core.xml', [coreXml(spec)]);
    await zip.add('docProps/app.xml', [appXml(spec.sheets)]);
  } catch (err) {
    await zip.abort();
    throw err;
  }
  await zip.close();
}
