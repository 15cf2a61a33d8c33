// A cell edit that began from a value a colleague has since changed comes back as CONFLICT with both
// values (common/stale-edit.ts). The grid then shows the colleague's value and asks which to keep:
// 自分の値で上書き sends the edit again from the value now shown; 相手の値を残す keeps what is stored.
import type { TFunction } from 'i18next';
import { ApiError } from '../../../electron/common/errors.js';
import { isStale, type StaleDetails } from '../../../electron/common/stale-edit.js';
import { formatDateTime } from '../../../electron/common/dates.js';
import type { ConfirmRequest } from '../ui/ConfirmDialog.js';

/** The stale edit's details when `err` is one, else null. */
export function staleOf(err: unknown): StaleDetails | null {
  return err instanceof ApiError && err.code === 'CONFLICT' && isStale(err.details) ? err.details : null;
}

/** A cell's value as the message shows it: ISO dates as yyyy/mm/dd, empty as （空欄）. */
function shown(v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return t('conflict.empty');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.replaceAll('-', '/');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The question put to the user: both values of the first changed cell, who changed it and when. */
export function staleRequest(stale: StaleDetails, t: TFunction, header: (field: string) => string, overwrite: () => void): ConfirmRequest {
  const cell = stale.cells[0]!;
  return {
    title: t('conflict.title'),
    message: t('conflict.message', { who: stale.who, when: formatDateTime(stale.at), column: header(cell.field), theirs: shown(cell.theirs, t), yours: shown(cell.yours, t) }),
    confirmLabel: t('conflict.keepMine'),
    cancelLabel: t('conflict.keepTheirs'),
    onConfirm: overwrite,
  };
}
