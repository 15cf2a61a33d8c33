// The renderer's door to the API (renderer/src/api/useApi.ts): what a write touched — the entities its
// answer names (history.undo/redo), those the caller says, else its domain's and the undo stack — and
// that a refresh reloads each mounted reader of those entities once, leaving out the one the caller
// patches itself and readers of other entities.
import { describe, expect, it } from 'vitest';
import { HISTORY, refresh, subscribe, touchedBy } from '../../renderer/src/api/useApi.js';

describe('what a write touched', () => {
  it('is its domain’s entity and the undo stack, the domain named as the audit names it', () => {
    expect(touchedBy('risk.update', { id: 1 })).toEqual(['risk', HISTORY]);
    expect(touchedBy('lesson.create', { id: 1 })).toEqual(['lesson', HISTORY]);
    expect(touchedBy('wbs.applyCells', { tasks: [], createdIds: [] })).toEqual(['wbs_task', HISTORY]);
    expect(touchedBy('vocab.set', {})).toEqual(['vocabulary', HISTORY]);
    expect(touchedBy('dependency.create', { id: 1 })).toEqual(['wbs_dependency', HISTORY]);
  });

  it('adds the entities an undo or redo answers', () => {
    const answer = { applied: true, entities: ['risk', 'issue'], state: { canUndo: false, canRedo: true } };
    expect(touchedBy('history.undo', answer).sort()).toEqual(['history', 'issue', 'risk']);
  });

  it('takes the caller’s entities instead of the domain’s, the undo stack only when named', () => {
    expect(touchedBy('excel.applyImport', {}, ['issue', 'profile', HISTORY])).toEqual(['issue', 'profile', HISTORY]);
    expect(touchedBy('profile.update', {}, ['profile'])).toEqual(['profile']);
    expect(touchedBy('excel.discardPreview', { discarded: true }, [])).toEqual([]);
  });
});

describe('a refresh after a write', () => {
  it('reloads every reader of a touched entity once, not the one patched by the caller nor other readers', async () => {
    const calls: string[] = [];
    const reader = (name: string) => async () => void calls.push(name);
    const rows = reader('rows');
    const history = reader('history');
    const both = reader('both');
    const meetings = reader('meetings');
    const off = [subscribe(['risk'], rows), subscribe([HISTORY], history), subscribe(['risk', HISTORY], both), subscribe(['meeting'], meetings)];
    try {
      await refresh(touchedBy('risk.update', {}));
      expect(calls.sort()).toEqual(['both', 'history', 'rows']);
      calls.length = 0;
      await refresh(touchedBy('risk.update', {}), { reload: rows });
      expect(calls.sort()).toEqual(['both', 'history']);
    } finally {
      for (const f of off) f();
    }
    calls.length = 0;
    await refresh(['risk', 'meeting', HISTORY]);
    expect(calls).toEqual([]);
  });
});
