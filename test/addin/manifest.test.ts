/** The manifest validates offline against the Office XML schemas (xmllint), and a broken copy does not. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA = resolve(ROOT, 'reference/office-schemas/xmllint-ready/OfficeAppManifestV1_1.xsd');
const OUT = join(ROOT, 'test-output', 'addin');

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint && process.env.CI) throw new Error('xmllint is missing: run scripts/system-deps.sh (apt-get install -y libxml2-utils)');
if (!hasXmllint) console.warn('[manifest] SKIPPED: xmllint not found. Install it with: bash scripts/system-deps.sh');

function xmllint(file: string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

function brokenCopy(name: string, edit: (xml: string) => string): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  writeFileSync(file, edit(readFileSync(join(ROOT, 'manifest.xml'), 'utf8')));
  return file;
}

describe.skipIf(!hasXmllint)('manifest.xml', () => {
  it('the schemas are in the repository (reference/office-schemas)', () => {
    expect(existsSync(SCHEMA)).toBe(true);
  });

  it('validates against OfficeAppManifestV1_1.xsd offline', () => {
    const r = xmllint(join(ROOT, 'manifest.xml'));
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('npm run validate:manifest runs the same check', () => {
    const r = spawnSync('npm', ['run', '--silent', 'validate:manifest'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toContain('manifest.xml validates');
    expect(r.status).toBe(0);
  });

  it('is a Workbook TaskPaneApp, ReadWriteDocument, vi-VN with en-US overrides, pane at https://localhost:3000/taskpane.html', () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(xml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(xml).toContain('<Override Locale="en-US" Value="tiendo – Task progress"/>');
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html">');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(join(ROOT, 'assets', `icon-${size}.png`))).toBe(true);
  });

  it('a copy with an invalid version fails to validate', () => {
    const r = xmllint(brokenCopy('manifest-bad-version.xml', (x) => x.replace('<Version>0.1.0.0</Version>', '<Version>abc</Version>')));
    expect(r.status).toBe(3);
    expect(r.output).toContain('fails to validate');
    expect(r.output).toMatch(/Version.*pattern/);
  });

  it('a copy with a newer <Runtimes> element (not in the 2019 schemas) fails to validate', () => {
    const r = xmllint(
      brokenCopy('manifest-runtimes.xml', (x) =>
        x.replace('<Host xsi:type="Workbook">', '<Host xsi:type="Workbook"><Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>'),
      ),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('fails to validate');
  });

  it('a copy without Permissions fails to validate', () => {
    const r = xmllint(brokenCopy('manifest-no-permissions.xml', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '')));
    expect(r.status).toBe(3);
  });
});
