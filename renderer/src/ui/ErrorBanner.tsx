import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../electron/common/errors.js';
import { errorText, messageText } from './errorText.js';

/** Turns any failure into one translated line (errorText.ts), in the UI's current language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback((err: unknown): string => errorText(err, { t: (key, params) => t(key, params ?? {}), exists: (key) => i18n.exists(key) }), [t, i18n]);
}

/** The core's message of a failure without the frame of its code (errorText.ts messageText), in the UI's language. */
export function useMessageText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (err: unknown): string =>
      err instanceof ApiError ? messageText(err, { t: (key, params) => t(key, params ?? {}), exists: (key) => i18n.exists(key) }) : String((err as Error)?.message ?? err),
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
