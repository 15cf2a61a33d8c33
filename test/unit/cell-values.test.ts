import { describe, expect, it } from 'vitest';
import { parseCell } from '../../renderer/src/grid/cellValues.js';

const status = { choices: ['not_started', 'done'] as const, labels: (c: string) => ({ not_started: '未着手', done: '完了' })[c] ?? c };

describe('parseCell', () => {
  it('parses dates and refuses impossible ones', () => {
    expect(parseCell('date', '2025/4/1')).toEqual({ ok: true, value: '2025-04-01' });
    expect(parseCell('date', '')).toEqual({ ok: true, value: null });
    expect(parseCell('date', '2025/13/40')).toEqual({ ok: false, reason: 'notDate' });
  });

  it('parses numbers with full-width digits and thousands separators', () => {
    expect(parseCell('number', '１，２５０.５')).toEqual({ ok: true, value: 1250.5 });
    expect(parseCell('number', '')).toEqual({ ok: true, value: null });
    expect(parseCell('number', 'abc')).toEqual({ ok: false, reason: 'notNumber' });
  });

  it('parses percentages 0–100, with or without a % sign', () => {
    expect(parseCell('percent', '50')).toEqual({ ok: true, value: 50 });
    expect(parseCell('percent', '８０％')).toEqual({ ok: true, value: 80 });
    expect(parseCell('percent', '101')).toEqual({ ok: false, reason: 'notPercent' });
    expect(parseCell('percent', '12.5')).toEqual({ ok: false, reason: 'notPercent' });
  });

  it('accepts a vocabulary code or its label', () => {
    expect(parseCell(status, '完了')).toEqual({ ok: true, value: 'done' });
    expect(parseCell(status, 'not_started')).toEqual({ ok: true, value: 'not_started' });
    expect(parseCell(status, '済')).toEqual({ ok: false, reason: 'notStatus' });
  });

  it('keeps text as typed and passes non-text values through', () => {
    expect(parseCell('text', '  =SUM(A1) ')).toEqual({ ok: true, value: '  =SUM(A1) ' });
    expect(parseCell('bool', true)).toEqual({ ok: true, value: true });
    expect(parseCell('bool', '○')).toEqual({ ok: true, value: true });
  });
});
