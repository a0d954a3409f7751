/** Shared checks for the two xlsx writer test files (ExcelJS path and lean path). */
import { expect } from 'vitest';
import { SaxesParser } from 'saxes';

/** Cell text that a careless writer would turn into formulas. */
export const INJECTIONS = ['=HYPERLINK("http://evil.example","Bấm vào đây")', '+1+2', '-3', '@SUM(A1:A2)', '=1+1'];

/** Throws unless `xml` is well-formed XML with namespaces. */
export function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => { throw e; });
  p.write(xml).close();
}

/** The native chart is wired in: the sheet's drawing, its rels, the drawing's chart rel and both content-type overrides. */
export function expectChartWired(xml: Record<string, string>, sheet: string): void {
  expect(xml[`xl/worksheets/${sheet}.xml`]).toMatch(/<drawing r:id="rIdTiendoDrawing1"\/><\/worksheet>$/);
  expect(xml[`xl/worksheets/_rels/${sheet}.xml.rels`]).toContain('Id="rIdTiendoDrawing1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
  expect(xml['xl/drawings/_rels/drawing1.xml.rels']).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"');
  expect(xml['[Content_Types].xml']).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  expect(xml['[Content_Types].xml']).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
}
