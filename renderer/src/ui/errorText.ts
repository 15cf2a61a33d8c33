// A failure as one line in the UI language, without React (ErrorBanner's hook and tests use it): API
// errors by code, with the core's message translated when it sent a key (err.text: `serverErrors.<key>`
// and its parameters), else as the core wrote it; anything else as it is.
import { ApiError } from '../../../electron/common/errors.js';

export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

export function errorText(err: unknown, tr: Translator): string {
  if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
  return tr.t(`errors.${err.code}`, { message: messageText(err, tr) });
}

/**
 * The core's message alone, in the UI language when it sent a key, else as it wrote it: for a dialog
 * that frames it in its own sentence (ファイルを読み込めませんでした: …).
 */
export function messageText(err: ApiError, tr: Translator): string {
  const key = err.text && `serverErrors.${err.text.key}`;
  return key && tr.exists(key) ? tr.t(key, err.text!.params ?? {}) : err.message;
}
