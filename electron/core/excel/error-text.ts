// A workbook the reader or the template writer refused, as the API says it: the English message (logs,
// tests) and a key with parameters the UI says in its language: serverErrors.excel.<read|template>.<CODE>
// naming the file and, where known, the sheet, cell or part (the `_at` sentence, by i18next's context).
import { ApiError, type ErrorText } from '../../common/errors.js';
import { ExcelReadError } from './errors.js';
import { TemplateError } from './template/errors.js';

export function excelErrorText(err: ExcelReadError | TemplateError): ErrorText | undefined {
  if (!err.place) return undefined;
  const kind = err instanceof TemplateError ? 'template' : 'read';
  const { file, at } = err.place;
  return { key: `excel.${kind}.${err.code}`, params: at === undefined ? { file } : { file, at, context: 'at' } };
}

/**
 * A refusal of the reader or writer as an ApiError: VALIDATION for a file the user chose (`field`,
 * after `method` when given, as the rest of the call's refusals read), CONFLICT for a profile's stored
 * template (any other error answered as it is). Use: `catch (err) { throw workbookRefusal(err, …); }`.
 */
export function workbookRefusal(err: unknown, as: { field: string; method?: string } | 'profile'): unknown {
  const excel = err instanceof ExcelReadError || err instanceof TemplateError;
  if (as === 'profile') return excel ? new ApiError('CONFLICT', err.message, { field: 'profileId', code: err.code }, excelErrorText(err)) : err;
  // Whatever else stops a chosen file being read is the file's fault too, said as the reader said it.
  if (err instanceof ApiError || !(err instanceof Error)) return err;
  const { field, method } = as;
  return new ApiError('VALIDATION', `${method ? `${method}: ` : ''}${field}: ${err.message}`, [{ field, message: err.message }], excel ? excelErrorText(err) : undefined);
}
