// Pure logic behind the risk, issue and change pages and the value-list editor.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../electron/common/dto.js';
import { DEFAULT_RISK_THRESHOLDS, DEFAULT_VOCABULARIES } from '../../electron/common/registers.js';
import { parseCell } from '../../renderer/src/grid/cellValues.js';
import { isCellProblems, problemsToBadCells } from '../../renderer/src/grid/serverProblems.js';
import { historyLines } from '../../renderer/src/ui/historyLines.js';
import { pickList } from '../../renderer/src/features/registers/VocabEditor.js';
import { cellFilter, heatRows, toggleCell } from '../../renderer/src/features/risks/heatmap.js';
import { blankItem, checkDraft, fillCodes, move, toDraft, toItems } from '../../renderer/src/features/vocab/vocabDraft.js';

describe('probability / impact and vocabulary cells', () => {
  it('reads ratings as numbers or 高/中/低', () => {
    expect(parseCell('rating', '高')).toEqual({ ok: true, value: 5 });
    expect(parseCell('rating', '中')).toEqual({ ok: true, value: 3 });
    expect(parseCell('rating', '低')).toEqual({ ok: true, value: 1 });
    expect(parseCell('rating', '４')).toEqual({ ok: true, value: 4 });
    expect(parseCell('rating', '')).toEqual({ ok: true, value: null });
    expect(parseCell('rating', '6')).toEqual({ ok: false, reason: 'notRating' });
    expect(parseCell('rating', 'たぶん')).toEqual({ ok: false, reason: 'notRating' });
  });

  it('reads a vocabulary cell as a code, a Japanese or an English label', () => {
    const kind = { vocab: DEFAULT_VOCABULARIES['issue.status'] };
    expect(parseCell(kind, '完了')).toEqual({ ok: true, value: 'done' });
    expect(parseCell(kind, 'In progress')).toEqual({ ok: true, value: 'in_progress' });
    expect(parseCell(kind, 'on_hold')).toEqual({ ok: true, value: 'on_hold' });
    expect(parseCell(kind, '')).toEqual({ ok: true, value: '' });
    expect(parseCell(kind, '済')).toEqual({ ok: false, reason: 'notChoice' });
  });
});

describe('risk heat map', () => {
  const risks = [
    { probability: 5, impact: 5 },
    { probability: 5, impact: 5 },
    { probability: 3, impact: 3 },
    { probability: 1, impact: 4 },
    { probability: null, impact: 2 },
  ];

  it('counts risks per cell, probability 5 on top, impact 1 on the left', () => {
    const rows = heatRows(risks, DEFAULT_RISK_THRESHOLDS);
    expect(rows.map((r) => r[0]!.probability)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]!.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]![4]).toMatchObject({ probability: 5, impact: 5, score: 25, count: 2, level: 'high' });
    expect(rows[2]![2]).toMatchObject({ score: 9, count: 1, level: 'medium' });
    expect(rows[4]![3]).toMatchObject({ score: 4, count: 1, level: 'low' });
    expect(rows.flat().reduce((n, c) => n + c.count, 0)).toBe(4); // the unrated one is left out
  });

  it('colours cells by the project thresholds', () => {
    const rows = heatRows([], { high: 20, medium: 5 });
    expect(rows[1]![3]).toMatchObject({ score: 16, level: 'medium' });
    expect(rows[0]![3]).toMatchObject({ score: 20, level: 'high' });
    expect(rows[3]![1]).toMatchObject({ score: 4, level: 'low' });
  });

  it('selects a cell, clears it on a second click, and filters to exactly that cell', () => {
    const sel = toggleCell(null, { probability: 5, impact: 5 });
    expect(sel).toEqual({ probability: 5, impact: 5 });
    expect(toggleCell(sel, { probability: 5, impact: 5 })).toBeNull();
    expect(toggleCell(sel, { probability: 3, impact: 3 })).toEqual({ probability: 3, impact: 3 });
    expect(risks.filter(cellFilter(sel)!)).toHaveLength(2);
    expect(cellFilter(null)).toBeNull();
  });
});

describe('a refused bulk write as bad cells', () => {
  const plan = {
    updates: [{ id: 7, patch: { status: '' } }],
    creates: [{ values: { ref: 'R-001', title: 'x' } }],
  };
  const ctx = {
    plan,
    rowIndexOf: (id: number) => (id === 7 ? 2 : null),
    shownRows: 4,
    headerOf: (f: string) => ({ status: 'ステータス', ref: 'ID' })[f] ?? f,
    format: (_f: string, v: unknown) => String(v),
  };

  it('recognizes the core’s cell problems', () => {
    expect(isCellProblems([{ part: 'updates', row: 0, id: 1, field: 'x', message: 'm' }])).toBe(true);
    expect(isCellProblems([{ field: 'x', message: 'm' }])).toBe(false);
    expect(isCellProblems([])).toBe(false);
  });

  it('names the shown row (new rows after the shown ones), the column, the value and a known reason', () => {
    const cells = problemsToBadCells(
      [
        { part: 'updates', row: 0, id: 7, field: 'status', message: 'must not be empty' },
        { part: 'creates', row: 0, id: null, field: 'ref', message: '"R-001" is already used in this project' },
        { part: 'creates', row: 0, id: null, field: 'title', message: 'something else' },
      ],
      ctx,
    );
    expect(cells).toEqual([
      { row: 2, field: 'status', header: 'ステータス', value: '', reason: 'empty' },
      { row: 4, field: 'ref', header: 'ID', value: 'R-001', reason: 'duplicateRef' },
      { row: 4, field: 'title', header: 'title', value: 'x', reason: 'something else' },
    ]);
  });
});

describe('row history lines', () => {
  const entry = (changes: HistoryEntry['changes'], action: HistoryEntry['action'] = 'update'): HistoryEntry => ({
    at: '2025-04-01T01:00:00Z',
    who: 'yamada',
    role: null,
    batchId: 'b',
    batchLabel: 'risk.update',
    kind: 'edit',
    action,
    changes,
  });
  const headerOf = (f: string) => ({ status: 'ステータス', probability: '発生確率', title: 'リスク' })[f] ?? null;
  const format = (f: string, v: unknown) => (v === null || v === undefined ? '' : f === 'status' ? ({ open: 'オープン', closed: 'クローズ' } as Record<string, string>)[v as string]! : String(v));

  it('shows known fields only, formatted, and skips those whose shown value did not change', () => {
    const lines = historyLines(
      [
        entry([
          { field: 'status', before: 'open', after: 'closed' },
          { field: 'probability', before: 3, after: 5 },
          { field: 'extra', before: {}, after: { x: 1 } },
        ]),
        entry([{ field: 'title', before: null, after: 'R' }, { field: 'probability', before: null, after: null }], 'create'),
      ],
      headerOf,
      format,
    );
    expect(lines.map((l) => [l.field, l.before, l.after, l.first, l.span])).toEqual([
      ['ステータス', 'オープン', 'クローズ', true, 2],
      ['発生確率', '3', '5', false, 2],
      ['リスク', '', 'R', true, 1],
    ]);
  });
});

describe('value-list draft', () => {
  it('moves items within bounds', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('gives codes to items that have none, avoiding codes in use', () => {
    const items = [...toDraft([{ code: 'item1', labelJa: '一', labelEn: '', closed: false }]), { ...blankItem(), labelJa: '二' }, { ...blankItem(), labelJa: '三' }];
    expect(fillCodes(items).map((i) => i.code)).toEqual(['item1', 'item2', 'item3']);
  });

  it('finds empty Japanese labels and codes or labels used twice, as people type them', () => {
    const items = toItems([
      { code: 'a', labelJa: '高', labelEn: 'High', closed: false },
      { code: 'b', labelJa: '', labelEn: 'ｈｉｇｈ', closed: false },
      { code: 'A', labelJa: '低', labelEn: '', closed: false },
    ]);
    expect(checkDraft(items)).toEqual([
      { index: 1, field: 'labelJa', problem: 'empty' },
      { index: 1, field: 'labelEn', problem: 'duplicate', other: 0 },
      { index: 2, field: 'code', problem: 'duplicate', other: 0 },
    ]);
    expect(checkDraft(DEFAULT_VOCABULARIES['issue.status'])).toEqual([]);
  });
});

describe('the pick list of a vocabulary cell', () => {
  const params = { items: DEFAULT_VOCABULARIES['change.decision'], lang: 'ja' as const, allowEmpty: true, emptyLabel: '(なし)' };

  it('offers every item (and the blank one) until the user types', () => {
    expect(pickList(params, '承認', false).options.map((o) => o.label)).toEqual(['(なし)', '承認', '却下', '保留']);
  });

  it('narrows to items whose code or labels contain the typed text, preferring an exact match', () => {
    expect(pickList(params, 'hold', true)).toEqual({ options: [{ code: 'on_hold', label: '保留' }], best: 0 });
    const r = pickList(params, 'e', true); // approved, rejected (codes and English labels)
    expect(r.options.map((o) => o.code)).toEqual(['approved', 'rejected']);
    expect(pickList(params, 'Rejected', true).best).toBe(0);
    expect(pickList({ ...params, lang: 'en' }, 'ＲＥＪＥＣＴＥＤ', true).options).toEqual([{ code: 'rejected', label: 'Rejected' }]);
    expect(pickList(params, '済', true).options).toEqual([]);
  });
});
