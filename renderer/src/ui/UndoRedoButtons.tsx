import { useTranslation } from 'react-i18next';
import type { HistoryState } from '../../../electron/common/dto.js';

/** The toolbar's undo and redo, enabled by the project's undo state (null: not loaded yet). */
export function UndoRedoButtons({ state, onStep }: { state: HistoryState | null; onStep(which: 'undo' | 'redo'): void }) {
  const { t } = useTranslation();
  return (
    <>
      <button onClick={() => onStep('undo')} disabled={state ? !state.canUndo : false} title={`Ctrl+Z ${state?.undoLabel ?? ''}`.trim()}>
        ↶ {t('history.undo')}
      </button>
      <button onClick={() => onStep('redo')} disabled={state ? !state.canRedo : false} title={`Ctrl+Y ${state?.redoLabel ?? ''}`.trim()}>
        ↷ {t('history.redo')}
      </button>
    </>
  );
}
