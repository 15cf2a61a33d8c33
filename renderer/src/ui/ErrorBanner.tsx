import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText.js';

/** Turns any failure into one translated line (errorText.ts), in the UI's current language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return useCallback((err: unknown): string => errorText(err, { t: (key, params) => t(key, params ?? {}), exists: (key) => i18n.exists(key) }), [t, i18n]);
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
