import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateInput } from '../../../electron/common/dates.js';

/**
 * A date typed as yyyy/mm/dd (or anything a grid's date cell takes: 12/5, R8.12.5), taken on Enter or
 * when the field is left. Not <input type="date">: Chromium shows that in the OS's locale, so an English
 * Windows showed mm/dd/yyyy on a Japanese screen. A text that is no date is marked and changes nothing;
 * emptied, the field answers '' when `allowEmpty`.
 */
export function DateField({ value, onChange, allowEmpty = false, testId, label }: { value: string; onChange(iso: string): void; allowEmpty?: boolean; testId?: string; label?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(value ? formatDate(value) : '');
    setBad(false);
  }, [value]);
  const take = () => {
    if (text.trim() === '' && allowEmpty) {
      setBad(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDateInput(text);
    setBad(iso === null);
    if (iso === null) return;
    setText(formatDate(iso));
    if (iso !== value) onChange(iso);
  };
  return (
    <input
      className={bad ? 'date-input bad' : 'date-input'}
      data-testid={testId}
      aria-label={label}
      aria-invalid={bad}
      title={bad ? t('errors.notDate', { value: text }) : undefined}
      placeholder="yyyy/mm/dd"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={take}
      onKeyDown={(e) => {
        if (e.key === 'Enter') take();
        if (e.key === 'Escape') {
          setText(value ? formatDate(value) : '');
          setBad(false);
        }
      }}
    />
  );
}
