// A template the writer cannot fill gets one error whose message names the file, the sheet or part,
// and the reason, with a code the UI can translate. Errors from reading the zip (ExcelReadError:
// encrypted, damaged, zip bomb…) pass through unchanged: they already name the file.
import type { ErrorPlace } from '../errors.js';

export const TEMPLATE_ERROR_CODES = [
  'NO_SHEET', // the sheet or defined name asked for is not in the workbook
  'NOT_A_WORKSHEET', // a chartsheet, dialog sheet or macro sheet: it holds no cells
  'UNSUPPORTED', // Strict OOXML, an encrypted (CFB) package, a binary workbook, a layout we do not patch
  'DAMAGED', // a part the writer needs is missing or not the XML it should be
  'BAD_WRITE', // the caller's request does not fit the template (rows out of range, bad value)
] as const;
export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly place?: ErrorPlace,
  ) {
    super(message);
  }

  toJSON(): { name: 'TemplateError'; code: TemplateErrorCode; message: string; at?: string } {
    return { name: this.name, code: this.code, message: this.message, ...(this.place?.at !== undefined && { at: this.place.at }) };
  }
}

/** Throws a TemplateError whose message starts with the file name (and names `at`, the sheet or cell, when known). */
export function fail(fileName: string, code: TemplateErrorCode, what: string, at?: string): never {
  throw new TemplateError(code, `${fileName}: ${what}`, { file: fileName, ...(at !== undefined && { at }) });
}
