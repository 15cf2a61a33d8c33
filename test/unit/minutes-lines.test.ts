// The lines of a 議事録 as people write them, in Japanese and English: an action item's owner, text and due
// (the year from the meeting), a 日時 line's day and times, label lines and headings. Blind set 7, M2.
import { describe, expect, it } from 'vitest';
import { actionLine, documentSlashOrder, labelLine, sectionHeading, agendaTitle, whenLine } from '../../electron/core/excel/import/minutes-lines.js';

const MEETING = '2025-04-03';

describe('an action item line', () => {
  it.each([
    ['・佐藤：仕様書を更新する（4/10まで）', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['・佐藤さん：仕様書を更新する（4月10日まで）', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['- 佐藤: 仕様書を更新する 4/10まで', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['・仕様書を更新する（担当：佐藤、期限：4/10）', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['・【佐藤】仕様書を更新する（〆4/10）', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['・仕様書を更新する／佐藤／4月10日', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['ToDo：佐藤：仕様書を更新する（2025/4/10まで）', '佐藤', '仕様書を更新する', '2025-04-10'],
    ['【宿題】A社 鈴木：見積を再提出する（4/17）', 'A社 鈴木', '見積を再提出する', '2025-04-17'],
    ['Action: update spec — Sato, by Apr 10', 'Sato', 'update spec', '2025-04-10'],
    ['• Sato: update the spec by 10 April', 'Sato', 'update the spec', '2025-04-10'],
    ['- Update the spec (Owner: Sato, Due: 2025-04-10)', 'Sato', 'Update the spec', '2025-04-10'],
    ['* Sato to update the spec by 4/10', 'Sato', 'update the spec', '2025-04-10'],
    ['1. J. Smith: send the revised quote, due Apr 17th', 'J. Smith', 'send the revised quote', '2025-04-17'],
  ])('%s', (line, owner, title, due) => {
    expect(actionLine(line, MEETING)).toEqual({ owner, title, due });
  });

  it('keeps a line with no owner or due as its text', () => {
    expect(actionLine('・議事録を共有する', MEETING)).toEqual({ owner: '', title: '議事録を共有する', due: null });
    expect(actionLine('- Share the minutes with the team.', MEETING)).toEqual({ owner: '', title: 'Share the minutes with the team.', due: null });
  });

  it('does not take a phrase before a colon as an owner', () => {
    expect(actionLine('・仕様を確認する：来週の会議で', MEETING).owner).toBe('');
  });

  it('dates a due without a year after the meeting (a January due in a December meeting is next year\'s)', () => {
    expect(actionLine('・佐藤：年始の準備（1/15まで）', '2025-12-18').due).toBe('2026-01-15');
    expect(actionLine('・佐藤：報告（12/20まで）', '2025-12-18').due).toBe('2025-12-20');
  });
});

describe('a 日時 line', () => {
  it.each([
    ['2025年4月3日（木）10:00～11:00', '2025-04-03', '10:00', '11:00'],
    ['2025/4/3(木) 10:00-11:30', '2025-04-03', '10:00', '11:30'],
    ['4月3日（木） 14時～15時', '2025-04-03', '14:00', '15:00'],
    ['3 Apr 2025, 10:00–11:00', '2025-04-03', '10:00', '11:00'],
    ['April 3, 2025 9:30 - 10:30', '2025-04-03', '09:30', '10:30'],
    ['2025-04-03', '2025-04-03', '', ''],
  ])('%s', (value, day, startsAt, endsAt) => {
    expect(whenLine(value, '2025-06-15')).toEqual({ day, startsAt, endsAt });
  });

  // Review U18: the year a line states (in 和暦 too) is its year, whatever today is; am/pm is kept.
  it.each([
    ['令和7年4月3日（木）10時～11時', '2025-04-03', '10:00', '11:00'],
    ['令和元年5月7日 13:00-14:00', '2019-05-07', '13:00', '14:00'],
    ['R7.4.3 10:00-11:00', '2025-04-03', '10:00', '11:00'],
    ['H31/4/3（水）', '2019-04-03', '', ''],
    ['平成30年12月20日(木)午後2時～午後3時', '2018-12-20', '14:00', '15:00'],
    ['04/15/2025 9:30', '2025-04-15', '09:30', ''],
    ['April 3, 2025 2:00pm', '2025-04-03', '14:00', ''],
    ['3 Apr 2025, 2pm - 3:30pm', '2025-04-03', '14:00', '15:30'],
    ['Thursday 3 April 2025 11:00am–12:00pm', '2025-04-03', '11:00', '12:00'],
  ])('%s (today 2026-12-06)', (value, day, startsAt, endsAt) => {
    expect(whenLine(value, '2026-12-06')).toEqual({ day, startsAt, endsAt });
  });

  it('reads nn/nn/yyyy in the document\'s order', () => {
    expect(whenLine('03/04/2025', '2026-12-06', documentSlashOrder(['Date: 03/04/2025', '- Sato to send the plan by 10 Apr']))).toMatchObject({ day: '2025-04-03' });
    expect(whenLine('03/04/2025', '2026-12-06', documentSlashOrder(['Date: 03/04/2025', 'Next meeting: 17/04/2025']))).toMatchObject({ day: '2025-04-03' });
    expect(whenLine('03/04/2025', '2026-12-06', documentSlashOrder(['Date: 03/04/2025', '- Sato to send the plan by Mar 10']))).toMatchObject({ day: '2025-03-04' });
  });
});

describe('label lines and headings', () => {
  it.each([
    ['日時：2025年4月3日（木）10:00～11:00', 'when'],
    ['開催日時: 2025/4/3', 'when'],
    ['【場所】第1会議室', 'place'],
    ['場所　：　本社 5F', 'place'],
    ['出席者（敬称略）：佐藤、鈴木', 'attendees'],
    ['Location: Room 5', 'place'],
    ['Attendees: Sato, Suzuki', 'attendees'],
    ['Date: 3 Apr 2025', 'date'],
  ])('%s', (line, label) => {
    expect(labelLine(line)?.label).toBe(label);
  });

  it('reads no label in a sentence or an action', () => {
    expect(labelLine('・佐藤：仕様書を更新する（4/10まで）')).toBeNull();
    expect(labelLine('本日の議論：次回に持ち越し')).toBeNull();
  });

  it.each([
    ['議題', 'agenda'], ['【議題】', 'agenda'], ['■ 決定事項', 'decisions'], ['＜ToDo＞', 'actions'], ['3. 宿題', 'actions'],
    ['Action items:', 'actions'], ['[Decisions]', 'decisions'], ['Agenda', 'agenda'], ['アクションアイテム', 'actions'],
  ])('%s is a heading', (line, section) => {
    expect(sectionHeading(line)).toBe(section);
  });

  it.each([['議題1：進捗確認', '進捗確認'], ['議題（2） 課題の確認', '課題の確認'], ['Agenda 1: Progress', 'Progress'], ['【議題3】リリース判定', 'リリース判定']])('%s is an agenda item', (line, title) => {
    expect(agendaTitle(line)).toBe(title);
  });
});

describe('a topic before a colon is no owner', () => {
  it.each(['・API仕様：エラーコードを追加する', '・進捗確認：遅延なし', '- Status: on track by 4/10', '- update docs: by 4/10'])('%s', (line) => {
    expect(actionLine(line, MEETING).owner).toBe('');
  });
});
