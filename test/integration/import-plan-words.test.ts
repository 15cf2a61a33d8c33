// Header words and dates of plans and logs read as families (issue 11; blind set 9, C2, C3, C8):
// - a header naming the name of a thing (研修名, 会議名, Course Name) over distinct texts is the name before
//   any notes column, and a notes column (備考, Remarks) is the name only where nothing else fits;
// - the day an event is held (実施日, 開催日, Session Date) is the start where no column names one;
// - a date without a year in a plan that states its fiscal year (2025年度, 令和7年度, FY2025) is April–December
//   of that year or January–March of the next;
// - a day written with its time (復旧日時, 発生日時, 完了日時) is that day's column, and a service's 復旧 /
//   Restored day is when the record ended;
// - a column whose header names no field (区分, Type) but whose words are one list's own labels is that field.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const fieldsOf = (t: ImportTable) => Object.fromEntries(t.columns.map((c) => [c.label, c.field ?? null]));
const values = (t: ImportTable, field: string) => t.records.map((r) => r.values[field] ?? null);

describe('the name and start of a plan of events', () => {
  it('training plan (ja): 研修名 is the name, 実施日 the start, 備考 the notes', async () => {
    const t = await readRows([
      ['No', '研修名', '対象者', '形式', '担当', '実施日', '終了日', '状況', '備考'],
      [1, '新入社員導入研修', '新入社員', '集合', '松本', d('2025-04-01'), d('2025-04-04'), '完了', null],
      [2, 'ビジネスマナー研修', '新入社員', '集合', '松本', d('2025-04-07'), d('2025-04-08'), '完了', null],
      [3, '情報セキュリティ基礎（eラーニング）', '全社員', 'eラーニング', '青木', d('2025-04-15'), d('2025-05-30'), '完了', '受講率98%'],
      [4, 'OJTトレーナー研修', '入社3年目', '集合', '松本', d('2025-05-20'), d('2025-05-20'), '対応中', null],
      [5, '新任管理職研修', '新任課長', '集合', '佐々木', d('2025-07-10'), d('2025-07-11'), '未着手', '会場：本社8F'],
    ]);
    expect(fieldsOf(t)).toMatchObject({ 研修名: 'name', 実施日: 'plannedStart', 終了日: 'plannedFinish', 備考: 'notes' });
    expect(values(t, 'name')[2]).toBe('情報セキュリティ基礎（eラーニング）');
    expect(values(t, 'plannedStart')[0]).toBe('2025-04-01');
  });

  it.each<[string, string[], Record<string, string>]>([
    ['meeting plan: 会議名 / 開催日 / 備考', ['会議名', '開催日', '場所', '担当', '備考'], { 会議名: 'name', 開催日: 'plannedStart', 備考: 'notes' }],
    ['course plan (en): Course Name / Session Date / Remarks', ['Course Name', 'Session Date', 'Venue', 'Owner', 'Remarks'], { 'Course Name': 'name', 'Session Date': 'plannedStart', Remarks: 'notes' }],
    ['event plan (en): Event Title / Scheduled Date / Notes', ['Event Title', 'Scheduled Date', 'Venue', 'Owner', 'Notes'], { 'Event Title': 'name', 'Scheduled Date': 'plannedStart', Notes: 'notes' }],
    ['検査計画: 検査項目名 / 実施予定日 / 備考', ['検査項目名', '実施予定日', '場所', '担当', '備考'], { 検査項目名: 'name', 実施予定日: 'plannedStart', 備考: 'notes' }],
  ])('%s', async (_, head, want) => {
    const t = await readRows([
      head,
      ['定例会A', d('2025-04-10'), '本社', '松本', null],
      ['定例会B', d('2025-05-08'), '本社', '青木', '資料は前日配布'],
      ['定例会C', d('2025-06-12'), '大阪', '松本', null],
      ['定例会D', d('2025-07-10'), '本社', '佐藤', '延期の可能性あり'],
    ]);
    expect(fieldsOf(t)).toMatchObject(want);
  });

  it('a plain start word comes before the day held', async () => {
    const t = await readRows([
      ['研修名', '開始日', '実施日', '終了日'],
      ['研修A', d('2025-04-01'), d('2025-04-02'), d('2025-04-03')],
      ['研修B', d('2025-05-01'), d('2025-05-02'), d('2025-05-03')],
      ['研修C', d('2025-06-01'), d('2025-06-02'), d('2025-06-03')],
    ]);
    expect(fieldsOf(t)).toMatchObject({ 開始日: 'plannedStart', 終了日: 'plannedFinish' });
  });

  it('a person’s or a company’s name is no record’s name; notes alone still name the rows', async () => {
    const t = await readRows([
      ['担当者名', '会社名', '備考', '開始日'],
      ['松本', '(株)ヒューマンリンク', '新入社員導入研修の準備', d('2025-04-01')],
      ['青木', '(株)マネジメント', '管理職研修の会場手配', d('2025-05-01')],
      ['佐藤', '(株)テクノ', 'eラーニングの配信設定', d('2025-06-01')],
    ]);
    expect(fieldsOf(t)['担当者名']).not.toBe('name');
    expect(fieldsOf(t)['会社名']).not.toBe('name');
    expect(fieldsOf(t)['備考']).toBe('name');
  });
});

describe('dates without a year in a fiscal-year plan', () => {
  const plan = (title: string, sheet = 'WBS') =>
    readRows([
      [title],
      [],
      ['作業名', '開始日', '終了日'],
      ['四月の作業', '4月1日', '4月4日'],
      ['秋の作業', '10/16', '11/13'],
      ['年明けの作業', '1月19日', '3月13日'],
      ['年度末の作業', '2月5日', '2月6日'],
    ], 'wbs', sheet);

  it.each([
    ['2025年度 教育・研修計画表', 2025],
    ['令和7年度　工事工程表', 2025],
    ['R7年度 点検計画', 2025],
    ['FY2025 Training Plan', 2025],
    ['FY24 Audit Plan', 2024],
    ['平成31年度 計画', 2019],
  ])('%s: January–March are in the next calendar year', async (title, fy) => {
    const t = await plan(title);
    expect(values(t, 'plannedStart')).toEqual([`${fy}-04-01`, `${fy}-10-16`, `${fy + 1}-01-19`, `${fy + 1}-02-05`]);
    expect(values(t, 'plannedFinish')).toEqual([`${fy}-04-04`, `${fy}-11-13`, `${fy + 1}-03-13`, `${fy + 1}-02-06`]);
  });

  it('the fiscal year in the sheet’s name', async () => {
    const t = await plan('教育・研修計画表', '2026年度');
    expect(values(t, 'plannedFinish')).toEqual(['2026-04-04', '2026-11-13', '2027-03-13', '2027-02-06']);
  });

  it.each<[string, unknown[][], (string | null)[]]>([
    ['no title, rows April → March by quarters, one dated 2025', [['研修A', '4月1日'], ['研修B', d('2025-07-10')], ['研修C', '10月16日'], ['研修D', '1月19日'], ['研修E', '2月5日']], ['2025-04-01', '2025-07-10', '2025-10-16', '2026-01-19', '2026-02-05']],
    ['no title (en), rows April → March, one dated June 2025', [['Course A', 'Apr 7'], ['Course B', d('2025-06-02')], ['Course C', 'Sep 1'], ['Course D', 'Jan 12'], ['Course E', 'Mar 9']], ['2025-04-07', '2025-06-02', '2025-09-01', '2026-01-12', '2026-03-09']],
  ])('%s: January–March follow on into the next year', async (_, rows, want) => {
    const t = await readRows([['作業名', '開始日', '担当'], ...rows.map((r) => [...r, '佐藤'])]);
    expect(values(t, 'plannedStart')).toEqual(want);
  });

  it('rows that go back in the year are no run: each date is read nearest the others', async () => {
    const t = await readRows([['作業名', '開始日', '担当'], ['A', '4月1日', '佐藤'], ['B', '1月19日', '佐藤'], ['C', d('2025-07-10'), '佐藤'], ['D', '10月16日', '佐藤']]);
    expect(values(t, 'plannedStart')).toEqual(['2025-04-01', '2025-01-19', '2025-07-10', '2025-10-16']);
  });

  it('two fiscal years stated: neither is taken', async () => {
    const t = await plan('2024年度実績・2025年度計画');
    expect(t.problems.some((p) => p.code === 'yearAssumed' && (p.params as { from?: string }).from === 'fiscal')).toBe(false);
  });
});

describe('a day written with its time, and the day a service was restored', () => {
  it.each<[ImportTarget, string[], Record<string, string>]>([
    ['defect', ['管理番号', '発生日時', '障害内容', '重要度', '復旧日時', '状態'], { 発生日時: 'foundOn', 復旧日時: 'resolvedOn' }],
    ['issue', ['No', '受付日時', '課題', '担当', '完了日時', '状況'], { 受付日時: 'raisedOn', 完了日時: 'closedOn' }],
    ['defect', ['Incident #', 'Opened', 'Summary', 'Severity', 'Restored At', 'Status'], { 'Restored At': 'resolvedOn' }],
    ['issue', ['No', '起票日', '課題', '担当', '収束日', '状況'], { 収束日: 'closedOn' }],
  ])('%s: %s', async (target, head, want) => {
    const row = (k: number) => head.map((h, c) => (c === 0 ? k : /日|Opened|At/.test(h) ? d(`2025-07-0${k}`) : /重要度|Severity/.test(h) ? '高' : /状態|状況|Status/.test(h) ? '完了' : `内容${k}`));
    const t = await readRows([head, row(1), row(2), row(3)], target, 'Sheet1');
    expect(fieldsOf(t)).toMatchObject(want);
  });
});

describe('a column headed by no field word whose words are one list’s labels', () => {
  it.each<[ImportTarget, string, string[], string, string[]]>([
    ['finding', '区分', ['軽微', '重大', '軽微', '改善提案'], 'severity', ['minor', 'major', 'minor', 'observation']],
    ['finding', 'Type', ['Minor', 'Major', 'Observation', 'Minor'], 'severity', ['minor', 'major', 'observation', 'minor']],
    ['risk', '種別', ['回避', '軽減', '受容', '軽減'], 'strategy', ['avoid', 'mitigate', 'accept', 'mitigate']],
  ])('%s: %s over %j', async (target, label, words, field, want) => {
    const [title, raised] = target === 'finding' ? ['指摘事項', '指摘日'] : ['リスク内容', '識別日'];
    const t = await readRows([[title, raised, label], ...words.map((w, k) => [`${title}${k + 1}の詳細な記述`, d(`2025-05-0${k + 1}`), w])], target, 'Sheet1');
    expect(fieldsOf(t)[label]).toBe(field);
    expect(values(t, field)).toEqual(want);
  });

  // (区分 is a finding's area by its word, weakly: blind set 10, C3's 統制区分 family; what it must not be is a list field.)
  it('words of two lists, or words no list has, name no list field', async () => {
    const t = await readRows([['指摘事項', '指摘日', '区分'], ...['画面', '帳票', '画面'].map((w, k) => [`指摘${k + 1}の記述`, d(`2025-05-0${k + 1}`), w])], 'finding', 'Sheet1');
    expect(['severity', 'status']).not.toContain(fieldsOf(t)['区分']);
  });
});
