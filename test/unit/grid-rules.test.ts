// Small rules of the grids and pages: Excel's row keys, the quick filters, a series' next title, the
// export's row heights for wrapped text, and errors that carry a message to translate.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { isDeleteRowsKey, isInsertRowsKey } from '../../renderer/src/grid/useSpreadsheet.js';
import { typedText } from '../../renderer/src/grid/CellTextEditor.js';
import { quickCounts, quickPredicate } from '../../renderer/src/features/registers/quickFilters.js';
import { nextMeetingTitle } from '../../renderer/src/features/minutes/minutesLogic.js';
import { displayWidth, wrappedLines } from '../../electron/core/excel/register-layout.js';
import { ApiError, textError } from '../../electron/common/errors.js';
import { DEFAULT_VOCABULARIES, type Vocabularies } from '../../electron/common/registers.js';
import { ja } from '../../renderer/src/i18n/ja.js';
import { en } from '../../renderer/src/i18n/en.js';

const key = (over: Partial<{ key: string; code: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }>) => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});

describe('Excel row keys', () => {
  it('inserts with Ctrl+Shift+= (US), Ctrl++ (JIS: Ctrl+Shift+;) and Ctrl+numpad +', () => {
    expect(isInsertRowsKey(key({ ctrlKey: true, shiftKey: true, key: '+', code: 'Equal' }))).toBe(true);
    expect(isInsertRowsKey(key({ ctrlKey: true, shiftKey: true, key: '=', code: 'Equal' }))).toBe(true);
    expect(isInsertRowsKey(key({ ctrlKey: true, shiftKey: true, key: '+', code: 'Semicolon' }))).toBe(true);
    expect(isInsertRowsKey(key({ ctrlKey: true, key: '+', code: 'NumpadAdd' }))).toBe(true);
    expect(isInsertRowsKey(key({ ctrlKey: true, key: '=', code: 'Equal' }))).toBe(false);
    expect(isInsertRowsKey(key({ shiftKey: true, key: '+' }))).toBe(false);
  });
  it('deletes with Ctrl+- only', () => {
    expect(isDeleteRowsKey(key({ ctrlKey: true, key: '-', code: 'Minus' }))).toBe(true);
    expect(isDeleteRowsKey(key({ ctrlKey: true, key: '-', code: 'NumpadSubtract' }))).toBe(true);
    expect(isDeleteRowsKey(key({ key: '-', code: 'Minus' }))).toBe(false);
    expect(isDeleteRowsKey(key({ ctrlKey: true, altKey: true, key: '-' }))).toBe(false);
  });
  it('opens an editor with typed text, a whole IME word included, but not with Enter or F2', () => {
    expect(typedText('a')).toBe('a');
    expect(typedText('田中')).toBe('田中');
    expect(typedText('Enter')).toBeNull();
    expect(typedText('F2')).toBeNull();
    expect(typedText(null)).toBeNull();
  });
});

describe('quick filters', () => {
  const vocab = Object.fromEntries(Object.entries(DEFAULT_VOCABULARIES).map(([k, items]) => [k, { items }])) as unknown as Vocabularies;
  const ctx = { vocab, today: '2025-06-10', me: '山田 太郎' };
  const rows = [
    { status: 'not_started', due: '2025-06-01', owner: '山田太郎' },
    { status: 'in_progress', due: '2025-07-01', owner: '佐藤' },
    { status: 'done', due: '2025-06-01', owner: 'ＹＡＭＡＤＡ' },
    { status: 'cancelled', due: null, owner: '山田　太郎' },
  ];
  it('counts open rows (not of a closed status), overdue open rows, and rows of my name however spaced', () => {
    expect(quickCounts('issue', rows, ctx)).toEqual({ open: 2, overdue: 1, mine: 2 });
    expect(rows.filter(quickPredicate('issue', 'mine', { ...ctx, me: '' }))).toEqual([]);
  });
});

describe('a series’ next meeting', () => {
  it('counts the number on', () => {
    expect(nextMeetingTitle('第1回 定例会議')).toBe('第2回 定例会議');
    expect(nextMeetingTitle('定例 第９回')).toBe('定例 第１０回');
    expect(nextMeetingTitle('キックオフ')).toBe('キックオフ');
  });
});

describe('export row heights', () => {
  it('counts full-width characters twice and lines by the column width', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('課題abc')).toBe(7);
    expect(wrappedLines('短い', 12)).toBe(1);
    expect(wrappedLines('1行目\n2行目', 40)).toBe(2);
    expect(wrappedLines('あ'.repeat(40), 12)).toBe(8);
  });
});

describe('errors the UI translates', () => {
  it('carry a key and parameters across JSON, and read in either language', async () => {
    const err = textError('CONFLICT', 'wbs.firstCannotIndent', { code: '1.1.1' }, 'Task 1.1.1 is the first of its siblings and cannot be indented', { id: 3 });
    const back = ApiError.from(JSON.parse(JSON.stringify(err)));
    expect(back.text).toEqual({ key: 'wbs.firstCannotIndent', params: { code: '1.1.1' } });
    expect(back.details).toEqual({ id: 3 });
    for (const [lng, expected] of [['ja', 'タスク 1.1.1 は同じ階層の先頭のため、インデントできません。'], ['en', 'Task 1.1.1 is the first of its siblings and cannot be indented.']] as const) {
      const i = i18next.createInstance();
      await i.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
      expect(i.t(`serverErrors.${back.text!.key}`, back.text!.params)).toBe(expected);
    }
    // An error without a text keeps its plain shape.
    expect(new ApiError('NOT_FOUND', 'x').toJSON()).toEqual({ code: 'NOT_FOUND', message: 'x' });
  });
});
