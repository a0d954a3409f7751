/** Size limits the lean reader enforces before and while inflating (decompression-bomb guard). */
export interface ReadLimits {
  /** Largest file accepted, in bytes (compressed, on disk). */
  maxFileBytes: number;
  /** Largest uncompressed XML part (one sheet, sharedStrings…), in bytes. */
  maxPartBytes: number;
  /** Largest total uncompressed size of the parts actually read, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for a part larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Parts below this uncompressed size are never refused for their ratio. */
  ratioFloorBytes: number;
  /** Largest number of non-empty cells in the whole workbook. */
  maxCells: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxCells: 5_000_000,
});

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  return limits ? { ...DEFAULT_LIMITS, ...limits } : DEFAULT_LIMITS;
}

/** A reason to refuse a file, carried up to the adapter which turns it into an Issue. */
export type ReadFailureCode = 'FILE_NOT_XLSX' | 'FILE_LEGACY_XLS' | 'FILE_LEGACY_DOC' | 'FILE_CSV' | 'FILE_ODS' | 'FILE_WORD' | 'FILE_PDF' | 'FILE_ENCRYPTED' | 'FILE_TRUNCATED' | 'FILE_CORRUPT' | 'FILE_TOO_LARGE' | 'FILE_EMPTY';

/** Thrown inside the reader only; readXlsx catches it and returns an Issue. `detail` is Vietnamese. */
export class ReadFailure extends Error {
  constructor(readonly code: ReadFailureCode, readonly detail: string) {
    super(`${code}: ${detail}`);
  }
}
