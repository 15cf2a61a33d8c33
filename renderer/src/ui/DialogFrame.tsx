// The frame the Excel dialogs share (Excel取込, Excel出力, 議事録フォームの設定, カードの設定, フォームから取込): a
// modal <dialog> opened once mounted, a header with the title and the steps, the error line, the body,
// and a footer with a status line and the buttons. Closing and Esc count only when they are this
// dialog's own, not a dialog's nested in it (React passes those up). With it, the hidden file input and
// the drop zone the dialogs that read a workbook start with.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { ErrorBanner } from './ErrorBanner.js';
import { JobProgress } from './JobProgress.js';

export interface DialogFrameProps<S extends string> {
  /** The title's id (the dialog is labelled by it). */
  titleId: string;
  title: ReactNode;
  className: string;
  testId: string;
  /** Numbered steps beside the title, the current one marked and those before it done. */
  steps?: { all: readonly S[]; current: S; label(step: S): string };
  error: string | null;
  onDismissError(): void;
  /** Esc: answers true when the dialog stays open (it is busy, or asks first). */
  onEscape?(): boolean;
  /** The dialog closed (Esc, or a form's dialog method). */
  onClose(): void;
  status: ReactNode;
  statusTestId: string;
  /** The footer's links and buttons, after the status line. */
  actions: ReactNode;
  children: ReactNode;
}

export function DialogFrame<S extends string>(props: DialogFrameProps<S>) {
  const ref = useRef<HTMLDialogElement>(null);
  const { steps } = props;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={props.className}
      aria-labelledby={props.titleId}
      onClose={(e) => e.target === e.currentTarget && props.onClose()}
      onCancel={(e) => {
        if (e.target === e.currentTarget && props.onEscape?.()) e.preventDefault();
      }}
      data-testid={props.testId}
    >
      <header className="import-head">
        <h2 id={props.titleId}>{props.title}</h2>
        {steps && (
          <ol className="import-steps">
            {steps.all.map((s, i) => (
              <li key={s} className={s === steps.current ? 'current' : steps.all.indexOf(steps.current) > i ? 'done' : ''} aria-current={s === steps.current ? 'step' : undefined}>
                <span className="n">{i + 1}</span>
                {steps.label(s)}
              </li>
            ))}
          </ol>
        )}
      </header>
      <ErrorBanner text={props.error} onClose={props.onDismissError} />
      <JobProgress inDialog />
      {props.children}
      <footer className="import-foot">
        <span className="import-status muted" role="status" data-testid={props.statusTestId}>
          {props.status}
        </span>
        {props.actions}
      </footer>
    </dialog>
  );
}

/** The file input a dialog's buttons open (hidden); the same file chosen again still counts. */
export function FileInput(props: { inputRef: RefObject<HTMLInputElement | null>; accept: string; label: string; testId: string; onFile(file: File | undefined): void }) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      accept={props.accept}
      className="visually-hidden"
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        const chosen = e.target.files?.[0];
        e.target.value = '';
        props.onFile(chosen);
      }}
    />
  );
}

/** A dialog's first step: a button that opens the file input, and a place to drop the file on. */
export function DropZone(props: {
  buttonRef?: RefObject<HTMLButtonElement | null>;
  label: string;
  dropHint: string;
  hint: ReactNode;
  disabled: boolean;
  onChoose(): void;
  onFile(file: File | undefined): void;
}) {
  return (
    <div
      className="drop-zone"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        props.onFile(e.dataTransfer.files[0]);
      }}
    >
      <button ref={props.buttonRef} className="primary" onClick={props.onChoose} disabled={props.disabled}>
        {props.label}
      </button>
      <span className="muted">{props.dropHint}</span>
      <p className="muted small">{props.hint}</p>
    </div>
  );
}
