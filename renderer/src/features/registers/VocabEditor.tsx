// The cell editor of a vocabulary column: a text box with the list's items below it. Typing filters the
// items (code, Japanese or English label); ↑/↓ pick one, Enter or a click commits. What is committed is
// the picked item's code, or the typed text, which the page parses as a code or a label like a paste.
import { useLayoutEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { normalizeLabel, vocabCode, vocabLabel, type VocabItem } from '../../../../electron/common/registers.js';
import { suppressTextEditorKeys, typedText } from '../../grid/CellTextEditor.js';
import { setStartText, startTextFor } from '../../grid/startText.js';

export interface VocabEditorParams {
  items: readonly VocabItem[];
  lang: 'ja' | 'en';
  /** The field may be left empty: offer a blank item first. */
  allowEmpty: boolean;
  emptyLabel: string;
}

/** While the editor is open the grid leaves ↑/↓ (and any key of an unfinished IME word) to it. */
export function suppressEditorKeys(p: SuppressKeyboardEventParams): boolean {
  return suppressTextEditorKeys(p) || (p.editing && (p.event.key === 'ArrowUp' || p.event.key === 'ArrowDown'));
}

interface Option {
  code: string;
  label: string;
}

/** The items offered for what was typed (all of them until the user types), and the one Enter takes. */
export function pickList(p: VocabEditorParams, text: string, typed: boolean): { options: Option[]; best: number } {
  const all: Option[] = [
    ...(p.allowEmpty ? [{ code: '', label: p.emptyLabel }] : []),
    ...p.items.map((i) => ({ code: i.code, label: vocabLabel(p.items, i.code, p.lang) })),
  ];
  const key = normalizeLabel(text);
  if (!typed || key === '') return { options: all, best: -1 };
  const options = all.filter((o) => {
    const item = p.items.find((i) => i.code === o.code);
    return item !== undefined && [item.code, item.labelJa, item.labelEn].some((s) => normalizeLabel(s).includes(key));
  });
  const exact = vocabCode(p.items, text);
  return { options, best: Math.max(0, options.findIndex((o) => o.code === exact)) };
}

export function VocabEditor(props: CustomCellEditorProps & VocabEditorParams) {
  const { eventKey, onValueChange, stopEditing } = props;
  const code = typeof props.initialValue === 'string' ? props.initialValue : '';
  // A key, or a word an IME composed in the selected cell: type-ahead starts from it.
  const [typedStart] = useState(() => startTextFor(props.node.rowIndex, props.column.getColId()) ?? typedText(eventKey));
  const typedFirst = typedStart !== null;
  const [text, setText] = useState(typedStart ?? vocabLabel(props.items, code, props.lang));
  const [typed, setTyped] = useState(typedFirst);
  const { options, best } = pickList(props, text, typed);
  const [picked, setPicked] = useState<number | null>(() => (typedFirst ? null : Math.max(0, options.findIndex((o) => o.code === code))));
  const active = picked ?? best;
  const input = useRef<HTMLInputElement>(null);

  // The grid reads the value when editing stops (Enter, Tab, a click elsewhere), possibly before React
  // runs an effect: every change reports the value at once.
  const valueOf = (nextText: string, nextPicked: number | null): string => {
    const list = pickList(props, nextText, true);
    if (nextPicked !== null) return options[nextPicked]?.code ?? '';
    if (normalizeLabel(nextText) === '') return '';
    return list.options[list.best]?.code ?? nextText;
  };
  const pick = (i: number) => {
    setPicked(i);
    onValueChange(options[i]?.code ?? '');
  };

  // Before the next key arrives: take the focus, and the value of the key that opened the editor.
  useLayoutEffect(() => {
    setStartText(null);
    input.current?.focus();
    if (typedFirst) onValueChange(valueOf(text, null));
    else input.current?.select();
    // Once, when the editor opens.
  }, []);

  return (
    <div className="vocab-editor">
      <input
        ref={input}
        value={text}
        aria-label={props.colDef.headerName}
        role="combobox"
        aria-expanded
        aria-autocomplete="list"
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          setPicked(null);
          onValueChange(valueOf(e.target.value, null));
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = options.length;
            if (n > 0) pick(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
          }
        }}
      />
      <ul role="listbox">
        {options.map((o, i) => (
          <li
            key={o.code || '(empty)'}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => pick(i)}
            onClick={() => {
              onValueChange(o.code);
              setTimeout(() => stopEditing(), 0);
            }}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
