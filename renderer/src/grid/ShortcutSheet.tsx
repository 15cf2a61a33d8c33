// F1 or ? on a grid: every key the grids take, in one sheet (the same list as README's).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="shortcut-sheet" aria-labelledby="shortcut-title" onClose={onClose} data-testid="shortcut-sheet">
      <h2 id="shortcut-title">{t('keys.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(`keys.${s.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button autoFocus onClick={() => ref.current?.close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
