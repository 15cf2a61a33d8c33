import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../electron/common/errors.js';

/** Turns any failure into one translated line: API errors by code, everything else as it is. */
export function useErrorText() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown): string =>
      err instanceof ApiError ? t(`errors.${err.code}`, { message: err.message }) : String((err as Error)?.message ?? err),
    [t],
  );
}

export function ErrorBanner({ text, onClose }: { text: string | null; onClose(): void }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{text}</span>
      <button onClick={onClose}>{t('common.close')}</button>
    </div>
  );
}
