import { describe, expect, it } from 'vitest';
import {
  ageDays,
  DEFAULT_RISK_THRESHOLDS,
  formatRef,
  heatMap,
  isOverdue,
  parseRating,
  refKey,
  refNumber,
  riskLevel,
  riskScore,
  riskThresholds,
} from '../../electron/common/registers.js';
import { localToday } from '../../electron/common/dates.js';

describe('parseRating (probability and impact as typed)', () => {
  it.each([
    ['高', 5],
    ['大', 5],
    ['High', 5],
    ['ｈｉｇｈ', 5],
    ['やや高い', 4],
    ['中', 3],
    ['medium', 3],
    ['やや低い', 2],
    ['低', 1],
    ['小', 1],
    ['LOW', 1],
    ['3', 3],
    ['５', 5],
    [' ２ ', 2],
    ['4.0', 4],
    // A 5×5 matrix's likelihood and consequence steps (ISO 31000 guides).
    ['Rare', 1],
    ['Unlikely', 2],
    ['Possible', 3],
    ['Likely', 4],
    ['Almost Certain', 5],
    ['Insignificant', 1],
    ['Minor', 2],
    ['Moderate', 3],
    ['Major', 4],
    ['Severe', 5],
    ['Catastrophic', 5],
  ])('reads %s as %d', (typed, n) => expect(parseRating(typed)).toEqual({ ok: true, value: n }));

  it('reads empty as not assessed', () => {
    expect(parseRating('')).toEqual({ ok: true, value: null });
    expect(parseRating('  ')).toEqual({ ok: true, value: null });
    expect(parseRating(null)).toEqual({ ok: true, value: null });
  });

  it.each(['0', '6', '６', '2.5', '-1', '特大', 'abc', '高中'])('refuses %s', (typed) => expect(parseRating(typed)).toEqual({ ok: false }));

  it('takes whole numbers 1–5 as they are and refuses others', () => {
    expect(parseRating(4)).toEqual({ ok: true, value: 4 });
    expect(parseRating(0)).toEqual({ ok: false });
    expect(parseRating(3.5)).toEqual({ ok: false });
    expect(parseRating(true)).toEqual({ ok: false });
  });

  it('keeps a 3-level register spread: 高×高 and 高×中 high, 中×中 medium, 高×低 low by default', () => {
    const level = (p: string, i: string) => {
      const a = parseRating(p);
      const b = parseRating(i);
      if (!a.ok || !b.ok) throw new Error('unparsed');
      return riskLevel(riskScore(a.value, b.value), DEFAULT_RISK_THRESHOLDS);
    };
    expect(level('高', '高')).toBe('high');
    expect(level('高', '中')).toBe('high');
    expect(level('中', '中')).toBe('medium');
    expect(level('高', '低')).toBe('low');
    expect(level('低', '低')).toBe('low');
  });
});

describe('risk score and level', () => {
  it('scores P×I, null while either is missing', () => {
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(null, 5)).toBeNull();
    expect(riskScore(3, null)).toBeNull();
  });

  it('bands the default thresholds as 15–25 high, 8–12 medium, 1–6 low', () => {
    expect(DEFAULT_RISK_THRESHOLDS).toEqual({ high: 15, medium: 8 });
    expect([25, 15, 12, 8, 6, 1].map((s) => riskLevel(s, DEFAULT_RISK_THRESHOLDS))).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
    expect(riskLevel(null, DEFAULT_RISK_THRESHOLDS)).toBeNull();
  });

  it('follows custom thresholds at their boundaries', () => {
    const t = { high: 10, medium: 5 };
    expect([10, 9, 5, 4].map((s) => riskLevel(s, t))).toEqual(['high', 'medium', 'medium', 'low']);
  });

  it('refuses thresholds out of range or not ordered', () => {
    expect(riskThresholds.safeParse({ high: 12, medium: 6 }).success).toBe(true);
    expect(riskThresholds.safeParse({ high: 8, medium: 8 }).error?.issues[0]?.path).toEqual(['medium']);
    expect(riskThresholds.safeParse({ high: 26, medium: 8 }).success).toBe(false);
    expect(riskThresholds.safeParse({ high: 15, medium: 0 }).success).toBe(false);
    expect(riskThresholds.safeParse({ high: 15.5, medium: 8 }).success).toBe(false);
  });

  it('counts rated risks into a 5×5 heat map indexed [probability-1][impact-1]', () => {
    const m = heatMap([
      { probability: 5, impact: 1 },
      { probability: 5, impact: 1 },
      { probability: 2, impact: 4 },
      { probability: null, impact: 4 },
    ]);
    expect(m).toHaveLength(5);
    expect(m[4]![0]).toBe(2);
    expect(m[1]![3]).toBe(1);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('register IDs', () => {
  it('formats at least three digits', () => {
    expect(formatRef('R-', 1)).toBe('R-001');
    expect(formatRef('I-', 42)).toBe('I-042');
    expect(formatRef('C-', 1234)).toBe('C-1234');
  });

  it('reads the number of an ID in the register pattern only', () => {
    expect(refNumber('R-', 'R-012')).toBe(12);
    expect(refNumber('R-', 'ｒ－０１２')).toBe(12);
    expect(refNumber('R-', 'R-12a')).toBeNull();
    expect(refNumber('R-', 'RISK-1')).toBeNull();
    expect(refNumber('R-', 'I-001')).toBeNull();
  });

  it('compares IDs case- and width-insensitively', () => {
    expect(refKey(' r-００1 ')).toBe(refKey('R-001'));
    expect(refKey('R-001')).not.toBe(refKey('R-01'));
  });
});

describe('overdue and age', () => {
  const today = '2025-04-10';

  it('is overdue only when due has passed and the row is open', () => {
    expect(isOverdue('2025-04-09', false, today)).toBe(true);
    expect(isOverdue('2025-04-10', false, today)).toBe(false);
    expect(isOverdue('2025-04-09', true, today)).toBe(false);
    expect(isOverdue(null, false, today)).toBe(false);
  });

  it('counts age from raisedOn to today, or to closedOn once closed', () => {
    const row = { raisedOn: '2025-03-31', closedOn: '2025-04-05', createdAt: '2025-01-01T00:00:00.000Z' };
    expect(ageDays(row, false, today)).toBe(10);
    expect(ageDays(row, true, today)).toBe(5);
    expect(ageDays({ ...row, closedOn: null }, true, today)).toBe(10);
  });

  it('falls back to the creation day and never goes negative', () => {
    const created = new Date(2025, 3, 7, 12, 0, 0); // local 2025-04-07 noon
    expect(ageDays({ raisedOn: null, closedOn: null, createdAt: created.toISOString() }, false, today)).toBe(3);
    expect(ageDays({ raisedOn: '2025-05-01', closedOn: null, createdAt: created.toISOString() }, false, today)).toBe(0);
  });

  it('takes today as the local calendar day', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localToday(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });

  it('counts across a month end and a leap day', () => {
    const row = (raisedOn: string) => ({ raisedOn, closedOn: null, createdAt: '2024-01-01T00:00:00Z' });
    expect(ageDays(row('2024-02-28'), false, '2024-03-01')).toBe(2);
    expect(ageDays(row('2025-02-28'), false, '2025-03-01')).toBe(1);
  });
});
