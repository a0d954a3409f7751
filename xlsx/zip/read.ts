/**
 * The zip reader in Node (see ./unzip.ts for the reader itself): archives opened with node:zlib's
 * capped inflate, entries returned as Buffers.
 */
import { DEFAULT_LIMITS, type ReadLimits } from '../reader/limits';
import { asBuffer, NODE_CODEC } from './node-codec';
import { readEntry as readAny, findEntry, openZipWith, type ZipArchive, type ZipEntry } from './unzip';

export { entryData, findEntry, OWN_OUTPUT, type ZipArchive, type ZipEntry } from './unzip';

/**
 * Opens the archive's central directory; throws ReadFailure for truncated, malformed or ambiguous zips.
 * @example
 * const zip = openZip(readFileSync('bo-y-te.xlsx'), DEFAULT_LIMITS);
 * const sheet = readEntry(zip, findEntry(zip, 'xl/worksheets/sheet1.xml')!).toString('utf8');
 */
export function openZip(buf: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ZipArchive {
  return openZipWith(asBuffer(buf), limits, NODE_CODEC);
}

/** Inflates one entry to a Buffer, enforcing the limits; throws ReadFailure. */
export function readEntry(zip: ZipArchive, e: ZipEntry): Buffer {
  return asBuffer(readAny(zip, e));
}

/** The inflated bytes of the entry named `name`, or undefined when there is none. */
export function readNamed(zip: ZipArchive, name: string): Buffer | undefined {
  const e = findEntry(zip, name);
  return e ? readEntry(zip, e) : undefined;
}
