// The progress view's pure parts: how figures and 先週差分 are shown, which close is "last week", and
// the WBS drill-down.
import { describe, expect, it } from 'vitest';
import type { EvmRow, WeeklyClose } from '../../electron/common/api/progress.js';
import { drillPath, drillRows, formatDelta, formatFigure, previousClose } from '../../renderer/src/features/progress/progressModel.js';

describe('progress view model', () => {
  it('formats figures by kind and null as a dash', () => {
    expect(formatFigure('spi', 0.8306)).toBe('0.83');
    expect(formatFigure('ev', 1234.56)).toBe('1,234.6');
    expect(formatFigure('ev', 1234.56, 'yen')).toBe('1,235');
    expect(formatFigure('adherence', 1 / 3)).toBe('33.3%');
    expect(formatFigure('cpi', null)).toBe('—');
  });

  it('shows the difference from the last close with its sign', () => {
    expect(formatDelta('spi', 0.6, 0.47)).toBe('+0.13');
    expect(formatDelta('sv', -3, 2)).toBe('−5.0');
    expect(formatDelta('adherence', 0.5, 0.75)).toBe('−25.0pt');
    expect(formatDelta('spi', null, 0.5)).toBe('');
  });

  it('last week is the newest close before the status date', () => {
    const close = (statusDate: string) => ({ statusDate }) as WeeklyClose;
    const closes = [close('2025-06-20'), close('2025-06-13'), close('2025-06-06')];
    expect(previousClose(closes, '2025-06-20')!.statusDate).toBe('2025-06-13');
    expect(previousClose(closes, '2025-06-27')!.statusDate).toBe('2025-06-20');
    expect(previousClose(closes, '2025-06-06')).toBeNull();
  });

  it('drills down from a node to its tasks, with the path to it', () => {
    const row = (id: number, parentId: number | null, code: string) => ({ key: String(id), id, parentId, code, name: code }) as EvmRow;
    const rows = [row(1, null, '1'), row(2, 1, '1.1'), row(3, 2, '1.1.1'), row(4, 1, '1.2'), row(5, null, '2')];
    expect(drillRows(rows, null).map((r) => r.code)).toEqual(['1', '2']);
    expect(drillRows(rows, 1).map((r) => r.code)).toEqual(['1', '1.1', '1.2']);
    expect(drillPath(rows, 3).map((r) => r.code)).toEqual(['1', '1.1', '1.1.1']);
  });
});
