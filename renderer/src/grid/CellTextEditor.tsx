// The grids' text editor (text, dates, numbers, long text): a textarea, so a cell can hold several lines
// as in Excel — Alt+Enter starts a new line, Enter commits. It opens with what was typed: one key, or a
// whole word an IME composed before the editor existed (see useImeStart), caret at its end.
import { useLayoutEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { setStartText, startTextFor } from './startText.js';

/** Keys AG Grid names when they open an editor; anything else it passes is text that was typed. */
const NAMED_KEYS = new Set(['Enter', 'F2', 'Backspace', 'Delete']);

/** The text a key (or an IME word) that opened the editor typed, or null for Enter / F2 / a double-click. */
export function typedText(eventKey: string | null | undefined): string | null {
  if (eventKey === null || eventKey === undefined || eventKey === '' || NAMED_KEYS.has(eventKey)) return null;
  return eventKey;
}

/**
 * Keys the grid leaves to an open editor: every key of an unfinished IME word (Enter there confirms the
 * conversion, it must not commit the cell), and Alt+Enter (a new line).
 */
export function suppressTextEditorKeys(p: SuppressKeyboardEventParams): boolean {
  return p.editing && (p.event.isComposing || p.event.keyCode === 229 || (p.event.key === 'Enter' && p.event.altKey));
}

export function CellTextEditor(props: CustomCellEditorProps) {
  const { eventKey, onValueChange } = props;
  const [typed] = useState(() => startTextFor(props.node.rowIndex, props.column.getColId()) ?? typedText(eventKey));
  const cleared = eventKey === 'Backspace' || eventKey === 'Delete';
  // The value as the cell shows it (2025/04/01, not 2025-04-01): what the user edits is what they saw.
  const shown = props.initialValue === null || props.initialValue === undefined ? '' : String(props.formatValue(props.initialValue) ?? '');
  const [text, setText] = useState(typed ?? (cleared ? '' : shown));
  const input = useRef<HTMLTextAreaElement>(null);
  const lines = text.split('\n').length;

  useLayoutEffect(() => {
    setStartText(null);
    const el = input.current;
    if (!el) return;
    el.focus();
    if (typed !== null || cleared) {
      onValueChange(text);
      el.setSelectionRange(text.length, text.length);
    } else el.select();
    // Once, when the editor opens.
  }, []);

  const change = (next: string) => {
    setText(next);
    onValueChange(next);
  };

  return (
    <textarea
      ref={input}
      className={`cell-text-editor${lines > 1 ? ' multiline' : ''}`}
      value={text}
      rows={lines}
      spellCheck={false}
      aria-label={props.colDef.headerName}
      onChange={(e) => change(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.altKey && !e.nativeEvent.isComposing) {
          // Alt+Enter: a line break at the caret, as Excel does. Put into the textarea at once, caret after
          // it: text typed before React renders (a busy renderer) lands after the break, not in place of it.
          // Set through `value` (not setRangeText): React keeps the textarea's last value from that setter,
          // and a Backspace of the break was otherwise no change to it, so the break was saved.
          e.preventDefault();
          const el = e.currentTarget;
          const at = el.selectionStart;
          el.value = `${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd)}`;
          el.setSelectionRange(at + 1, at + 1);
          change(el.value);
        }
      }}
    />
  );
}
