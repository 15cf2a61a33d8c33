// One frame for what every page says besides its content: the error line (any failure, translated), a
// notice (what just happened: imported, nothing to undo), the cells a paste or edit refused, and a
// confirmation before something is thrown away. A page holds it with usePageFrame, runs its writes with
// frame.run (a success clears old messages, a failure becomes the error line) and draws
// <PageFrame frame toolbar>…</PageFrame>, with <Notice frame /> where its toolbar shows the notice.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { BadCell } from '../grid/cellPlan.js';
import { BadCellsList } from './BadCellsList.js';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog.js';
import { ErrorBanner, useErrorText } from './ErrorBanner.js';

export interface PageFrameState {
  error: string | null;
  notice: string | null;
  badCells: BadCell[];
  confirm: ConfirmRequest | null;
  /** Shows a failure as the error line, in the UI's language. */
  fail(err: unknown): void;
  /** Shows (or clears) a line of the page's own. */
  setError(text: string | null): void;
  /** Says what just happened (null clears it). */
  setNotice(text: string | null): void;
  /** Lists the cells refused (already with their messages); clears the error line. */
  setBadCells(cells: BadCell[]): void;
  /** Asks before going on (the request's onConfirm runs on 確認); null closes the question. */
  ask(request: ConfirmRequest | null): void;
  /** Clears the error line and the refused cells. */
  clear(): void;
  /** Runs a change: on success the old error and refused cells go; a failure becomes the error line. */
  run(work: () => Promise<unknown>): Promise<void>;
}

export function usePageFrame(): PageFrameState {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [badCells, setCells] = useState<BadCell[]>([]);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const fail = useCallback((err: unknown) => setError(errorText(err)), [errorText]);
  const clear = useCallback(() => {
    setError(null);
    setCells([]);
  }, []);
  const setBadCells = useCallback((cells: BadCell[]) => {
    setError(null);
    setCells(cells);
  }, []);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        clear();
      } catch (err) {
        fail(err);
      }
    },
    [clear, fail],
  );
  return useMemo(
    () => ({ error, notice, badCells, confirm, fail, setError, setNotice, setBadCells, ask: setConfirm, clear, run }),
    [error, notice, badCells, confirm, fail, setBadCells, clear, run],
  );
}

/** The page's toolbar, then its error line and refused cells, its content, and the confirmation. */
export function PageFrame({ frame, toolbar, children }: { frame: PageFrameState; toolbar?: ReactNode; children?: ReactNode }) {
  return (
    <>
      {toolbar}
      <ErrorBanner text={frame.error} onClose={() => frame.setError(null)} />
      <BadCellsList cells={frame.badCells} onClose={() => frame.setBadCells([])} />
      {children}
      <ConfirmDialog request={frame.confirm} onClose={() => frame.ask(null)} />
    </>
  );
}

/** The notice, where the page's toolbar says it. */
export function Notice({ frame, testId }: { frame: PageFrameState; testId?: string }) {
  if (!frame.notice) return null;
  return (
    <span className="notice" role="status" data-testid={testId}>
      {frame.notice}
    </span>
  );
}
