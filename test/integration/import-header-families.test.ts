// Header words read as families, in Japanese and English (issue 11; blind set 8, B7): the person named by
// the act that raised the record (問合せ者, 申告者, Logged By, Filed By) is who raised it — a defect's
// finder, a change's requester; a target of the record's end with no day word (Target Fix, Planned
// Resolution, 修正予定, 回答目標) is its due date, not its resolution; a count of days beside a start and a
// finish that it counts (Days, Work Days, 作業日数) is the duration; the record stated in its own noun's
// words (Issue Description, 課題内容) is the title beside an Action column, which is then the response.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Row = unknown[];

async function fields(target: ImportTarget, header: string[], rows: Row[]) {
  const t = await readRows([header, ...rows], target, 'Sheet1');
  return Object.fromEntries(header.map((h) => [h, t.columns.find((c) => c.label === h)?.field ?? null]));
}

const PEOPLE = [
  ['ログイン不可', d('2025-05-01'), '高橋', '佐藤'],
  ['帳票ずれ', d('2025-05-02'), '渡部', '鈴木'],
  ['CSV文字化け', d('2025-05-07'), '石井', '佐藤'],
];

describe('who raised the record, by the act', () => {
  it.each<[ImportTarget, string, string, string]>([
    ['issue', '問合せ内容', '問合せ者', 'raisedBy'],
    ['issue', '問合せ内容', '問い合わせ者', 'raisedBy'],
    ['issue', '課題', '申告者', 'raisedBy'],
    ['issue', '課題', '照会者', 'raisedBy'],
    ['issue', '課題', '起票者名', 'raisedBy'],
    ['issue', 'Issue', 'Logged By', 'raisedBy'],
    ['issue', 'Issue', 'Filed By', 'raisedBy'],
    ['issue', 'Issue', 'Asked By', 'raisedBy'],
    ['defect', 'Summary', 'Logged By', 'foundBy'],
    ['defect', '現象', '報告者', 'foundBy'],
    ['risk', 'Risk', 'Logged By', 'raisedBy'],
    ['change', '変更件名', '申告者', 'requestedBy'],
    ['change', 'Change', 'Logged By', 'requestedBy'],
  ])('%s: %s | %s', async (target, title, who, want) => {
    const head = [title, target === 'change' ? '起票日' : 'Date Raised', who, target === 'risk' ? 'Owner' : '担当者'];
    expect((await fields(target, head, PEOPLE))[who]).toBe(want);
  });

  it.each(['受付者', 'Closed By', '回答者'])('not an act that raises: %s', async (who) => {
    const got = await fields('issue', ['課題', '起票日', who, '状況'], PEOPLE.map((r) => [r[0], r[1], r[2], '対応中']));
    expect(got[who]).not.toBe('raisedBy');
  });
});

describe('a target of the record’s end is its due date', () => {
  const rows = [
    ['Login fails', 'Open', d('2025-05-08'), 'Restart the service'],
    ['Report misaligned', 'Open', d('2025-05-11'), 'Fix the template'],
    ['CSV garbled', 'Closed', d('2025-05-13'), 'Encoding set to UTF-8'],
  ];
  it.each<[ImportTarget, string]>([
    ['defect', 'Target Fix'],
    ['defect', 'Target Resolution'],
    ['issue', 'Planned Completion'],
    ['issue', 'Expected Close'],
    ['issue', 'Target Response'],
    ['defect', '修正予定'],
    ['issue', '回答予定'],
    ['issue', '完了目標'],
  ])('%s: %s', async (target, label) => {
    const head = [target === 'defect' ? 'Summary' : 'Issue', 'Status', label, 'Comments'];
    const got = await fields(target, head, rows);
    expect(got[label]).toBe('due');
  });

  it('a Fix column of text stays the resolution', async () => {
    expect((await fields('defect', ['Summary', 'Status', 'Fix'], rows.map((r) => [r[0], r[1], r[3]])))['Fix']).toBe('resolution');
  });
});

describe('a count of days beside the dates it counts is the duration', () => {
  const plan = (days: number[]) => [
    ['Design', d('2025-06-02'), d('2025-06-06'), days[0]],
    ['Build', d('2025-06-09'), d('2025-06-20'), days[1]],
    ['Test', d('2025-06-23'), d('2025-07-04'), days[2]],
    ['Go-live', d('2025-07-07'), d('2025-07-07'), days[3]],
  ];
  it.each(['Days', '# of Days', 'Work Days', 'No. of days', '作業日数', '営業日数', '日数'])('%s of working days', async (label) => {
    expect((await fields('wbs', ['Task', 'Start', 'Finish', label], plan([5, 10, 10, 1])))[label]).toBe('duration');
  });
  it('Days of calendar days is no duration', async () => {
    expect((await fields('wbs', ['Task', 'Start', 'Finish', 'Days'], plan([5, 12, 12, 1])))['Days']).not.toBe('duration');
  });
});

describe('the record stated in its own noun beside an Action column', () => {
  const rows = [
    ['I-1', 'Test environment refresh failed; UAT data stale', 'Re-run refresh with vendor support', 'Ann', 'Open'],
    ['I-2', 'No agreed definition of active customer', 'Workshop with Sales; escalate if no agreement', 'Bob', 'Open'],
    ['I-3', 'Address lookup returns truncated postcodes', 'Ticket raised with supplier', 'Cy', 'Closed'],
  ];
  it.each<[string, string]>([
    ['Issue Description', 'Action / Next steps'],
    ['Issue Description', 'Action'],
    ['Issue Details', 'Next Steps'],
    ['課題内容', 'アクション'],
    ['課題詳細', '今後の対応'],
  ])('%s | %s', async (stated, action) => {
    const got = await fields('issue', ['ID', stated, action, 'Owner', 'Status'], rows);
    expect([got[stated], got[action]]).toEqual(['title', 'resolution']);
  });

  it('an action list alone keeps its Action as the title', async () => {
    const got = await fields('issue', ['ID', 'Action', 'Owner', 'Status'], rows.map((r) => [r[0], r[2], r[3], r[4]]));
    expect(got['Action']).toBe('title');
  });
});
