// A second table right under a register, its title and header with no blank row between (review U4):
// the register ends above the title; the next table's header and rows are not read as records.
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('another table right under the records', () => {
  it.each<[string, ImportTarget, ModelCell[][], ModelCell[][]]>([
    [
      'risks, then 課題一覧 with its header',
      'risk',
      [['リスク一覧'], ['No', 'リスク', '発生確率', '影響度', '担当', '状態'], [1, 'ベンダー遅延', 3, 4, '佐藤', '対応中'], [2, '要員不足', 2, 5, '鈴木', '未着手'], [3, '仕様変更', 4, 3, '山田', '完了']],
      [['課題一覧'], ['No', '課題', '起票日', '担当', '期限', '状況'], [1, 'ログイン不可', d('2025-04-01'), '佐藤', d('2025-04-10'), '対応中'], [2, '帳票ずれ', d('2025-04-02'), '鈴木', d('2025-04-12'), '未着手']],
    ],
    [
      'issues, then a risk table without a title',
      'issue',
      [['課題管理表'], ['No', '課題', '起票日', '担当', '期限', '状況'], [1, 'ログイン不可', d('2025-04-01'), '佐藤', d('2025-04-10'), '対応中'], [2, '帳票ずれ', d('2025-04-02'), '鈴木', d('2025-04-12'), '未着手'], [3, '性能劣化', d('2025-04-03'), '山田', d('2025-04-20'), '完了']],
      [['No', 'リスク', '発生確率', '影響度', '担当', '状態'], [1, 'ベンダー遅延', 3, 4, '佐藤', '対応中']],
    ],
    [
      'an English task list, then Milestones',
      'wbs',
      [['Plan'], ['Task', 'Owner', 'Start', 'Finish'], ['Design', 'Sato', d('2025-04-01'), d('2025-04-10')], ['Build', 'Suzuki', d('2025-04-11'), d('2025-04-30')], ['Test', 'Yamada', d('2025-05-01'), d('2025-05-15')]],
      [['Milestones'], ['Milestone', 'Date', 'Owner', 'Status'], ['Go-live', d('2025-05-20'), 'Sato', 'Planned']],
    ],
  ])('%s', (_, target, register, next) => {
    const t = readModel([...register, ...next], target, [], 'Sheet1');
    expect(t.records.length).toBe(3);
    expect(t.data.last).toBe(register.length);
    expect(t.data.end).toBe('next table');
  });

  // Review U4 again: the title 課題一覧 in the No column was counted with the records (1, 2, 3, 課題一覧: not four
  // figures in five), and a register of text IDs and ratings as words has no figure at all: the issues'
  // first record (No 1, 起票日 2025/4/1) under their header says it heads a table.
  it.each<[string, ModelCell[]]>([
    ['numbered risks, ratings as words', [1, 2, 3]],
    ['text IDs R1…R3, ratings as words', ['R1', 'R2', 'R3']],
    ['text IDs in English', ['RSK-01', 'RSK-02', 'RSK-03']],
  ])('%s, then 課題一覧 in the No column with its table', (_, ids) => {
    const risks: ModelCell[][] = [['リスク一覧'], ['No', 'リスク', '発生確率', '影響度', '担当', '状態'], [ids[0], '要員不足', '高', '中', '山田', 'オープン'], [ids[1], '納期遅延', '中', '高', '佐藤', 'オープン'], [ids[2], '仕様変更', '低', '中', '鈴木', 'クローズ']];
    const issues: ModelCell[][] = [['課題一覧'], ['No', '課題', '起票日', '担当', '期限', '状況'], [1, 'ログイン不可', d('2025-04-01'), '山田', d('2025-04-10'), '対応中'], [2, '帳票ずれ', d('2025-04-02'), '佐藤', d('2025-04-11'), '対応中']];
    const t = readModel([...risks, ...issues], 'risk', [], '管理表');
    expect(t.records.length).toBe(3);
    expect(t.data.last).toBe(5);
    expect(t.data.end).toBe('next table');
  });

  it('an English register of text IDs, then Issues with its title in the ID column', () => {
    const rows: ModelCell[][] = [
      ['Risks'], ['ID', 'Risk', 'Probability', 'Impact', 'Owner', 'Status'], ['R1', 'Vendor late', 'High', 'Medium', 'Sato', 'Open'], ['R2', 'Key tester leaves', 'Medium', 'High', 'Kato', 'Open'], ['R3', 'Scope creep', 'Low', 'Medium', 'Mori', 'Closed'],
      ['Issues'], ['ID', 'Issue', 'Raised', 'Owner', 'Due', 'Status'], [1, 'Login fails', d('2025-04-01'), 'Sato', d('2025-04-10'), 'Open'],
    ];
    const t = readModel(rows, 'risk', [], 'Sheet1');
    expect(t.records.map((r) => r.values.title)).toEqual(['Vendor late', 'Key tester leaves', 'Scope creep']);
    expect(t.data.end).toBe('next table');
  });

  it('a record whose texts happen to be column words stays a record (no figure under them)', () => {
    const rows: ModelCell[][] = [['Task', 'Owner', 'Notes', 'Status'], ['Design', 'Sato', 'Review', 'Open'], ['Build', 'Suzuki', 'Status', 'Open'], ['Test', 'Owner', 'Comments', 'Closed']];
    expect(readModel(rows, 'wbs', [], 'Sheet1').records.length).toBe(3);
  });
});
