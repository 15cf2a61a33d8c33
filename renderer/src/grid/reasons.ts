import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadCell } from './cellPlan.js';
import { KNOWN_REASONS } from './serverProblems.js';

/** A translated reason: the grid's and the core's known ones by key, anything else as the core said it. */
export function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: string): string => ((KNOWN_REASONS as readonly string[]).includes(reason) ? t(`register.reason.${reason}`) : reason),
    [t],
  );
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
