// The progress view's pure parts: how figures and 先週差分 are shown, which close is "last week", and
// the WBS drill-down.
import { describe, expect, it } from 'vitest';
import type { CompareTask, EvmRow, WeeklyClose } from '../../electron/common/api/progress.js';
import { compareLines, compareValue, drillPath, drillRows, formatDelta, formatFigure, formatSlip, previousClose } from '../../renderer/src/features/progress/progressModel.js';

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

  it('lists a comparison slipped first (most days first), then in WBS order, a moved and changed task once', () => {
    const task = (id: number, code: string, finishSlip: number | null, changes: CompareTask['changes'] = []): CompareTask => ({ id, code, name: `t${id}`, changes, finishSlip });
    const edit = [{ field: 'plannedFinish', before: '2025-06-27', after: '2025-07-04' }];
    const lines = compareLines({
      added: [task(9, '1.10', null)],
      removed: [task(8, '4', null)],
      moved: [task(3, '2.1', 2)],
      changed: [task(3, '2.1', 2, edit), task(5, '1.9', 0, [{ field: 'progress', before: 20, after: 100 }]), task(6, '3', 5, edit)],
    });
    expect(lines.map((l) => [l.code, l.kinds.join('+'), l.finishSlip])).toEqual([
      ['3', 'changed', 5],
      ['2.1', 'moved+changed', 2],
      ['1.9', 'changed', 0],
      ['1.10', 'added', null],
      ['4', 'removed', null],
    ]);
    expect(lines[1]!.changes).toEqual(edit);
  });

  it('shows compared values as the app does: yyyy/mm/dd, %, ◆, the status label, — for nothing', () => {
    const status = (s: string) => ({ done: '完了' })[s] ?? s;
    expect(compareValue('plannedFinish', '2025-07-04', status)).toBe('2025/07/04');
    expect(compareValue('progress', 20, status)).toBe('20%');
    expect(compareValue('milestone', true, status)).toBe('◆');
    expect(compareValue('status', 'done', status)).toBe('完了');
    expect(compareValue('actualFinish', null, status)).toBe('—');
    expect(compareValue('links', '1.1FS+2', status)).toBe('1.1FS+2');
    expect([formatSlip(5), formatSlip(-2), formatSlip(0), formatSlip(null)]).toEqual(['+5', '-2', '0', '']);
  });
});
