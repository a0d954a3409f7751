/**
 * A reader entry bundled for the browser (esbuild, IIFE) and loaded into a blank page of headless Chromium, for the
 * tests that check a reader runs in the task pane exactly as in Node (test/xlsx and test/docx browser-bundle tests).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface BundleInPage {
  /** The bundle's source text. */
  bundle: string;
  /** Every module the bundle took in (esbuild's metafile). */
  inputs: string[];
  /** Calls `globalName.fn(bytes, { file })` in the page and returns its result through JSON. */
  read(fn: string, file: string, bytes: Buffer): Promise<unknown>;
  close(): Promise<void>;
}

/** Bundles `entry` (repository path) as `globalName` and loads it into a fresh Chromium page. */
export async function bundleInPage(entry: string, globalName: string): Promise<BundleInPage> {
  const out = await build({
    entryPoints: [join(ROOT, entry)], bundle: true, platform: 'browser', format: 'iife', globalName,
    write: false, metafile: true, logLevel: 'silent', target: 'es2022',
  });
  const bundle = out.outputFiles[0].text;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page: Page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle });
  return {
    bundle,
    inputs: Object.keys(out.metafile.inputs),
    read: (fn, file, bytes) => page.evaluate(([g, f, name, b64]) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const api = (globalThis as unknown as Record<string, Record<string, (b: Uint8Array, o: { file: string }) => unknown>>)[g];
      return JSON.parse(JSON.stringify(api[f](data, { file: name }))) as unknown;
    }, [globalName, fn, file, bytes.toString('base64')] as const),
    close: () => browser.close(),
  };
}
