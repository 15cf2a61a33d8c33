import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadCell } from './cellPlan.js';
import { KNOWN_REASONS } from './serverProblems.js';

/**
 * A translated reason: the grid's and the core's known ones by key. Anything else is the core's own
 * English rule: said as it is in the English UI, and as a general refusal in any other language (the
 * row, column and value are named beside it), so no English sentence reaches the Japanese screen.
 */
export function reasonText(t: (key: string) => string, language: string, reason: string): string {
  if ((KNOWN_REASONS as readonly string[]).includes(reason)) return t(`register.reason.${reason}`);
  return language.startsWith('en') ? reason : t('register.reason.refused');
}

export function useReasonText() {
  const { t, i18n } = useTranslation();
  return useCallback((reason: string): string => reasonText(t, i18n.language ?? 'ja', reason), [t, i18n.language]);
}

/** Bad cells with their line for ui/BadCellsList: the value as given and why it is refused, translated. */
export function useBadCellMessages() {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return useCallback(
    (cells: BadCell[]): BadCell[] => cells.map((c) => ({ ...c, message: t('register.valueReason', { value: c.value, reason: reasonText(c.reason) }) })),
    [t, reasonText],
  );
}
