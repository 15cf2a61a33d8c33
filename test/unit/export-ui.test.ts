// Pure logic behind the Excel export dialog and the profile manager.
import { describe, expect, it } from 'vitest';
import { exportChoiceKey, formatDay, initialChoice, renamedTo, sortProfiles } from '../../renderer/src/features/excel/exportModel.js';

const profile = (id: number, name: string, register: 'wbs' | 'risk' | 'issue' | 'change') => ({
  id,
  name,
  kind: 'table' as const,
  register,
  sheet: 'Sheet1',
  fileName: `${name}.xlsx`,
  createdAt: '2025-04-01T00:00:00.000Z',
  updatedAt: '2025-04-01T00:00:00.000Z',
});

describe('export dialog', () => {
  it('remembers the choice per register and project', () => {
    expect(exportChoiceKey(3, 'issue')).toBe('excel.export.issue.3');
    expect(exportChoiceKey(3, 'wbs')).not.toBe(exportChoiceKey(4, 'wbs'));
  });

  it('opens on the remembered profile while it exists, else on the standard layout', () => {
    const list = [profile(5, 'A社', 'issue'), profile(7, 'B社', 'issue')];
    expect(initialChoice({ profileId: 7 }, list)).toBe(7);
    expect(initialChoice({ profileId: 9 }, list)).toBeNull(); // deleted since
    expect(initialChoice({ profileId: null }, list)).toBeNull();
    expect(initialChoice(null, list)).toBeNull();
    expect(initialChoice('7', list)).toBeNull();
    expect(initialChoice({ profileId: '7' }, list)).toBeNull();
  });

  it('shows dates as yyyy/mm/dd', () => {
    expect(formatDay('2025-04-01T03:00:00.000Z')).toMatch(/^2025\/04\/0[12]$/);
    expect(formatDay('2025-12-31')).toMatch(/^2025\/12\/3[01]$|^2026\/01\/01$/);
    expect(formatDay('not a date')).toBe('not a date');
  });
});

describe('profile manager', () => {
  it('lists profiles by register in the tabs’ order, then by name', () => {
    const list = [profile(1, 'B社', 'issue'), profile(2, 'A社', 'issue'), profile(3, 'WBS様式', 'wbs'), profile(4, 'Z', 'change'), profile(5, 'R', 'risk')];
    expect(sortProfiles(list).map((p) => p.id)).toEqual([3, 5, 2, 1, 4]);
    expect(list.map((p) => p.id)).toEqual([1, 2, 3, 4, 5]); // not sorted in place
    // A meeting form (議事録) after the registers, anything unknown last.
    const more = [{ id: 6, name: '議事録様式', register: 'minutes' }, { id: 7, name: 'A', register: 'other' }, { id: 8, name: 'B', register: 'wbs' }];
    expect(sortProfiles(more).map((p) => p.id)).toEqual([8, 6, 7]);
  });

  it('renames only to a name that is there and differs', () => {
    expect(renamedTo('  A社 (2025) ', 'A社')).toBe('A社 (2025)');
    expect(renamedTo('A社', 'A社')).toBeNull();
    expect(renamedTo('   ', 'A社')).toBeNull();
    expect(renamedTo('x'.repeat(300), 'A社')).toHaveLength(200);
  });
});
