// Typing into a selected cell with an IME (MS-IME, Google 日本語入力): the browser composes only into an
// editable element, and an AG Grid cell is not one, so the keys of 田中 went nowhere. The focused cell
// is made editable (contenteditable) while it is selected; the IME composes in it, in place, as Excel
// shows it; when the word is committed (compositionend) the cell's editor opens holding the word, and
// Enter commits it. Text inserted without composition (a dictation, CDP insertText) opens the editor
// the same way; every other edit of the cell's DOM is refused.
import { useCallback, useEffect, useRef, type CompositionEvent, type FocusEvent, type RefObject } from 'react';
import type { AgGridReact } from 'ag-grid-react';
import { setStartText } from './startText.js';

const CELL = '.ag-cell';

/** The cell element an event happened in, when it is a grid cell that is not being edited. */
function idleCell(target: EventTarget | null): HTMLElement | null {
  const el = (target as HTMLElement | null)?.closest?.(CELL) as HTMLElement | null;
  return el && !el.classList.contains('ag-cell-inline-editing') ? el : null;
}

export function useImeStart<T>(grid: RefObject<AgGridReact<T> | null>) {
  const composing = useRef<{ row: number; col: string } | null>(null);

  /** The grid's position of a cell element. */
  const where = (cell: HTMLElement): { row: number; col: string } | null => {
    const row = cell.closest('[row-index]')?.getAttribute('row-index');
    const col = cell.getAttribute('col-id');
    return row === null || row === undefined || !col ? null : { row: Number(row), col };
  };

  const editable = (at: { row: number; col: string }): boolean => {
    const api = grid.current?.api;
    const node = api?.getDisplayedRowAtIndex(at.row);
    const column = api?.getColumn(at.col);
    return !!(node && column?.isCellEditable(node));
  };

  /** Opens the cell's editor holding `text` (handed through startText). */
  const startWith = (at: { row: number; col: string }, text: string) => {
    const api = grid.current?.api;
    if (!api || text === '' || !editable(at)) return;
    api.setFocusedCell(at.row, at.col);
    setStartText({ ...at, text });
    // The editor clears it once it has read it.
    api.startEditingCell({ rowIndex: at.row, colKey: at.col });
  };

  /** Makes the focused cell editable (caret at the end): the IME has somewhere to compose. */
  const prime = useCallback((target: EventTarget | null = document.activeElement) => {
    const cell = target as HTMLElement | null;
    if (!cell?.classList?.contains('ag-cell') || cell.classList.contains('ag-cell-inline-editing') || cell.isContentEditable) return;
    // A link in an editable element is not followed when clicked (the minutes link of an action).
    if (cell.querySelector('a[href]')) return;
    cell.contentEditable = 'true';
    cell.spellcheck = false;
    window.getSelection()?.collapse(cell, cell.childNodes.length);
  }, []);

  const onFocusCapture = useCallback((e: FocusEvent) => prime(e.target), [prime]);
  // Focus comes back to a cell while its editor is still closing (Enter on the last row, Esc): once
  // editing has stopped, the cell is primed again.
  const onEditingStopped = useCallback(() => requestAnimationFrame(() => prime()), [prime]);

  const onBlurCapture = useCallback((e: FocusEvent) => {
    const cell = e.target as HTMLElement;
    if (cell.classList?.contains('ag-cell') && cell.isContentEditable) cell.removeAttribute('contenteditable');
  }, []);

  const onCompositionStart = useCallback((e: CompositionEvent) => {
    const cell = idleCell(e.target);
    const at = cell && where(cell);
    if (!cell || !at) return;
    composing.current = at;
    // The word replaces the cell's value, as typing does: only the word is shown while it is composed.
    cell.classList.add('pmo-composing');
    if (cell.children.length === 0) {
      cell.textContent = '';
      window.getSelection()?.collapse(cell, 0);
    }
  }, []);

  const onCompositionEnd = useCallback(
    (e: CompositionEvent) => {
      const at = composing.current;
      if (!at) return;
      composing.current = null;
      const cell = e.target as HTMLElement;
      const text = e.data;
      cell.classList.remove('pmo-composing');
      cell.removeAttribute('contenteditable');
      // After the browser has finished the composition's own DOM work. (What the composition left in
      // the cell's DOM is replaced by the editor, and by the value when editing stops.)
      setTimeout(() => startWith(at, text), 0);
    },
    [grid],
  );

  // The native beforeinput (React's onBeforeInput is a different, older event without inputType).
  const host = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const onBeforeInput = (e: InputEvent) => {
      const cell = idleCell(e.target);
      if (!cell || !cell.isContentEditable) return;
      if (e.inputType === 'insertCompositionText') return; // composed in place, taken at compositionend
      e.preventDefault();
      const at = where(cell);
      if (e.inputType === 'insertText' && e.data && at) startWith(at, e.data);
    };
    el.addEventListener('beforeinput', onBeforeInput);
    return () => el.removeEventListener('beforeinput', onBeforeInput);
  }, []);

  return { host, onFocusCapture, onBlurCapture, onCompositionStart, onCompositionEnd, onEditingStopped };
}
