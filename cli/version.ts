/** `tiendo --version`: the version in package.json. */
import { readFileSync } from 'node:fs';

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return `tiendo ${pkg.version ?? '?'}`;
  } catch {
    return 'tiendo (không rõ phiên bản)';
  }
}
