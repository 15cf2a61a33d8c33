// Meeting minutes on real SQLite files: action items linked both ways with the issue log, carry-over
// of open actions in a series, attendees of the last meeting, copy as the next meeting, final (確定)
// and reopen with their audit rows, search by text and dates, undo, and delete keeping actions.
import { describe, expect, it } from 'vitest';
import type { MeetingFields } from '../../electron/common/meetings.js';
import { createHandlers } from '../../electron/core/handlers.js';
import { failure } from '../helpers/failure.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { snapshot } from '../helpers/snapshot.js';

const TODAY = '2025-04-20';

async function setup() {
  const ws = tempWorkspace();
  const handlers = createHandlers(ws.db, { version: 'test', osLocale: 'ja-JP', shell: 'web', user: 'tester', today: () => TODAY });
  const call = inProcessCaller({ ...ws, handlers });
  const p = (await call('project.create', { name: 'P' })).id;
  const meeting = (values: Partial<MeetingFields> = {}) => call('meeting.create', { projectId: p, values });
  const action = (meetingId: number | null, values: Record<string, unknown> = {}) =>
    call('issue.create', { projectId: p, values: { kind: 'action', title: 'todo', meetingId, ...values } });
  return { ws, call, p, meeting, action };
}

interface AuditRow {
  label: string;
  entity: string;
  entity_id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function audit(ws: ReturnType<typeof tempWorkspace>): AuditRow[] {
  const rows = ws.db.sqlite
    .prepare('SELECT b.label, a.entity, a.entity_id, a.action, a.before, a.after FROM audit_log a JOIN batches b ON b.id = a.batch_id ORDER BY a.id')
    .all() as (Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null })[];
  return rows.map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) }));
}

const batchCount = (ws: ReturnType<typeof tempWorkspace>) => ws.db.sqlite.prepare('SELECT COUNT(*) FROM batches').pluck().get() as number;

const attendee = (name: string, present = true, side: 'ours' | 'client' | 'other' = 'ours') => ({ name, side, org: '', role: '', present });

describe('action items linked both ways with the issue log', () => {
  it('shows a log row linked to a meeting as its action, exactly as the log shows it', async () => {
    const { call, p, meeting, action } = await setup();
    const m = await meeting({ title: '定例' });
    const other = await meeting({ title: '別会議' });
    const a = await action(m.id, { title: '見積送付', owner: '鈴木', due: '2025-04-10' });
    await action(other.id, { title: '別件' });
    await action(null, { title: '無関係' });

    const got = await call('meeting.get', { id: m.id });
    const log = await call('issue.list', { projectId: p });
    expect(got.actions.map((x) => x.title)).toEqual(['見積送付']);
    expect(got.actions).toEqual(log.filter((i) => i.meetingId === m.id));
    expect(got.actions[0]).toMatchObject({ id: a.id, ref: a.ref, kind: 'action', owner: '鈴木', overdue: true, ageDays: a.ageDays });
  });

  it('closes an action in both places whether it is closed in the log or from the minutes', async () => {
    const { call, p, meeting, action } = await setup();
    const m = await meeting({ title: '定例' });
    const a = await action(m.id, { title: 'A' });
    const b = await action(m.id, { title: 'B' });

    // Closed in the log: the minutes show it closed.
    await call('issue.update', { id: a.id, patch: { status: 'done' } });
    let got = await call('meeting.get', { id: m.id });
    expect(got.actions.map((x) => [x.title, x.status, x.closedOn])).toEqual([
      ['A', 'done', TODAY],
      ['B', 'not_started', null],
    ]);
    expect((await call('meeting.list', { projectId: p }))[0]).toMatchObject({ actionCount: 2, openActionCount: 1 });

    // Edited and closed from the minutes' actions grid (issue.applyCells with meetingId): the log shows it.
    await call('issue.applyCells', {
      projectId: p,
      updates: [{ id: b.id, patch: { status: 'done', owner: '佐藤' } }],
      creates: [{ values: { kind: 'action', title: 'C', meetingId: m.id } }],
    });
    const log = await call('issue.list', { projectId: p });
    expect(log.map((i) => [i.title, i.status, i.owner, i.meetingId])).toEqual([
      ['A', 'done', '', m.id],
      ['B', 'done', '佐藤', m.id],
      ['C', 'not_started', '', m.id],
    ]);
    got = await call('meeting.get', { id: m.id });
    expect(got.actions.map((x) => [x.title, x.status])).toEqual([
      ['A', 'done'],
      ['B', 'done'],
      ['C', 'not_started'],
    ]);
    expect((await call('meeting.list', { projectId: p }))[0]).toMatchObject({ actionCount: 3, openActionCount: 1 });
  });

  it('refuses to link an action to a meeting of another project', async () => {
    const { call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const m = await call('meeting.create', { projectId: q, values: { title: 'Q の会議' } });
    const err = await failure(call('issue.create', { projectId: p, values: { kind: 'action', meetingId: m.id } }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'values.meetingId', message: 'does not exist in this project' }] });
  });
});

describe('carry-over of open actions in a series (前回からの宿題)', () => {
  it('lists the open actions of earlier meetings of the same series, oldest first, and not closed ones', async () => {
    const { call, meeting, action } = await setup();
    const m1 = await meeting({ title: '第1回', series: '定例', heldOn: '2025-04-01' });
    const m2 = await meeting({ title: '第2回', series: '定例', heldOn: '2025-04-08' });
    const steering = await meeting({ title: 'SC', series: 'ステアリング', heldOn: '2025-04-02' });
    const m3 = await meeting({ title: '第3回', series: ' 定例 ', heldOn: '2025-04-15' });
    const a1 = await action(m1.id, { title: 'a1 open' });
    await action(m1.id, { title: 'a1 closed', status: 'done' });
    const a2 = await action(m2.id, { title: 'a2 open', status: 'in_progress' });
    await action(steering.id, { title: 'other series' });
    await action(m3.id, { title: 'own action' });

    const got = await call('meeting.get', { id: m3.id });
    expect(got.carriedOver.map((x) => x.title)).toEqual(['a1 open', 'a2 open']);
    expect(got.carriedOver.map((x) => x.meetingId)).toEqual([m1.id, m2.id]);
    expect(got.actions.map((x) => x.title)).toEqual(['own action']);
    expect((await call('meeting.get', { id: m2.id })).carriedOver.map((x) => x.id)).toEqual([a1.id]);
    expect((await call('meeting.get', { id: m1.id })).carriedOver).toEqual([]);

    // Closing a carried action in the log takes it off the list.
    await call('issue.update', { id: a1.id, patch: { status: 'cancelled' } });
    expect((await call('meeting.get', { id: m3.id })).carriedOver.map((x) => x.id)).toEqual([a2.id]);
  });

  it('counts as closed what the project’s issue.status list marks closed', async () => {
    const { call, p, meeting, action } = await setup();
    await call('vocab.set', {
      projectId: p,
      list: 'issue.status',
      items: [
        { code: 'open', labelJa: '未対応', labelEn: 'Open' },
        { code: 'accepted', labelJa: '受入済', labelEn: 'Accepted', closed: true },
      ],
    });
    const m1 = await meeting({ series: '定例', heldOn: '2025-04-01' });
    const m2 = await meeting({ series: '定例', heldOn: '2025-04-08' });
    await action(m1.id, { title: 'accepted', status: 'accepted' });
    await action(m1.id, { title: 'open', status: 'open' });
    expect((await call('meeting.get', { id: m2.id })).carriedOver.map((x) => x.title)).toEqual(['open']);
    expect((await call('meeting.list', { projectId: p })).find((s) => s.id === m1.id)).toMatchObject({ actionCount: 2, openActionCount: 1 });
  });

  it('orders undated meetings by creation: a new draft carries everything open before it', async () => {
    const { call, meeting, action } = await setup();
    const m1 = await meeting({ series: '定例', heldOn: '2025-04-08' });
    const m0 = await meeting({ series: '定例', heldOn: '2025-04-01' });
    await action(m1.id, { title: 'from 4/8' });
    await action(m0.id, { title: 'from 4/1' });
    const draft = await meeting({ series: '定例' });
    expect(draft.carriedOver.map((x) => x.title)).toEqual(['from 4/1', 'from 4/8']);
    // Once dated before them, the draft carries nothing.
    const dated = await call('meeting.update', { id: draft.id, patch: { heldOn: '2025-03-25' } });
    expect(dated.carriedOver).toEqual([]);
  });

  it('carries nothing for a meeting without a series', async () => {
    const { call, meeting, action } = await setup();
    const m1 = await meeting({ heldOn: '2025-04-01' });
    await action(m1.id);
    const m2 = await meeting({ heldOn: '2025-04-08' });
    expect((await call('meeting.get', { id: m2.id })).carriedOver).toEqual([]);
  });
});

describe('a new meeting of a series', () => {
  it('starts with the attendees of the series’ latest meeting, all present', async () => {
    const { meeting } = await setup();
    await meeting({ series: '定例', heldOn: '2025-04-08', attendees: [attendee('山田'), attendee('Smith', false, 'client')] });
    await meeting({ series: '定例', heldOn: '2025-04-01', attendees: [attendee('古い人')] });
    await meeting({ series: 'ステアリング', heldOn: '2025-04-10', attendees: [attendee('役員')] });
    const next = await meeting({ series: ' 定例', title: '第3回' });
    expect(next.attendees).toEqual([attendee('山田'), attendee('Smith', true, 'client')]);
    // Attendees given win; a new series or no series starts empty.
    expect((await meeting({ series: '定例', attendees: [attendee('指定')] })).attendees).toEqual([attendee('指定')]);
    expect((await meeting({ series: '新シリーズ' })).attendees).toEqual([]);
    expect((await meeting({ title: 'x' })).attendees).toEqual([]);
  });

  it('copied from a meeting keeps its header, attendees and agenda titles, not its notes, decisions, date or actions', async () => {
    const { call, p, meeting, action } = await setup();
    const src = await meeting({
      title: '第3回 定例',
      kind: 'regular',
      series: '定例',
      heldOn: '2025-04-15',
      startsAt: '10:00',
      endsAt: '11:00',
      place: '会議室A',
      online: true,
      facilitator: '山田',
      recorder: '佐藤',
      purpose: '進捗確認',
      materials: '資料1',
      distribution: '関係者各位',
      attendees: [attendee('山田'), attendee('Smith', false, 'client')],
      agenda: [
        { title: '進捗', notes: '予定通り' },
        { title: '課題', notes: 'なし' },
      ],
      decisions: [{ text: '5月リリース', agendaIndex: 0 }],
      nextMeeting: '4/22 10:00',
    });
    const open = await action(src.id, { title: '見積' });
    await action(src.id, { title: '済', status: 'done' });

    const next = await call('meeting.create', { projectId: p, fromMeetingId: src.id, values: { title: '第4回 定例' } });
    expect(next).toMatchObject({
      title: '第4回 定例',
      kind: 'regular',
      series: '定例',
      heldOn: null,
      startsAt: '10:00',
      endsAt: '11:00',
      place: '会議室A',
      online: true,
      facilitator: '山田',
      recorder: '佐藤',
      purpose: '進捗確認',
      materials: '',
      distribution: '関係者各位',
      attendees: [attendee('山田'), attendee('Smith', true, 'client')],
      agenda: [
        { title: '進捗', notes: '' },
        { title: '課題', notes: '' },
      ],
      decisions: [],
      nextMeeting: '',
      final: false,
      actions: [],
    });
    expect(next.id).not.toBe(src.id);
    expect(next.carriedOver.map((x) => x.id)).toEqual([open.id]);
    // The source is unchanged.
    const again = await call('meeting.get', { id: src.id });
    expect([again.agenda[0]!.notes, again.decisions.length, again.attendees[1]!.present, again.heldOn]).toEqual(['予定通り', 1, false, '2025-04-15']);
  });

  it('refuses to copy a meeting of another project or one that does not exist', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const other = await call('meeting.create', { projectId: q, values: { title: 'Q' } });
    const before = snapshot(ws.db.sqlite);
    expect(await failure(call('meeting.create', { projectId: p, fromMeetingId: other.id }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'fromMeetingId' } });
    expect((await failure(call('meeting.create', { projectId: p, fromMeetingId: 999 }))).code).toBe('NOT_FOUND');
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });
});

describe('final (確定) and reopen', () => {
  it('makes the minutes read-only until reopened, with both steps in the audit trail', async () => {
    const { ws, call, meeting } = await setup();
    const m = await meeting({ title: '第1回', agenda: [{ title: '進捗', notes: '' }] });
    const fin = await call('meeting.finalize', { id: m.id });
    expect(fin.final).toBe(true);
    expect(audit(ws).at(-1)).toMatchObject({ label: 'meeting.finalize', entity: 'meeting', entity_id: m.id, action: 'update', before: { final: false }, after: { final: true } });

    const before = snapshot(ws.db.sqlite);
    const edit = await failure(call('meeting.update', { id: m.id, patch: { title: '改ざん' } }));
    expect(edit).toMatchObject({ code: 'CONFLICT', message: 'Meeting 1 "第1回" is final (確定) and cannot be edited; reopen it first', details: { field: 'final', id: m.id } });
    const del = await failure(call('meeting.delete', { id: m.id }));
    expect(del).toMatchObject({ code: 'CONFLICT', message: 'Meeting 1 "第1回" is final (確定) and cannot be deleted; reopen it first' });
    expect(snapshot(ws.db.sqlite)).toBe(before);

    // Finalizing again changes nothing and writes no batch.
    const batches = batchCount(ws);
    expect((await call('meeting.finalize', { id: m.id })).final).toBe(true);
    expect(batchCount(ws)).toBe(batches);

    const reopened = await call('meeting.reopen', { id: m.id });
    expect(reopened.final).toBe(false);
    expect(audit(ws).at(-1)).toMatchObject({ label: 'meeting.reopen', entity: 'meeting', action: 'update', before: { final: true }, after: { final: false } });
    expect((await call('meeting.update', { id: m.id, patch: { title: '第1回（修正）' } })).title).toBe('第1回（修正）');
    expect(await call('history.row', { entity: 'meeting', id: m.id })).toMatchObject([
      { batchLabel: 'meeting.update', changes: [{ field: 'title', before: '第1回', after: '第1回（修正）' }] },
      { batchLabel: 'meeting.reopen', changes: [{ field: 'final', before: true, after: false }] },
      { batchLabel: 'meeting.finalize', changes: [{ field: 'final', before: false, after: true }] },
      { batchLabel: 'meeting.create' },
    ]);
  });

  it('keeps the action items of final minutes open to work in the log: create, edit and close', async () => {
    const { call, p, meeting, action } = await setup();
    const m = await meeting({ title: '第1回' });
    const a = await action(m.id, { title: '宿題' });
    await call('meeting.finalize', { id: m.id });
    const late = await action(m.id, { title: '追加の宿題' });
    await call('issue.update', { id: a.id, patch: { status: 'done', resolution: '送付済' } });
    await call('issue.applyCells', { projectId: p, updates: [{ id: late.id, patch: { owner: '鈴木' } }] });
    const got = await call('meeting.get', { id: m.id });
    expect(got.final).toBe(true);
    expect(got.actions.map((x) => [x.title, x.status, x.owner])).toEqual([
      ['宿題', 'done', ''],
      ['追加の宿題', 'not_started', '鈴木'],
    ]);
  });
});

describe('finding meetings', () => {
  async function seeded() {
    const s = await setup();
    const { meeting, action } = s;
    const m1 = await meeting({ title: '第1回 定例', heldOn: '2025-04-01', purpose: 'キックオフ後の確認', agenda: [{ title: '進捗', notes: 'API 連携は順調' }] });
    const m2 = await meeting({ title: '第2回 定例', heldOn: '2025-04-08', decisions: [{ text: '本番リリースは５月', agendaIndex: null }] });
    const m3 = await meeting({ title: 'ステアリング', heldOn: '2025-04-15', agenda: [{ title: 'ﾃｽﾄ計画', notes: '' }] });
    const draft = await meeting({ title: '次回 定例' });
    await action(m3.id, { title: '見積書送付', detail: 'ベンダーに API 仕様を確認' });
    return { ...s, m1, m2, m3, draft };
  }

  it('lists newest first (undated drafts on top) with counts', async () => {
    const { call, p, m1, m2, m3, draft } = await seeded();
    const list = await call('meeting.list', { projectId: p });
    expect(list.map((x) => x.id)).toEqual([draft.id, m3.id, m2.id, m1.id]);
    expect(list.find((x) => x.id === m2.id)).toEqual({ id: m2.id, title: '第2回 定例', kind: '', series: '', heldOn: '2025-04-08', final: false, decisionCount: 1, actionCount: 0, openActionCount: 0 });
    expect(list.find((x) => x.id === m3.id)).toMatchObject({ actionCount: 1, openActionCount: 1 });
  });

  it('finds text in notes, decisions, actions and titles, case and width folded, naming where', async () => {
    const { call, p, m1, m2, m3 } = await seeded();
    const find = async (query: string) => (await call('meeting.list', { projectId: p, query })).map((x) => [x.id, x.matches]);
    expect(await find('api')).toEqual([
      [m3.id, ['actions']],
      [m1.id, ['notes']],
    ]);
    expect(await find('５月')).toEqual([[m2.id, ['decisions']]]);
    expect(await find('5月')).toEqual([[m2.id, ['decisions']]]);
    expect(await find('テスト')).toEqual([[m3.id, ['agenda']]]);
    expect(await find('見積')).toEqual([[m3.id, ['actions']]]);
    expect(await find('キックオフ')).toEqual([[m1.id, ['purpose']]]);
    expect(await find('定例 ＡＰＩ')).toEqual([[m1.id, ['title', 'notes']]]);
    expect(await find('存在しない')).toEqual([]);
    expect((await call('meeting.list', { projectId: p, query: '  ' })).length).toBe(4);
  });

  it('bounds the date inclusively and leaves undated meetings out of a range', async () => {
    const { call, p, m1, m2, m3 } = await seeded();
    const ids = async (args: { from?: string; to?: string; query?: string }) => (await call('meeting.list', { projectId: p, ...args })).map((x) => x.id);
    expect(await ids({ from: '2025-04-08' })).toEqual([m3.id, m2.id]);
    expect(await ids({ to: '2025-04-08' })).toEqual([m2.id, m1.id]);
    expect(await ids({ from: '2025-04-02', to: '2025-04-14' })).toEqual([m2.id]);
    expect(await ids({ from: '2025-04-01', to: '2025-04-15', query: '定例' })).toEqual([m2.id, m1.id]);
  });
});

describe('undo and the audit trail', () => {
  it('records a create snapshot and changed fields only, with the lists as one body value', async () => {
    const { ws, call, meeting } = await setup();
    const m = await meeting({ title: 'A', attendees: [attendee('山田')] });
    const created = audit(ws).at(-1)!;
    expect(created).toMatchObject({ label: 'meeting.create', entity: 'meeting', entity_id: m.id, action: 'create', before: null });
    expect(created.after).toMatchObject({ id: m.id, title: 'A', final: false, body: { attendees: [attendee('山田')], online: false } });
    expect(created.after).not.toHaveProperty('updatedAt');

    await call('meeting.update', { id: m.id, patch: { title: 'B' } });
    expect(audit(ws).at(-1)).toMatchObject({ label: 'meeting.update', before: { title: 'A' }, after: { title: 'B' } });
    expect(Object.keys(audit(ws).at(-1)!.after!)).toEqual(['title']);
    await call('meeting.update', { id: m.id, patch: { online: true } });
    expect(audit(ws).at(-1)).toMatchObject({ before: { body: { online: false } }, after: { body: { online: true, attendees: [attendee('山田')] } } });

    // A patch that changes nothing writes nothing.
    const batches = batchCount(ws);
    await call('meeting.update', { id: m.id, patch: { title: 'B', attendees: [attendee('山田')] } });
    expect(batchCount(ws)).toBe(batches);
  });

  it('keeps a body written elsewhere (other key order, keys it does not know) unless a list changes', async () => {
    const { ws, call, meeting } = await setup();
    const m = await meeting({ title: 'A' });
    const foreign = { later: { v: 1 }, nextMeeting: '', decisions: [], agenda: [], attendees: [attendee('山田')], distribution: '', materials: '', online: false };
    ws.db.sqlite.prepare('UPDATE meetings SET body = ? WHERE id = ?').run(JSON.stringify(foreign), m.id);
    await call('meeting.update', { id: m.id, patch: { title: 'B', attendees: [attendee('山田')] } });
    expect(audit(ws).at(-1)).toMatchObject({ before: { title: 'A' }, after: { title: 'B' } });
    expect(Object.keys(audit(ws).at(-1)!.after!)).toEqual(['title']);
    await call('meeting.update', { id: m.id, patch: { materials: '資料' } });
    const stored = JSON.parse(ws.db.sqlite.prepare('SELECT body FROM meetings WHERE id = ?').pluck().get(m.id) as string);
    expect(stored).toMatchObject({ materials: '資料', later: { v: 1 }, attendees: [attendee('山田')] });
    expect(audit(ws).at(-1)!.before).toEqual({ body: foreign });
  });

  it('undoes and redoes a meeting edit, a finalize and a create', async () => {
    const { call, p, meeting } = await setup();
    const m = await meeting({ title: '第1回', attendees: [attendee('山田')] });
    const edited = await call('meeting.update', { id: m.id, patch: { title: '第1回（改）', attendees: [attendee('山田'), attendee('佐藤')], agenda: [{ title: '進捗', notes: 'メモ' }] } });

    const undone = await call('history.undo', { projectId: p });
    expect(undone).toMatchObject({ applied: true, label: 'meeting.update', entities: ['meeting'] });
    const back = await call('meeting.get', { id: m.id });
    expect({ ...back, updatedAt: '' }).toEqual({ ...m, updatedAt: '' });
    await call('history.redo', { projectId: p });
    expect({ ...(await call('meeting.get', { id: m.id })), updatedAt: '' }).toEqual({ ...edited, updatedAt: '' });

    await call('meeting.finalize', { id: m.id });
    await call('history.undo', { projectId: p });
    expect((await call('meeting.get', { id: m.id })).final).toBe(false);

    const n = await meeting({ title: '消える' });
    await call('history.undo', { projectId: p });
    expect((await failure(call('meeting.get', { id: n.id }))).code).toBe('NOT_FOUND');
  });
});

describe('deleting minutes', () => {
  it('keeps their actions in the log unlinked, in one batch that undo reverts whole', async () => {
    const { ws, call, p, meeting, action } = await setup();
    const m = await meeting({ title: '第1回', series: '定例', decisions: [{ text: '承認', agendaIndex: null }] });
    const a = await action(m.id, { title: 'A' });
    const b = await action(m.id, { title: 'B', status: 'done' });
    const full = await call('meeting.get', { id: m.id });

    expect(await call('meeting.delete', { id: m.id })).toEqual({ deleted: 1 });
    expect((await failure(call('meeting.get', { id: m.id }))).code).toBe('NOT_FOUND');
    const log = await call('issue.list', { projectId: p });
    expect(log.map((i) => [i.id, i.title, i.meetingId])).toEqual([
      [a.id, 'A', null],
      [b.id, 'B', null],
    ]);
    expect(audit(ws).slice(-3)).toMatchObject([
      { label: 'meeting.delete', entity: 'issue', entity_id: a.id, action: 'update', before: { meetingId: m.id }, after: { meetingId: null } },
      { label: 'meeting.delete', entity: 'issue', entity_id: b.id, action: 'update', before: { meetingId: m.id }, after: { meetingId: null } },
      { label: 'meeting.delete', entity: 'meeting', entity_id: m.id, action: 'delete', after: null },
    ]);

    const undone = await call('history.undo', { projectId: p });
    expect(undone).toMatchObject({ applied: true, label: 'meeting.delete' });
    const back = await call('meeting.get', { id: m.id });
    expect({ ...back, updatedAt: '', actions: back.actions.map((x) => x.id) }).toEqual({ ...full, updatedAt: '', actions: [a.id, b.id] });

    await call('history.redo', { projectId: p });
    expect((await failure(call('meeting.get', { id: m.id }))).code).toBe('NOT_FOUND');
    expect((await call('issue.list', { projectId: p })).map((i) => i.meetingId)).toEqual([null, null]);
  });
});

describe('bad values', () => {
  it('refuses decisions naming a missing agenda item, impossible times and unknown kinds, changing nothing', async () => {
    const { ws, call, p, meeting } = await setup();
    const m = await meeting({ agenda: [{ title: '1', notes: '' }, { title: '2', notes: '' }], decisions: [{ text: 'x', agendaIndex: 1 }] });
    const before = snapshot(ws.db.sqlite);
    // Dropping the agenda item a decision names, without re-numbering the decision.
    const dropped = await failure(call('meeting.update', { id: m.id, patch: { agenda: [{ title: '1', notes: '' }] } }));
    expect(dropped).toMatchObject({
      code: 'VALIDATION',
      message: 'meeting.update: patch.decisions.0.agendaIndex: names agenda item 2, but the agenda has 1 item(s)',
      details: [{ field: 'patch.decisions.0.agendaIndex' }],
    });
    expect((await failure(call('meeting.update', { id: m.id, patch: { startsAt: '25:00' } }))).details).toEqual([{ field: 'patch.startsAt', message: 'must be a time 00:00–23:59' }]);
    expect((await failure(call('meeting.update', { id: m.id, patch: { kind: '定例' } }))).details).toEqual([{ field: 'patch.kind', message: '"定例" is not a code of meeting.kind' }]);
    expect((await failure(call('meeting.create', { projectId: p, values: { kind: 'memo' } }))).details).toEqual([{ field: 'values.kind', message: '"memo" is not a code of meeting.kind' }]);
    expect(snapshot(ws.db.sqlite)).toBe(before);
    // Re-numbered in the same patch, it is fine.
    const ok = await call('meeting.update', { id: m.id, patch: { agenda: [{ title: '1', notes: '' }], decisions: [{ text: 'x', agendaIndex: 0 }] } });
    expect(ok.decisions).toEqual([{ text: 'x', agendaIndex: 0 }]);
    expect((await call('meeting.update', { id: m.id, patch: { kind: 'steering' } })).kind).toBe('steering');
  });

  it('answers NOT_FOUND for a meeting or project that does not exist', async () => {
    const { call } = await setup();
    expect((await failure(call('meeting.get', { id: 99 }))).code).toBe('NOT_FOUND');
    expect((await failure(call('meeting.update', { id: 99, patch: { title: 'x' } }))).code).toBe('NOT_FOUND');
    expect((await failure(call('meeting.finalize', { id: 99 }))).code).toBe('NOT_FOUND');
    expect((await failure(call('meeting.list', { projectId: 99 }))).code).toBe('NOT_FOUND');
    expect((await failure(call('meeting.create', { projectId: 99 }))).code).toBe('NOT_FOUND');
  });
});
