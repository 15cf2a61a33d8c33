// The record's name is its short subject (Topic, Subject, 件名, 事象, 逸脱内容), never the column of what is
// done about it (CAPA, 対策, 処置, Countermeasure, Corrective Action: the response), and a long Description
// beside a Topic is the description (blind set 11, C1). Controls already in place (Existing Controls,
// 既存の管理策, 現状の対策) describe today: the response is the treatment or mitigation plan (C4).
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

async function fields(target: ImportTarget, header: string[], rows: unknown[][]) {
  const t = await readRows([header, ...rows], target, 'Sheet1');
  return Object.fromEntries(header.map((h) => [h, t.columns.find((c) => c.label === h)?.field ?? null]));
}

const SHORT_JA = ['温度記録の欠落', 'ラベル誤貼付', '保管庫の施錠漏れ'];
const LONG_JA = ['記録計を交換し手順書を改訂、担当者への再教育を実施する', 'ダブルチェック手順を追加し作業者全員へ教育を実施する', '施錠確認チェックリストを導入し日次で責任者が確認する'];
const SHORT_EN = ['Login fails', 'Report misaligned', 'CSV garbled'];
const LONG_EN = [
  'Users cannot log in after the password reset because the token expires too early in the flow',
  'The monthly report columns shift by one when exported to PDF on the new printer driver',
  'CSV export shows mojibake for Japanese names when opened in Excel without BOM handling',
];
const rows = (a: string[], b: string[]) => a.map((x, i) => [i + 1, x, b[i], ['佐藤', 'Ann', '鈴木'][i]]);

describe('the subject is the title, the response never is', () => {
  it.each<[ImportTarget, string, string, string, string]>([
    ['issue', 'Topic', 'Description', 'title', 'detail'],
    ['issue', '逸脱内容', 'CAPA内容', 'title', 'resolution'],
    ['issue', '事象', '対策', 'title', 'resolution'],
    ['issue', 'Subject', 'Corrective Action', 'title', 'resolution'],
    ['defect', '逸脱内容', 'CAPA', 'title', 'resolution'],
    ['defect', 'Topic', 'Countermeasure', 'title', 'resolution'],
    ['finding', '逸脱内容', 'CAPA内容', 'title', 'action'],
    ['risk', 'Topic', 'Description', 'title', 'description'],
    ['change', 'Topic', 'Description', 'title', 'description'],
  ])('%s: %s | %s', async (target, subject, other, want, otherWant) => {
    const short = /[a-z]/i.test(subject) ? SHORT_EN : SHORT_JA;
    const long = /[a-z]/i.test(other) ? LONG_EN : LONG_JA;
    const got = await fields(target, ['No.', subject, other, target === 'risk' ? 'Owner' : '担当者'], rows(short, long));
    expect(got[subject]).toBe(want);
    expect(got[other]).toBe(otherWant);
  });

  it('short words name the records before the response does; the response only where no other text is', async () => {
    const short = ['停止', '遅延', '欠落'];
    const got = await fields('issue', ['No.', '発生箇所', '是正措置', '担当者'], rows(short, LONG_JA));
    expect([got['発生箇所'], got['是正措置']]).toEqual(['title', 'resolution']);
    const only = await readRows([['No.', 'Countermeasure', 'Owner'], ...LONG_EN.map((x, i) => [i + 1, x, 'Ann'])], 'issue', 'Sheet1');
    expect(only.records).toHaveLength(3);
  });

  it('a long response is not taken as the name where no column is headed as one', async () => {
    const got = await fields('issue', ['No.', 'Occurrence', 'Countermeasure', 'Owner'], rows(SHORT_EN, LONG_EN));
    expect(got['Countermeasure']).toBe('resolution');
    expect(got['Occurrence']).toBe('title');
  });
});

describe('a response planned is the response', () => {
  it.each<[ImportTarget, string, string]>([
    ['finding', 'CAPA Plan', 'action'],
    ['issue', 'Countermeasure Plan', 'resolution'],
    ['defect', '是正処置計画', 'resolution'],
    ['issue', '対策案', 'resolution'],
  ])('%s: %s', async (target, head, want) => {
    const long = /[a-z]/i.test(head) ? LONG_EN : LONG_JA;
    const got = await fields(target, ['No.', '件名', head, '担当者'], rows(SHORT_JA, long));
    expect(got[head]).toBe(want);
  });

  it('a plan of something else is no response', async () => {
    const got = await fields('issue', ['No.', '件名', 'Test Plan', '担当者'], rows(SHORT_JA, LONG_EN));
    expect(got['Test Plan']).not.toBe('resolution');
  });
});

describe('controls in place are not the response', () => {
  const risks = [
    ['R1', 'Vendor delay', 'Weekly vendor meeting', 3, 4, 'Add a penalty clause and a second supplier', 'Ann'],
    ['R2', 'Key staff leave', 'Documented procedures', 2, 5, 'Cross-train two engineers', 'Bob'],
    ['R3', 'Scope creep', 'Change control board', 4, 3, 'Freeze the scope after sign-off', 'Ann'],
  ];
  it.each([
    ['Existing Controls', 'Treatment Plan'],
    ['Current Controls', 'Risk Treatment Plan'],
    ['Controls in place', 'Mitigation Plan'],
    ['既存の管理策', '対応策'],
    ['現状の対策', '低減策'],
    ['現行の統制', 'リスク対応計画'],
  ])('%s | %s', async (existing, plan) => {
    const got = await fields('risk', ['Risk ID', 'Risk', existing, 'Likelihood', 'Consequence', plan, 'Owner'], risks);
    expect(got[existing]).toBe(null);
    expect(got[plan]).toBe('responsePlan');
  });
});
