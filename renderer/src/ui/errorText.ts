// A failure as one line in the UI language, without React (ErrorBanner's hook and tests use it): API
// errors by code, with the core's message translated when it sent a key (err.text: `serverErrors.<key>`
// and its parameters), else as the core wrote it; anything else as it is.
import { ApiError, type ErrorText } from '../../../electron/common/errors.js';

export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

export function errorText(err: unknown, tr: Translator): string {
  if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
  return tr.t(`errors.${err.code}`, { message: messageText(err, tr) });
}

/**
 * The core's message alone, in the UI language, for a dialog that frames it in its own sentence
 * (ファイルを読み込めませんでした: …): its key's sentence, or, for a message the core sent without one,
 * the code's own sentence (serverErrors.fallback: the English UI shows the core's words there), so the
 * Japanese UI never shows an English sentence.
 */
export function messageText(err: ApiError, tr: Translator): string {
  const text = err.text;
  const key = text && `serverErrors.${text.key}`;
  if (key && tr.exists(key)) return tr.t(key, localParams(text, tr));
  const fallback = `serverErrors.fallback.${err.code}`;
  return tr.exists(fallback) ? tr.t(fallback, { message: err.message }) : err.message;
}

/** A refused input's field (serverErrors.input.*) named as the screen names it, not as the API path. */
function localParams(text: ErrorText, tr: Translator): Record<string, string | number> {
  const params = { ...(text.params ?? {}) };
  if (text.key.startsWith('input.') && typeof params.field === 'string')
    params.field = fieldLabel(params.field, typeof params.method === 'string' ? params.method : undefined, tr);
  return params;
}

/** Where a register's (or the minutes') own column headers are: the grid's words for its fields. */
const COLUMN_LABELS: Record<string, string> = { wbs: 'wbs.col', risk: 'risk.col', issue: 'issue.col', change: 'change.col', meeting: 'minutes.field' };

/**
 * An API field path (values.title, updates.0.patch.due, name) as the UI names it: the register's
 * column header for the method's register (件名), else the workspace's word for it (名前), else a
 * neutral word (この項目; the English UI gives the path).
 */
export function fieldLabel(path: string, method: string | undefined, tr: Translator): string {
  const name = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
  const columns = method && COLUMN_LABELS[method.split('.')[0]!];
  for (const key of [columns && `${columns}.${name}`, `serverErrors.fields.${name}`]) if (key && tr.exists(key)) return tr.t(key);
  return tr.t('serverErrors.fields._', { path });
}
