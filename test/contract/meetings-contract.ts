// The meetings and minutes-export part of the API contract, run against every adapter (in-process
// handlers, web host over HTTP): same results, same errors, and a refused call changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../helpers/workspace.js';
import type { Adapter } from './contract.js';
import { failure } from '../helpers/failure.js';
import { snapshot } from '../helpers/snapshot.js';

export function defineMeetingsContract(name: string, open: () => Promise<Adapter>) {
  describe(`meetings API contract (${name})`, () => {
    let a: Adapter;
    let p: number;
    beforeEach(async () => {
      a = await open();
      p = (await a.call('project.create', { name: 'P' })).id;
    });
    afterEach(async () => {
      await a.close();
    });

    it('keeps minutes whose action items are issue-log rows, carried over in a series', async () => {
      const m1 = await a.call('meeting.create', {
        projectId: p,
        values: {
          title: '第1回 定例',
          kind: 'regular',
          series: '定例',
          heldOn: '2025-04-01',
          attendees: [{ name: '山田', side: 'ours', org: 'PMO', role: '', present: false }],
          agenda: [{ title: '進捗', notes: '順調' }],
          decisions: [{ text: '5月リリース', agendaIndex: 0 }],
        },
      });
      expect(m1).toMatchObject({ title: '第1回 定例', final: false, actions: [], carriedOver: [], online: false, nextMeeting: '' });
      const act = await a.call('issue.create', { projectId: p, values: { kind: 'action', title: '見積送付', owner: '鈴木', meetingId: m1.id } });
      expect((await a.call('meeting.get', { id: m1.id })).actions.map((x) => x.id)).toEqual([act.id]);

      const m2 = await a.call('meeting.create', { projectId: p, fromMeetingId: m1.id, values: { title: '第2回 定例', heldOn: '2025-04-08' } });
      expect(m2).toMatchObject({ series: '定例', agenda: [{ title: '進捗', notes: '' }], decisions: [], attendees: [{ name: '山田', present: true }] });
      expect(m2.carriedOver.map((x) => x.title)).toEqual(['見積送付']);

      await a.call('issue.update', { id: act.id, patch: { status: 'done' } });
      expect((await a.call('meeting.get', { id: m2.id })).carriedOver).toEqual([]);

      const updated = await a.call('meeting.update', { id: m2.id, patch: { purpose: 'API 確認', online: true } });
      expect(updated).toMatchObject({ purpose: 'API 確認', online: true });
      expect(await a.call('meeting.list', { projectId: p, query: 'ａｐｉ' })).toEqual([
        { id: m2.id, title: '第2回 定例', kind: 'regular', series: '定例', heldOn: '2025-04-08', final: false, decisionCount: 0, actionCount: 0, openActionCount: 0, matches: ['purpose'] },
      ]);
      expect((await a.call('meeting.list', { projectId: p, from: '2025-04-01', to: '2025-04-07' })).map((x) => x.id)).toEqual([m1.id]);

      expect((await a.call('meeting.finalize', { id: m2.id })).final).toBe(true);
      expect((await a.call('meeting.reopen', { id: m2.id })).final).toBe(false);
      expect(await a.call('meeting.delete', { id: m1.id })).toEqual({ deleted: 1 });
      expect((await a.call('issue.list', { projectId: p })).map((i) => i.meetingId)).toEqual([null]);
    });

    it('exports minutes as workbook bytes with a file name', async () => {
      const m = await a.call('meeting.create', { projectId: p, values: { title: '定例', heldOn: '2025-04-01', decisions: [{ text: '=1+1', agendaIndex: null }] } });
      const out = await a.call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id });
      expect(out.fileName).toBe('議事録_20250401_定例.xlsx');
      expect(Buffer.from(out.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    });

    describe('refused calls get a clear error with code and field, and change nothing', () => {
      const cases: [string, (call: Call, ids: { p: number; m: number; f: number }) => Promise<unknown>, string, string][] = [
        ['edit of final minutes', (c, { f }) => c('meeting.update', { id: f, patch: { title: 'x' } }), 'CONFLICT', 'final'],
        ['delete of final minutes', (c, { f }) => c('meeting.delete', { id: f }), 'CONFLICT', 'final'],
        ['unknown field', (c, { m }) => c('meeting.update', { id: m, patch: { colour: 'red' } as never }), 'VALIDATION', 'patch.colour'],
        ['time not hh:mm', (c, { m }) => c('meeting.update', { id: m, patch: { startsAt: '9時' } }), 'VALIDATION', 'patch.startsAt'],
        ['impossible time', (c, { m }) => c('meeting.update', { id: m, patch: { endsAt: '24:30' } }), 'VALIDATION', 'patch.endsAt'],
        ['impossible date', (c, { m }) => c('meeting.update', { id: m, patch: { heldOn: '2025-02-30' } }), 'VALIDATION', 'patch.heldOn'],
        ['attendee side', (c, { m }) => c('meeting.update', { id: m, patch: { attendees: [{ name: 'x', side: 'vendor', org: '', role: '', present: true }] as never } }), 'VALIDATION', 'patch.attendees.0.side'],
        ['decision on a missing agenda item', (c, { m }) => c('meeting.update', { id: m, patch: { decisions: [{ text: 'x', agendaIndex: 3 }] } }), 'VALIDATION', 'patch.decisions.0.agendaIndex'],
        ['kind not in the list', (c, { p }) => c('meeting.create', { projectId: p, values: { kind: 'memo' } }), 'VALIDATION', 'values.kind'],
        ['copy of a missing meeting', (c, { p }) => c('meeting.create', { projectId: p, fromMeetingId: 999 }), 'NOT_FOUND', 'fromMeetingId'],
        ['missing meeting', (c) => c('meeting.get', { id: 999 }), 'NOT_FOUND', 'id'],
        ['list dates not ISO', (c, { p }) => c('meeting.list', { projectId: p, from: '2025/04/01' }), 'VALIDATION', 'from'],
        ['export to a missing form profile', (c, { p, m }) => c('excel.export', { projectId: p, register: 'minutes', meetingId: m, profileId: 999 }), 'NOT_FOUND', 'profileId'],
        ['export of minutes without a meeting', (c, { p }) => c('excel.export', { projectId: p, register: 'minutes' }), 'VALIDATION', 'meetingId'],
        ['export of an unknown register', (c, { p }) => c('excel.export', { projectId: p, register: 'budget' as never }), 'VALIDATION', 'register'],
      ];
      for (const [label, run, code, field] of cases) {
        it(label, async () => {
          const m = await a.call('meeting.create', { projectId: p, values: { title: 'm' } });
          const f = await a.call('meeting.create', { projectId: p, values: { title: 'f' } });
          await a.call('meeting.finalize', { id: f.id });
          const before = snapshot(a.sql);
          const err = await failure(run(a.call, { p, m: m.id, f: f.id }));
          expect(err.code).toBe(code);
          const details = err.details as { field: string }[] | { field: string };
          expect((Array.isArray(details) ? details : [details]).map((d) => d.field)).toContain(field);
          expect(snapshot(a.sql)).toBe(before);
        });
      }
    });
  });
}
