// Every key the grids take, for the shortcut sheet (F1 / ?). Keep in step with useSpreadsheet and the
// pages' own keys (WBS tree keys).
export interface Shortcut {
  id: string;
  keys: string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'move', keys: ['↑ ↓ ← →', 'Tab', 'Shift+Tab', 'Enter'] },
  { id: 'jump', keys: ['Home', 'End', 'Ctrl+Home', 'Ctrl+End', 'Ctrl+↑↓←→', 'PageUp', 'PageDown'] },
  { id: 'edit', keys: ['F2', 'Enter', 'abc / あいう'] },
  { id: 'newLine', keys: ['Alt+Enter'] },
  { id: 'cancel', keys: ['Esc'] },
  { id: 'select', keys: ['Shift+↑↓←→', 'Shift+Click', 'Ctrl+A'] },
  { id: 'copyPaste', keys: ['Ctrl+C', 'Ctrl+V'] },
  { id: 'fill', keys: ['Ctrl+D'] },
  { id: 'clear', keys: ['Delete', 'Backspace'] },
  { id: 'undo', keys: ['Ctrl+Z', 'Ctrl+Y'] },
  { id: 'insertRows', keys: ['Ctrl+Shift+=', 'Ctrl++'] },
  { id: 'deleteRows', keys: ['Ctrl+-'] },
  { id: 'indent', keys: ['Alt+Shift+→', 'Ctrl+]'] },
  { id: 'outdent', keys: ['Alt+Shift+←', 'Ctrl+['] },
  { id: 'moveRows', keys: ['Alt+Shift+↑', 'Alt+Shift+↓'] },
  { id: 'search', keys: ['Ctrl+K'] },
  { id: 'help', keys: ['F1', '?'] },
];
