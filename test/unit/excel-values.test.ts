import { describe, expect, it } from 'vitest';
import type { Cell } from '../../electron/common/excel/model.js';
import { effortUnitOf, parseEffort, parseNumberText, parseProgress, progressScale } from '../../electron/core/excel/import/numbers.js';
import { parseRatingValue, parseVocab, parseWbsStatus, parseYesNo } from '../../electron/core/excel/import/value-words.js';
import { parseLevel, parseWbsCode, readValue } from '../../electron/core/excel/import/cell-values.js';
import { defaultVocabularies } from '../../electron/core/excel/import/detect.js';
import { DEFAULT_VOCABULARIES } from '../../electron/common/registers.js';

const n = (v: number, fmt?: string): Cell => ({ c: 0, t: 'n', v, ...(fmt ? { fmt } : {}) });
const s = (v: string): Cell => ({ c: 0, t: 's', v });

describe('numbers', () => {
  it.each([
    ['1,250', 1250, false],
    ['１２５０', 1250, false],
    ['－３', -3, false],
    ['50%', 50, true],
    ['５０％', 50, true],
    ['0.5', 0.5, false],
    ['.5', 0.5, false],
  ])('%s → %s', (text, value, percent) => expect(parseNumberText(text)).toMatchObject({ value, percent }));

  it('keeps a unit word and refuses what is not a number', () => {
    expect(parseNumberText('8h')).toMatchObject({ value: 8, unit: 'h' });
    expect(parseNumberText('1.5人日')).toMatchObject({ value: 1.5, unit: '人日' });
    for (const t of ['abc', '1.2.3', '', '--1', '1,25']) expect(parseNumberText(t)).toBeNull();
  });
});

describe('progress: 0–1 or 0–100 decided per column', () => {
  it('reads a column of fractions as fractions and one with a value above 1 as percentages', () => {
    expect(progressScale([n(0), n(0.5), n(1)])).toBe('fraction');
    expect(progressScale([n(0), n(1), n(50)])).toBe('percent');
    expect(progressScale([n(0.5), s('80')])).toBe('percent');
    // % formatted cells and text with % say what they are and do not vote
    expect(progressScale([n(0.5, '0%'), n(1, '0%'), s('80%')])).toBe('fraction');
  });

  it.each([
    [n(0.5), 'fraction', 50],
    [n(1), 'fraction', 100],
    [n(50), 'percent', 50],
    [n(1), 'percent', 1],
    [n(0.5, '0%'), 'percent', 50], // formatted as % it is a fraction whatever the column
    [n(0.333), 'fraction', 33],
    [s('50%'), 'fraction', 50],
    [s('５０％'), 'fraction', 50],
    [s('0.5'), 'fraction', 50],
    [s('50'), 'percent', 50],
    [s('完了'), 'fraction', 100],
    [s(''), 'fraction', null],
  ] as const)('%j (%s) → %s', (cell, scale, value) => expect(parseProgress(cell, scale)).toEqual({ ok: true, value }));

  it('refuses values outside 0–100 % and words', () => {
    expect(parseProgress(n(150), 'percent')).toMatchObject({ ok: false, code: 'notProgress', params: { value: '150 %' }, reason: '150 % is not a progress 0–100 %' });
    expect(parseProgress(n(-0.1), 'fraction').ok).toBe(false);
    expect(parseProgress(s('半分'), 'fraction')).toMatchObject({ ok: false, reason: '半分 is not a progress 0–100 %' });
  });
});

describe('effort in person-days', () => {
  it('takes the unit from the header, or from the cell', () => {
    expect(effortUnitOf('予定工数(人日)')).toBe('day');
    expect(effortUnitOf('工数(h)')).toBe('hour');
    expect(effortUnitOf('予定時間')).toBe('hour');
    expect(effortUnitOf('Effort (hours)')).toBe('hour');
    expect(effortUnitOf('工数（人月）')).toBe('month');
    expect(parseEffort(n(16), 'hour')).toEqual({ ok: true, value: 2 });
    expect(parseEffort(n(0.5), 'month')).toEqual({ ok: true, value: 10 });
    expect(parseEffort(s('８h'), 'day')).toEqual({ ok: true, value: 1 });
    expect(parseEffort(s('1.5人日'), 'hour')).toEqual({ ok: true, value: 1.5 });
    expect(parseEffort(s('-'), 'day')).toEqual({ ok: true, value: null });
  });

  it('refuses negative numbers and words', () => {
    expect(parseEffort(n(-1), 'day').ok).toBe(false);
    expect(parseEffort(s('3 apples'), 'day')).toMatchObject({ ok: false, reason: '3 apples is not an effort (a number of person-days)' });
  });
});

describe('vocabularies', () => {
  it.each([
    ['未着手', 'not_started'],
    ['対応中', 'in_progress'],
    ['作業中', 'in_progress'],
    ['完了', 'done'],
    ['済', 'done'],
    ['保留', 'on_hold'],
    ['中止', 'cancelled'],
    ['Not started', 'not_started'],
    ['In Progress', 'in_progress'],
    ['DONE', 'done'],
    ['Completed', 'done'],
    ['On hold', 'on_hold'],
    ['Canceled', 'cancelled'],
    ['◎', 'done'],
    ['○', 'done'],
    ['△', 'in_progress'],
    ['×', 'not_started'],
    ['in_progress', 'in_progress'],
  ])('WBS status %s → %s', (text, code) => expect(parseWbsStatus(text)).toEqual({ ok: true, value: code }));

  it('says which statuses it knows when one does not match', () => {
    expect(parseWbsStatus('検証待ちかも')).toMatchObject({ ok: false, reason: '検証待ちかも is not a status (未着手/対応中/完了/保留/中止)' });
    expect(parseWbsStatus('')).toEqual({ ok: true, value: null });
  });

  const items = DEFAULT_VOCABULARIES;
  it.each([
    ['issue.priority', '高', 'high'],
    ['issue.priority', '中', 'medium'],
    ['issue.priority', '低', 'low'],
    ['issue.priority', '大', 'high'],
    ['issue.priority', '小', 'low'],
    ['issue.priority', '◎', 'high'],
    ['issue.priority', '○', 'medium'],
    ['issue.priority', '△', 'low'],
    ['issue.priority', 'Very High', 'high'],
    ['issue.status', '対応済', 'done'],
    ['issue.status', 'Closed', 'done'],
    ['issue.kind', 'Request for Change', 'request'],
    ['issue.kind', 'バグ', 'defect'],
    ['risk.status', 'Active', 'open'],
    ['risk.status', '顕在化', 'occurred'],
    ['risk.strategy', '低減', 'mitigate'],
    ['risk.category', '予算', 'cost'],
    ['change.decision', '承認済み', 'approved'],
    ['change.implStatus', '完了', 'done'],
  ] as const)('%s: %s → %s', (list, text, code) => expect(parseVocab(items[list], list, text)).toEqual({ ok: true, value: code }));

  it('uses a project’s own labels first, and its synonyms only for codes the project still has', () => {
    const custom = [
      { code: 'open', labelJa: '受付', labelEn: '', closed: false },
      { code: 'fixed', labelJa: '修正済', labelEn: 'Fixed', closed: true },
    ];
    expect(parseVocab(custom, 'issue.status', '受付')).toEqual({ ok: true, value: 'open' });
    expect(parseVocab(custom, 'issue.status', 'fixed')).toEqual({ ok: true, value: 'fixed' });
    expect(parseVocab(custom, 'issue.status', '完了')).toMatchObject({ ok: false, code: 'notInList', params: { value: '完了' }, reason: '完了 is not a value of issue.status (受付/修正済)' });
  });

  it('reads 1–5 ratings from numbers, 高/中/低, 大/中/小 and marks', () => {
    for (const [input, value] of [[3, 3], ['５', 5], ['高', 5], ['中', 3], ['低', 1], ['大', 5], ['小', 1], ['High', 5], ['◎', 5], ['○', 3], ['△', 1], ['', null]] as const)
      expect(parseRatingValue(input)).toEqual({ ok: true, value });
    expect(parseRatingValue(1.5)).toMatchObject({ ok: false, reason: '1.5 is not a rating 1–5 (or 高/中/低)' });
    expect(parseRatingValue(6).ok).toBe(false);
  });

  it('reads yes/no marks', () => {
    for (const [input, value] of [['○', true], ['◆', true], ['✓', true], ['yes', true], [1, true], [true, true], ['×', false], ['-', false], ['', null]] as const)
      expect(parseYesNo(input)).toEqual({ ok: true, value });
    expect(parseYesNo('maybe').ok).toBe(false);
  });
});

describe('structure cells', () => {
  it('reads WBS codes and levels', () => {
    expect(parseWbsCode(s('1.2.3'))).toBe('1.2.3');
    expect(parseWbsCode(s('１．２．３'))).toBe('1.2.3');
    expect(parseWbsCode(s('1-2-3'))).toBe('1.2.3');
    expect(parseWbsCode(s('1.2.'))).toBe('1.2');
    expect(parseWbsCode(n(1.1))).toBe('1.1');
    expect(parseWbsCode(s('Task-001'))).toBeNull();
    expect(parseLevel(s('Lv.2'))).toBe(2);
    expect(parseLevel(s('レベル３'))).toBe(3);
    expect(parseLevel(n(1))).toBe(1);
    expect(parseLevel(s('高'))).toBeNull();
  });

  it('turns a plain number in an ID column into the register’s ID', () => {
    const ctx = { date1904: false, vocab: defaultVocabularies(), reference: '2025-01-01', progressScale: 'fraction', effortUnit: 'day', refPrefix: 'I-' } as const;
    expect(readValue({ kind: 'ref' }, n(7), ctx)).toEqual({ ok: true, value: 'I-007' });
    expect(readValue({ kind: 'ref' }, s('課題-12'), ctx)).toEqual({ ok: true, value: '課題-12' });
    expect(readValue({ kind: 'date' }, { c: 0, t: 'e', v: '#REF!' }, ctx)).toMatchObject({ ok: false, reason: '#REF! is an Excel error value' });
  });

  it('reads a duration in working days and a scheduling mode as MS Project and clients write them', () => {
    const ctx = { date1904: false, vocab: defaultVocabularies(), reference: '2025-01-01', progressScale: 'fraction', effortUnit: 'day', refPrefix: '' } as const;
    for (const [cell, days] of [[n(5), 5], [s('5日'), 5], [s('５日間'), 5], [s('12 days'), 12], [s('3d'), 3], [s('10営業日'), 10], [n(0), 0]] as const)
      expect(readValue({ kind: 'days' }, cell, ctx)).toEqual({ ok: true, value: days });
    for (const bad of [n(2.5), s('2週間'), s('-1')]) expect(readValue({ kind: 'days' }, bad, ctx)).toMatchObject({ ok: false, code: 'notDays' });
    for (const [text, mode] of [['手動', 'manual'], ['自動スケジュール', 'auto'], ['Manually Scheduled', 'manual'], ['Auto Scheduled', 'auto'], ['ＡＵＴＯ', 'auto']] as const)
      expect(readValue({ kind: 'scheduling' }, s(text), ctx)).toEqual({ ok: true, value: mode });
    expect(readValue({ kind: 'scheduling' }, s('半自動'), ctx)).toMatchObject({ ok: false, code: 'notScheduling' });
  });
});
