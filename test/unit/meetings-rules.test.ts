// The rules of meeting minutes that need no database: series order and carry-over, copy as the next
// meeting, final (確定) refusals, text search folding, checks beyond the schema, the body mapping and
// the export's file name.
import { describe, expect, it } from 'vitest';
import type { MeetingFields } from '../../electron/common/meetings.js';
import {
  chronological,
  columnsOf,
  copyForNext,
  EMPTY_FIELDS,
  earlierInSeries,
  fieldProblems,
  fieldsOf,
  finalRefusal,
  heldBefore,
  latestInSeries,
  matchPlaces,
  openCarriedOver,
  queryTerms,
  seriesKey,
  type MeetingRow,
} from '../../electron/core/services/meetings/rules.js';
import { minutesFileName } from '../../electron/core/excel/minutes-layout.js';

const m = (id: number, heldOn: string | null, series = '定例', startsAt = '') => ({ id, heldOn, series, startsAt });

describe('order of meetings in a series', () => {
  it('is by date, then start time, when both are dated; by creation when a date is missing', () => {
    expect(heldBefore(m(2, '2025-04-01'), m(1, '2025-04-08'))).toBe(true);
    expect(heldBefore(m(1, '2025-04-08'), m(2, '2025-04-01'))).toBe(false);
    expect(heldBefore(m(2, '2025-04-01', '定例', '09:00'), m(1, '2025-04-01', '定例', '14:00'))).toBe(true);
    expect(heldBefore(m(1, '2025-04-01'), m(2, '2025-04-01'))).toBe(true);
    expect(heldBefore(m(1, '2025-05-01'), m(2, null))).toBe(true);
    expect(heldBefore(m(2, null), m(1, '2025-05-01'))).toBe(false);
    expect(heldBefore(m(1, null), m(1, null))).toBe(false);
  });

  it('sorts dated meetings oldest first and undated drafts last', () => {
    const sorted = [m(1, null), m(2, '2025-04-08'), m(3, '2025-04-01'), m(4, null), m(5, '2025-04-01', '定例', '09:00')].sort(chronological);
    expect(sorted.map((x) => x.id)).toEqual([3, 5, 2, 1, 4]);
  });

  it('finds the earlier meetings of the same series only, oldest first', () => {
    const all = [m(1, '2025-04-08'), m(2, '2025-04-01'), m(3, '2025-04-15'), m(4, '2025-04-02', 'ステアリング'), m(5, null)];
    expect(earlierInSeries(all[2]!, all).map((x) => x.id)).toEqual([2, 1]);
    expect(earlierInSeries(all[4]!, all).map((x) => x.id)).toEqual([2, 1, 3]);
    expect(earlierInSeries(all[1]!, all)).toEqual([]);
    expect(earlierInSeries(m(9, '2025-12-31', ''), [...all, m(8, '2025-01-01', '')])).toEqual([]);
  });

  it('compares series by case, width and outer spaces folded', () => {
    expect(seriesKey(' Ｗｅｅｋｌｙ ')).toBe(seriesKey('weekly'));
    expect(seriesKey('   ')).toBe('');
    expect(latestInSeries('WEEKLY', [m(1, '2025-04-01', 'weekly'), m(2, '2025-04-08', 'Weekly'), m(3, '2025-05-01', 'other')])?.id).toBe(2);
    expect(latestInSeries('', [m(1, '2025-04-01', '')])).toBeUndefined();
  });
});

describe('carry-over (前回からの宿題)', () => {
  const closed = new Set(['done', 'cancelled']);
  const earlier = [m(2, '2025-04-01'), m(1, '2025-04-08')];
  const a = (id: number, meetingId: number | null, status: string) => ({ id, meetingId, status });

  it('lists the open actions of earlier meetings, by meeting then creation; closed and unlinked ones stay out', () => {
    const linked = [a(10, 1, 'not_started'), a(11, 2, 'done'), a(12, 2, 'in_progress'), a(13, 2, 'on_hold'), a(14, null, 'not_started'), a(15, 7, 'not_started')];
    expect(openCarriedOver(earlier, linked, closed).map((x) => x.id)).toEqual([12, 13, 10]);
  });

  it('follows the project’s closed codes', () => {
    const linked = [a(10, 1, 'accepted'), a(11, 1, 'done')];
    expect(openCarriedOver(earlier, linked, new Set(['accepted'])).map((x) => x.id)).toEqual([11]);
  });
});

describe('final (確定)', () => {
  it('refuses edits and deletes of final minutes with CONFLICT naming the meeting, and nothing while open', () => {
    expect(finalRefusal({ id: 3, title: '定例', final: false }, 'edited')).toBeNull();
    const e = finalRefusal({ id: 3, title: '第3回 定例', final: true }, 'edited')!;
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('Meeting 3 "第3回 定例" is final (確定) and cannot be edited; reopen it first');
    expect(finalRefusal({ id: 4, title: '', final: true }, 'deleted')!.message).toBe('Meeting 4 is final (確定) and cannot be deleted; reopen it first');
  });
});

describe('copy as the next meeting', () => {
  const source: MeetingFields = {
    ...EMPTY_FIELDS,
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
    distribution: '全員',
    attendees: [{ name: 'Smith', side: 'client', org: 'ACME', role: 'PM', present: false }],
    agenda: [{ title: '進捗', notes: '遅延なし' }],
    decisions: [{ text: '承認', agendaIndex: 0 }],
    nextMeeting: '4/22 10:00',
  };

  it('keeps the header, attendees (all present) and agenda titles; not the date, notes, decisions, materials or next meeting', () => {
    const next = { ...EMPTY_FIELDS, ...copyForNext(source) };
    expect(next).toEqual({
      ...source,
      heldOn: null,
      materials: '',
      nextMeeting: '',
      decisions: [],
      attendees: [{ name: 'Smith', side: 'client', org: 'ACME', role: 'PM', present: true }],
      agenda: [{ title: '進捗', notes: '' }],
    });
    expect(source.attendees[0]!.present).toBe(false);
  });
});

describe('text search', () => {
  const texts = { title: ['第3回 定例'], purpose: ['API 連携の確認'], agenda: ['ﾃｽﾄ計画'], notes: ['結合テストは ５月'], decisions: ['リリースは6月'], actions: ['見積書送付', ''] };

  it('folds case and width and needs every word somewhere', () => {
    expect(queryTerms('  ＡＰＩ　テスト ')).toEqual(['api', 'テスト']);
    expect(queryTerms('   ')).toEqual([]);
    expect(matchPlaces(queryTerms('ＡＰＩ'), texts)).toEqual(['purpose']);
    expect(matchPlaces(queryTerms('テスト'), texts)).toEqual(['agenda', 'notes']);
    expect(matchPlaces(queryTerms('5月 見積'), texts)).toEqual(['notes', 'actions']);
    expect(matchPlaces(queryTerms('見積 存在しない'), texts)).toBeNull();
    expect(matchPlaces(queryTerms('リリース'), texts)).toEqual(['decisions']);
  });
});

describe('checks beyond the schema', () => {
  const kinds = ['regular', 'review'];
  it('refuses impossible times, unknown kinds and decisions naming a missing agenda item', () => {
    const f: MeetingFields = { ...EMPTY_FIELDS, startsAt: '24:00', endsAt: '09:60', kind: 'memo', agenda: [{ title: 'a', notes: '' }], decisions: [{ text: 'x', agendaIndex: 0 }, { text: 'y', agendaIndex: 1 }] };
    expect(fieldProblems(f, ['startsAt', 'endsAt', 'kind', 'decisions'], kinds).map((p) => p.field)).toEqual(['startsAt', 'endsAt', 'kind', 'decisions.1.agendaIndex']);
    expect(fieldProblems(f, ['decisions'], kinds)[0]!.message).toBe('names agenda item 2, but the agenda has 1 item(s)');
    // A kind or time already stored is not re-checked when the caller did not write it.
    expect(fieldProblems({ ...f, decisions: [] }, ['title'], kinds)).toEqual([]);
    expect(fieldProblems({ ...EMPTY_FIELDS, startsAt: '09:30', endsAt: '', kind: '' }, ['startsAt', 'endsAt', 'kind'], kinds)).toEqual([]);
  });
});

describe('stored body', () => {
  const row = (body: Record<string, unknown>) => ({ ...EMPTY_FIELDS, id: 1, projectId: 1, final: false, extra: {}, createdAt: '', updatedAt: '', body }) as unknown as MeetingRow;

  it('reads a missing or damaged list as empty, and keeps keys it does not know when writing', () => {
    const f = fieldsOf(row({ attendees: [{ name: 'x' }], agenda: [{ title: 'a', notes: 'n' }], online: 'yes', later: { v: 1 } }));
    expect(f.attendees).toEqual([]);
    expect(f.agenda).toEqual([{ title: 'a', notes: 'n' }]);
    expect(f.online).toBe(false);
    const cols = columnsOf({ ...f, online: true }, { later: { v: 1 }, online: false });
    expect(cols.body).toEqual({ online: true, materials: '', distribution: '', attendees: [], agenda: [{ title: 'a', notes: 'n' }], decisions: [], nextMeeting: '', later: { v: 1 } });
    expect(Object.keys(cols)).toEqual(['title', 'kind', 'series', 'heldOn', 'startsAt', 'endsAt', 'place', 'facilitator', 'recorder', 'purpose', 'body']);
  });
});

describe('export file name', () => {
  it('is 議事録_<yyyymmdd>_<title>.xlsx, safe on Windows', () => {
    expect(minutesFileName({ heldOn: '2025-04-01', title: '第1回 定例' }, 'ja')).toBe('議事録_20250401_第1回 定例.xlsx');
    expect(minutesFileName({ heldOn: '2025-04-01', title: 'A/B: "計画"?*<>|\\\n\tx. ' }, 'ja')).toBe('議事録_20250401_A_B_ _計画_________x.xlsx');
    expect(minutesFileName({ heldOn: null, title: '' }, 'en')).toBe('Minutes.xlsx');
    expect(minutesFileName({ heldOn: null, title: 'Kickoff...' }, 'en')).toBe('Minutes_Kickoff.xlsx');
    expect(minutesFileName({ heldOn: '2025-04-01', title: 'あ'.repeat(300) }, 'ja')).toBe(`議事録_20250401_${'あ'.repeat(80)}.xlsx`);
  });
});
