/** The grids of one input file, whatever its kind: the tables of a Word return (.docx) or the sheets of a workbook. */
import { readDocxFile } from '../docx/read';
import { readXlsxFile, type ReadLimits, type XlsxRead } from '../xlsx/read';

/** Word documents are read as tables; a legacy .doc is rejected with a message saying to save it as .docx. */
const WORD_EXTENSIONS = /\.(docx|docm|doc)$/i;

export async function readGridsFile(file: string, limits?: Partial<ReadLimits>): Promise<XlsxRead> {
  if (WORD_EXTENSIONS.test(file)) {
    const { grids, error } = readDocxFile(file, { limits });
    return { grids, error };
  }
  const read = await readXlsxFile(file, { limits });
  // A Word return saved under a spreadsheet's name (the reader saw word/document.xml): read it as Word.
  if (read.error?.code === 'FILE_WORD') {
    const { grids, error } = readDocxFile(file, { limits });
    return { grids, error };
  }
  return read;
}
