// A form's label row (案件名： | its value | 報告者： | its value) is never a table's header (blind set 14: a
// weekly report with no register had its label row read as an issue log's header — 案件名： the title,
// 報告者： raisedBy — and its 22 section lines imported as issues, silently). A register under such label
// rows is still found, and a header whose every word ends with ':' (no value beside a label) stays a header.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (m: number, day: number) => new Date(Date.UTC(2025, m - 1, day));

/** A weekly report: a title, label rows of label/value pairs, numbered sections of free lines. */
function report(labels: ModelCell[][]): ModelCell[][] {
  return [
    ['週次進捗報告書'],
    [],
    ...labels,
    [],
    ['1. 全体状況'],
    ['☀', '概ね計画どおり。3 号機の据付が 2 日遅れたが吸収見込み。'],
    [],
    ['2. 今週の実績'],
    [null, '・1・2 号機 試運転完了'],
    [null, '・連携テスト 50 ケース中 48 ケース合格'],
    [null, '・現場説明会 実施'],
    [],
    ['3. 課題・リスク'],
    [null, '・レール芯ずれ。メーカー再調整を 6/16 に実施予定（担当：設備 東）。'],
    [null, '・切替当日の手作業体制が未確定。'],
  ];
}

const read = (rows: ModelCell[][], target: ImportTarget, merges: string[] = []) => analyzeWorkbook(model(sheet('週報', rows, merges)), target, { today: '2025-06-15' });

/** The report as the client drew it: each section's heading merged over A:H, its lines over B:H, a milestone table. */
function drawnReport(): { rows: ModelCell[][]; merges: string[] } {
  const rows: ModelCell[][] = [
    ['週次進捗報告書'],
    [],
    ['案件名：', null, '物流倉庫 自動倉庫制御システム更新', null, null, '報告者：', 'PM 立花'],
    ['報告期間：', null, '2025/6/9 ～ 2025/6/13', null, null, '報告日：', '2025/6/13'],
    [],
    ['1. 全体状況'],
    ['☀', '概ね計画どおり。スタッカークレーン 3 号機の据付が 2 日遅れたが、試運転の前倒しで吸収見込み。'],
    [],
    ['2. 今週の実績'],
    [null, '・スタッカークレーン 1・2 号機 試運転完了'],
    [null, '・WMS 連携テスト（入庫指示）50 ケース中 48 ケース合格'],
    [null, '・現場説明会（夜勤者向け）実施'],
    [],
    ['3. 来週の予定'],
    [null, '・3 号機 試運転'],
    [null, '・切替リハーサル計画書 レビュー'],
    [],
    ['4. マイルストーン'],
    [null, 'マイルストーン', '予定', '見込', '判定'],
    [null, '据付完了', d(6, 11), d(6, 13), '△'],
    [null, '連携テスト完了', d(6, 27), d(6, 27), '○'],
    [],
    ['5. 課題・リスク'],
    [null, '・3 号機のレール芯ずれ（最大 3mm）。メーカー再調整を 6/16 に実施予定（担当：設備 東）。'],
    [null, '・切替当日の出荷量が想定を超える場合の手作業体制が未確定。センター長と 6/20 に協議。'],
  ];
  const merges = ['A1:H1'];
  rows.forEach((r, i) => {
    if (typeof r[0] === 'string' && /^\d\. /.test(r[0])) merges.push(`A${i + 1}:H${i + 1}`);
    else if (r.length === 2 && typeof r[1] === 'string') merges.push(`B${i + 1}:H${i + 1}`);
  });
  return { rows, merges };
}

describe('a form’s label row is no header', () => {
  it.each([
    ['two pairs a row (案件名： | value | 報告者： | value)', [['案件名：', null, '自動倉庫更新', null, null, '報告者：', 'PM 立花'], ['報告期間：', null, '2025/6/9 ～ 2025/6/13', null, null, '報告日：', d(6, 13)]]],
    ['English labels (Project: | value | Owner: | value)', [['Project:', 'Warehouse renewal', 'Owner:', 'T. Tachibana'], ['Period:', '9–13 Jun 2025', 'Date:', d(6, 13)]]],
    ['one label row of three pairs', [['案件名:', '自動倉庫更新', '担当者:', '立花', '状況:', '対応中']]],
  ] as [string, ModelCell[][]][])('a report with %s imports nothing as an issue log or a risk register', (_, labels) => {
    for (const target of ['issue', 'risk'] as const) {
      const a = read(report(labels), target);
      expect(a.ok, `${target}: ${a.ok ? JSON.stringify(a.table.header) : a.reason}`).toBe(false);
    }
  });

  it('the report as the client drew it (sections merged over the width, a milestone table) imports nothing as an issue log', () => {
    const { rows, merges } = drawnReport();
    for (const target of ['issue', 'risk', 'change'] as const) {
      const a = read(rows, target, merges);
      expect(a.ok, `${target}: ${a.ok ? JSON.stringify(a.table.header) : a.reason}`).toBe(false);
    }
  });

  it('a register under label rows is still found, its header under them', () => {
    const rows: ModelCell[][] = [
      ['課題管理表'],
      ['案件名：', '自動倉庫更新', '作成日：', d(6, 1)],
      [],
      ['No.', '課題', '担当者', '期限', '状態'],
      ...Array.from({ length: 5 }, (_, i): ModelCell[] => [i + 1, `課題その${i + 1}`, '佐藤', d(6, 20 + i), '対応中']),
    ];
    const a = read(rows, 'issue');
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.header).toEqual({ top: 4, bottom: 4 });
    expect(a.table.records).toHaveLength(5);
  });

  it('a header whose every word ends with a colon (no value beside a label) stays a header', () => {
    const rows: ModelCell[][] = [
      ['No.:', '課題:', '担当者:', '期限:', '状態:'],
      ...Array.from({ length: 5 }, (_, i): ModelCell[] => [i + 1, `課題その${i + 1}`, '佐藤', d(6, 20 + i), '対応中']),
    ];
    const a = read(rows, 'issue');
    if (!a.ok) throw new Error(a.reason);
    expect(a.table.header).toEqual({ top: 1, bottom: 1 });
    expect(a.table.records).toHaveLength(5);
  });
});
