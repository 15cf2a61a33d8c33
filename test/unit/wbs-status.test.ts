// WBS status follows the data unless set by hand; summaries roll their children's status up; only
// unfinished work is marked late.
import { describe, expect, it } from 'vitest';
import { lateFlags } from '../../electron/common/wbs-late.js';
import { derivedStatus, rollUp, rollUpStatus, withDerivedStatus } from '../../electron/core/services/rollup.js';
import type { WbsStatus } from '../../electron/common/dto.js';

const task = (over: Partial<{ progress: number; actualStart: string | null; actualFinish: string | null; status: WbsStatus }> = {}) => ({
  progress: 0,
  actualStart: null,
  actualFinish: null,
  status: 'not_started' as WbsStatus,
  ...over,
});

describe('WBS status from the data', () => {
  it('is 完了 at 100 % or with an actual finish, 対応中 with progress or an actual start, else 未着手', () => {
    expect(derivedStatus(task())).toBe('not_started');
    expect(derivedStatus(task({ progress: 10 }))).toBe('in_progress');
    expect(derivedStatus(task({ actualStart: '2025-04-01' }))).toBe('in_progress');
    expect(derivedStatus(task({ progress: 100 }))).toBe('done');
    expect(derivedStatus(task({ progress: 40, actualFinish: '2025-04-30' }))).toBe('done');
  });

  it('never derives 保留 or 中止 away', () => {
    expect(derivedStatus(task({ status: 'on_hold', progress: 100 }))).toBe('on_hold');
    expect(derivedStatus(task({ status: 'cancelled', actualStart: '2025-04-01' }))).toBe('cancelled');
  });

  it('follows a write of progress or actual dates, but keeps a status set by hand in the same write', () => {
    expect(withDerivedStatus(task(), { progress: 100 })).toEqual({ progress: 100, status: 'done' });
    expect(withDerivedStatus(task({ status: 'done', progress: 100 }), { progress: 50 })).toEqual({ progress: 50, status: 'in_progress' });
    expect(withDerivedStatus(task(), { actualStart: '2025-04-01' })).toEqual({ actualStart: '2025-04-01', status: 'in_progress' });
    expect(withDerivedStatus(task(), { progress: 100, status: 'on_hold' })).toEqual({ progress: 100, status: 'on_hold' });
    // A write of other fields leaves a hand-set status alone.
    expect(withDerivedStatus(task({ status: 'done' }), { assignee: '山田' } as never)).toEqual({ assignee: '山田' });
    // Nothing to add when the status already agrees.
    expect(withDerivedStatus(task({ progress: 20, status: 'in_progress' }), { progress: 30 })).toEqual({ progress: 30 });
  });
});

describe('summary status', () => {
  const c = (status: WbsStatus, progress = 0) => ({ status, progress });
  it('rolls up: all done → 完了, any started → 対応中, none → 未着手, 中止 left out', () => {
    expect(rollUpStatus([c('done', 100), c('done', 100)])).toBe('done');
    expect(rollUpStatus([c('done', 100), c('cancelled')])).toBe('done');
    expect(rollUpStatus([c('done', 100), c('not_started')])).toBe('in_progress');
    expect(rollUpStatus([c('not_started', 0), c('not_started', 0)])).toBe('not_started');
    expect(rollUpStatus([c('not_started', 5)])).toBe('in_progress');
    expect(rollUpStatus([c('on_hold'), c('on_hold')])).toBe('on_hold');
    expect(rollUpStatus([c('cancelled')])).toBe('cancelled');
  });

  it('is part of a summary row’s roll-up (69 % rolled up is 対応中, not 未着手)', () => {
    const child = (progress: number, status: WbsStatus) => ({
      plannedStart: null, plannedFinish: null, actualStart: null, actualFinish: null, plannedEffort: null, actualEffort: null, progress, status,
    });
    const r = rollUp([child(100, 'done'), child(38, 'in_progress')]);
    expect(r.progress).toBe(69);
    expect(r.status).toBe('in_progress');
  });
});

describe('late marks', () => {
  const base = { plannedStart: '2025-04-01', plannedFinish: '2025-04-10', actualStart: null, actualFinish: null, progress: 0, status: 'not_started' as WbsStatus };
  it('marks unfinished work past its dates', () => {
    expect(lateFlags(base, '2025-05-01')).toEqual({ late: true, lateStart: true });
  });
  it('never marks finished work: 100 %, an actual finish, 完了 or 中止', () => {
    for (const over of [{ progress: 100 }, { actualFinish: '2025-04-12' }, { status: 'done' as WbsStatus }, { status: 'cancelled' as WbsStatus }])
      expect(lateFlags({ ...base, ...over }, '2025-05-01')).toEqual({ late: false, lateStart: false });
  });
});
