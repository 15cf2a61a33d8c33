// A workbook that cannot be read at all gets one error, with a code the UI can translate and a
// message that names the file (and the sheet or part when known). It crosses the worker boundary as
// plain data: { name: 'ExcelReadError', code, message }.

export const READ_ERROR_CODES = [
  'TOO_LARGE', // over a size, count or row limit
  'ZIP_BOMB', // compression ratio or declared sizes of a zip bomb
  'ENCRYPTED', // password-protected (an encrypted zip entry, or Office encryption)
  'UNSUPPORTED', // a real format we do not read: .xls, .xlsb, Excel 2003 XML, ZIP64
  'NOT_A_WORKBOOK', // bytes that are no workbook or CSV at all (random bytes, a PDF, an image)
  'DAMAGED', // a workbook that is broken: truncated, bad zip structure, bad XML, CRC mismatch
  'UNSAFE', // a construct we refuse on principle: an XML DTD / entity declaration
  'TIMEOUT', // the reader worker took too long and was stopped
  'OUT_OF_MEMORY', // the reader worker hit its memory cap and was stopped
  'READER_FAILED', // the worker ended for another reason
] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

/**
 * The file a refusal is about and, when known, where in it: a sheet, a cell as Excel writes it
 * (Sheet1!B3) or a part of the package. The same in every language, so the UI's sentence (in its
 * language, by the code) names them as the English message does.
 */
export interface ErrorPlace {
  file: string;
  at?: string;
}

export class ExcelReadError extends Error {
  override readonly name = 'ExcelReadError';
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    readonly place?: ErrorPlace,
  ) {
    super(message);
  }

  toJSON(): { name: 'ExcelReadError'; code: ReadErrorCode; message: string; at?: string } {
    return { name: this.name, code: this.code, message: this.message, ...(this.place?.at !== undefined && { at: this.place.at }) };
  }
}

/** Throws an ExcelReadError whose message starts with the file name (and names `at`, where in it, when known). */
export function refuse(fileName: string, code: ReadErrorCode, what: string, at?: string): never {
  throw new ExcelReadError(code, `${fileName}: ${what}`, { file: fileName, ...(at !== undefined && { at }) });
}
