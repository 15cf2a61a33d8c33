import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../electron/common/errors.js';

/**
 * Turns any failure into one translated line: API errors by code, with the core's message in the UI
 * language when it sent one to translate (err.text: a key of `serverErrors` and its parameters), else
 * as the core wrote it; everything else as it is.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (err: unknown): string => {
      if (!(err instanceof ApiError)) return String((err as Error)?.message ?? err);
      const key = err.text && `serverErrors.${err.text.key}`;
      const message = key && i18n.exists(key) ? t(key, err.text!.params ?? {}) : err.message;
      return t(`errors.${err.code}`, { message });
    },
    [t, i18n],
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
