import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  /** The other button's words (default キャンセル): a choice rather than a cancel (a stale edit's 相手の値を残す). */
  cancelLabel?: string;
  /** What that button does besides closing (a stale paste's 相手の値を残す sends the rest); Esc only closes. */
  onCancel?(): void;
}

/** A modal confirmation on the native <dialog>: Esc and Cancel close it, focus starts on Cancel. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (request && !d.open) d.showModal();
    if (!request && d.open) d.close();
  }, [request]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="confirm-title">
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p>{request.message}</p>
          <div className="buttons">
            <button
              autoFocus
              onClick={() => {
                request.onCancel?.();
                onClose();
              }}
            >
              {request.cancelLabel ?? t('common.cancel')}
            </button>
            <button
              className="danger solid"
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
