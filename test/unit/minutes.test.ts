// Pure logic of the minutes screen: lists inside one meeting edited as grids, action rows as issue
// cells, meeting kinds, times and the next meeting's date as typed.
import { describe, expect, it } from 'vitest';
import type { Issue, Vocabularies } from '../../electron/common/registers.js';
import { DEFAULT_VOCABULARIES } from '../../electron/common/registers.js';
import { parseCell } from '../../renderer/src/grid/cellValues.js';
import { mimeOf, base64ToBytes } from '../../renderer/src/api/download.js';
import {
  actionCells,
  actionRows,
  agendaSpec,
  applyListPlan,
  attendeeSpec,
  closingStatus,
  decisionSpec,
  FALLBACK_MEETING_KINDS,
  listRows,
  meetingKinds,
  nextMeetingStart,
  parseTimeInput,
  PRESENT_ITEMS,
  removeListRows,
  SIDE_ITEMS,
} from '../../renderer/src/features/minutes/minutesLogic.js';

const alice = { name: '佐藤', side: 'ours' as const, org: '情報システム部', role: 'PM', present: true };
const bob = { name: '鈴木', side: 'client' as const, org: '業務部', role: '部長', present: false };

describe('lists inside a meeting as grids', () => {
  it('gives rows their place as id and ends with an empty line to type into', () => {
    const rows = listRows(attendeeSpec, [alice, bob], true);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ name: '鈴木', present: '×', side: 'client' });
    expect(rows[2]).toMatchObject({ blank: true, name: '' });
    expect(listRows(attendeeSpec, [alice], false).map((r) => r.id)).toEqual([1]); // final: no empty line
  });

  it('turns a plan into the whole new list: updates by place, the empty line and pasted rows appended in order', () => {
    const plan = {
      updates: [
        { id: 1, patch: { role: 'PMO' } },
        { id: 3, patch: { name: '田中', side: 'other' } },
      ],
      creates: [{ values: { name: '高橋', present: '×' } }],
    };
    const r = applyListPlan(attendeeSpec, [alice, bob], plan);
    expect(r.changed).toBe(true);
    expect(r.bad).toEqual([]);
    expect(r.items).toEqual([
      { ...alice, role: 'PMO' },
      bob,
      { name: '田中', side: 'other', org: '', role: '', present: true },
      { name: '高橋', side: 'ours', org: '', role: '', present: false },
    ]);
  });

  it('reads a paste from Excel below the list as new rows', () => {
    const r = applyListPlan(agendaSpec, [{ title: '進捗報告', notes: '' }], {
      updates: [{ id: 2, patch: { title: '課題確認', notes: '1行目\n2行目' } }],
      creates: [{ values: { title: 'その他' } }],
    });
    expect(r.items.map((a) => a.title)).toEqual(['進捗報告', '課題確認', 'その他']);
    expect(r.items[1]!.notes).toBe('1行目\n2行目');
    expect(listRows(agendaSpec, r.items, false).map((x) => x.no)).toEqual([1, 2, 3]);
  });

  it('drops a new line left empty and reports no change', () => {
    const r = applyListPlan(attendeeSpec, [alice], { updates: [{ id: 2, patch: { name: '' } }], creates: [] });
    expect(r).toEqual({ items: [alice], changed: false, bad: [] });
  });

  it('keeps decisions linked to agenda items by the number shown, stored 0-based', () => {
    const rows = listRows(decisionSpec, [{ text: 'A案で進める', agendaIndex: 1 }], true);
    expect(rows[0]).toMatchObject({ no: 1, agendaNo: 2 });
    const r = applyListPlan(decisionSpec, [{ text: 'A案で進める', agendaIndex: 1 }], {
      updates: [
        { id: 1, patch: { agendaNo: null } },
        { id: 2, patch: { text: '本番は5月連休明け', agendaNo: 1 } },
      ],
      creates: [],
    });
    expect(r.items).toEqual([
      { text: 'A案で進める', agendaIndex: null },
      { text: '本番は5月連休明け', agendaIndex: 0 },
    ]);
    const bad = applyListPlan(decisionSpec, [], { updates: [{ id: 1, patch: { text: 'x', agendaNo: 0 } }], creates: [] });
    expect(bad.bad).toEqual([{ row: 0, field: 'agendaNo', reason: 'agendaNo' }]);
  });

  it('removes rows by place and ignores the empty line', () => {
    expect(removeListRows([alice, bob], [1, 3])).toEqual([bob]);
  });

  it('reads side and attendance as codes or labels in either language', () => {
    expect(parseCell({ vocab: SIDE_ITEMS }, '顧客')).toEqual({ ok: true, value: 'client' });
    expect(parseCell({ vocab: SIDE_ITEMS }, 'Ours')).toEqual({ ok: true, value: 'ours' });
    expect(parseCell({ vocab: PRESENT_ITEMS }, '欠席')).toEqual({ ok: true, value: '×' });
    expect(parseCell({ vocab: PRESENT_ITEMS }, '○')).toEqual({ ok: true, value: '○' });
    expect(parseCell({ vocab: PRESENT_ITEMS }, 'present')).toEqual({ ok: true, value: '○' });
    expect(parseCell({ vocab: PRESENT_ITEMS }, 'たぶん')).toEqual({ ok: false, reason: 'notChoice' });
    expect(attendeeSpec.fromCells({ present: '×', side: '' })).toEqual({ present: false, side: 'ours' });
  });
});

describe('action items as issue-log cells', () => {
  it('gives action rows their place as id, so the row being typed into keeps it when its item comes back', () => {
    const issue = { id: 42, ref: 'I-042', title: '見積' } as unknown as Issue;
    const blank = { id: 0, ref: '', title: '' } as unknown as Issue;
    expect(actionRows([issue], blank).map((r) => [r.id, r.issueId, r.blank ?? false])).toEqual([
      [1, 42, false],
      [2, null, true],
    ]);
    expect(actionRows([issue], null)).toHaveLength(1);
  });

  it('turns the empty line and rows pasted below it into new action items of the meeting', () => {
    const defaults = { kind: 'action', meetingId: 7, raisedOn: '2025-04-01' };
    const issueIdOf = (row: number) => (row === 1 ? 12 : null);
    const sent = actionCells(
      {
        updates: [
          { id: 1, patch: { status: 'done' } },
          { id: 2, patch: { title: '見積の再提出', owner: '佐藤' } },
        ],
        creates: [{ values: { title: '議事録の配布' } }, { values: { title: '' } }],
      },
      issueIdOf,
      defaults,
    );
    expect(sent.updates).toEqual([{ id: 12, patch: { status: 'done' } }]);
    expect(sent.creates).toEqual([
      { values: { ...defaults, title: '見積の再提出', owner: '佐藤' } },
      { values: { ...defaults, title: '議事録の配布' } },
    ]);
  });

  it('closes with the first closed status of the issue log', () => {
    expect(closingStatus({ list: 'issue.status', customized: false, items: DEFAULT_VOCABULARIES['issue.status'] })).toBe('done');
    expect(closingStatus(undefined)).toBe('done');
  });
});

describe('the minutes form', () => {
  it('takes the project’s meeting kinds, else the usual five', () => {
    expect(meetingKinds(null).map((k) => k.labelJa)).toEqual(['定例', 'レビュー', 'ステアリング', 'キックオフ', 'その他']);
    const custom = { 'meeting.kind': { list: 'meeting.kind', customized: true, items: [FALLBACK_MEETING_KINDS[1]!] } } as unknown as Vocabularies;
    expect(meetingKinds(custom).map((k) => k.code)).toEqual(['review']);
  });

  it('reads times as people type them', () => {
    expect(parseTimeInput('9:00')).toBe('09:00');
    expect(parseTimeInput('０９：３０')).toBe('09:30');
    expect(parseTimeInput('1430')).toBe('14:30');
    expect(parseTimeInput('18時')).toBe('18:00');
    expect(parseTimeInput('')).toBe('');
    expect(parseTimeInput('25:00')).toBeNull();
    expect(parseTimeInput('朝')).toBeNull();
  });

  it('finds the date and time of the next meeting in its line', () => {
    expect(nextMeetingStart('2025/4/15(火) 10:00〜 第1会議室', '2025-04-08')).toEqual({ heldOn: '2025-04-15', startsAt: '10:00' });
    expect(nextMeetingStart('２０２５年４月２２日 １４時３０分', null)).toEqual({ heldOn: '2025-04-22', startsAt: '14:30' });
    expect(nextMeetingStart('1/7 9:30', '2025-12-20')).toEqual({ heldOn: '2026-01-07', startsAt: '09:30' });
    expect(nextMeetingStart('未定', '2025-04-08')).toEqual({});
  });
});

describe('saving a file', () => {
  it('names the type by extension and decodes base64', () => {
    expect(mimeOf('議事録_2025-04-08.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mimeOf('a.bin')).toBe('application/octet-stream');
    expect([...base64ToBytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});
