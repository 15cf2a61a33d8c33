// The register suggestion (excel.suggestRegister, the dialog's "switch" banner) for two layouts of blind set
// 5: a ticket export that is a plan (start and due dates with a progress or an estimate: Redmine, Backlog)
// imported as a WBS was pointed at 課題 (K9); meeting minutes whose 宿題 (action items) table sits under a
// 決定事項 table, previewed as a risk register, got no suggestion (K10). A plan chosen as a WBS stays one; the
// title of a table's own section (■ 宿題事項, Action Items) names the register that keeps it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Register = 'issue' | 'risk' | 'wbs' | 'change';

async function suggested(wb: ExcelJS.Workbook, register: Register) {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const p = await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 });
  return (await call('excel.suggestRegister', { previewId: p.previewId })).register;
}

function sheetOf(name: string, head: string[], rows: ExcelJS.CellValue[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return wb;
}

/** A tracker's export with these columns, four tickets (two of them a parent's children). */
function tickets(head: string[]): ExcelJS.Workbook {
  const col: Record<string, ExcelJS.CellValue[]> = {
    '#': [1203, 1204, 1205, 1206],
    トラッカー: ['タスク', 'タスク', 'タスク', 'バグ'],
    Tracker: ['Task', 'Task', 'Task', 'Bug'],
    ステータス: ['進行中', '終了', '新規', '新規'],
    Status: ['In Progress', 'Closed', 'New', 'New'],
    優先度: ['通常', '通常', '高め', '急いで'],
    Priority: ['Normal', 'Normal', 'High', 'Urgent'],
    題名: ['基盤構築', 'サーバ調達', 'ネットワーク設定', 'ログイン不具合'],
    Subject: ['Platform', 'Servers', 'Network', 'Login bug'],
    作成者: ['山田', '山田', '山田', '田中'],
    Author: ['Yamada', 'Yamada', 'Yamada', 'Tanaka'],
    担当者: ['佐藤', '佐藤', '鈴木', '田中'],
    Assignee: ['Sato', 'Sato', 'Suzuki', 'Tanaka'],
    開始日: [d('2025-06-02'), d('2025-06-09'), d('2025-06-18'), d('2025-06-20')],
    期日: [d('2025-06-30'), d('2025-06-17'), d('2025-06-30'), d('2025-06-25')],
    進捗率: [40, 100, 0, 0],
    予定工数: [232, 56, 64, 8],
    作成日: [d('2025-05-20'), d('2025-05-20'), d('2025-05-20'), d('2025-06-19')],
    カテゴリ: ['インフラ', 'インフラ', 'インフラ', 'アプリ'],
    終了日: [null, d('2025-06-17'), null, null],
    説明: ['基盤一式', '', '', '再現手順あり'],
    'Start date': [d('2025-06-02'), d('2025-06-09'), d('2025-06-18'), d('2025-06-20')],
    'Due date': [d('2025-06-30'), d('2025-06-17'), d('2025-06-30'), d('2025-06-25')],
    '% Done': [40, 100, 0, 0],
    Created: [d('2025-05-20'), d('2025-05-20'), d('2025-05-20'), d('2025-06-19')],
    Category: ['Infra', 'Infra', 'Infra', 'App'],
    Closed: [null, d('2025-06-17'), null, null],
    Description: ['All of it', '', '', 'Steps attached'],
  };
  return sheetOf('issues', head, [0, 1, 2, 3].map((i) => head.map((h) => col[h]![i] ?? null)));
}

const TICKET_HEADS = [
  ['#', 'トラッカー', 'ステータス', '優先度', '題名', '作成者', '担当者', '開始日', '期日', '進捗率', '作成日', 'カテゴリ', '終了日'],
  ['#', 'トラッカー', 'ステータス', '優先度', '題名', '担当者', '開始日', '期日', '進捗率', '作成日', '説明'],
  ['#', 'トラッカー', 'ステータス', '優先度', '題名', '作成者', '担当者', '開始日', '期日', '予定工数', '作成日', '説明'],
  ['#', 'Tracker', 'Status', 'Priority', 'Subject', 'Author', 'Assignee', 'Start date', 'Due date', '% Done', 'Created', 'Category', 'Closed'],
];

describe('a plan chosen as a WBS is not pointed at a register (K9)', () => {
  it.each(TICKET_HEADS.map((h) => [h.join(' | ')]))('%s', async (head) => {
    expect(await suggested(tickets(head.split(' | ')), 'wbs')).toBeNull();
  });

  it('an issue log without a plan’s columns, chosen as a WBS, is still pointed at 課題', async () => {
    const wb = sheetOf('課題管理表', ['No.', '課題', '起票日', '起票者', '重要度', '状態', '担当者', '回答期限', '対応内容'], [
      [1, 'ログイン不可', d('2025-06-02'), '佐藤', '高', '対応中', '鈴木', d('2025-06-10'), '調査中'],
      [2, '帳票ずれ', d('2025-06-03'), '田中', '中', '未着手', '佐藤', d('2025-06-20'), ''],
      [3, '性能劣化', d('2025-06-05'), '鈴木', '低', '完了', '田中', d('2025-06-12'), '索引追加'],
    ]);
    expect(await suggested(wb, 'wbs')).toBe('issue');
  });
});

/** Minutes: the meeting's labels, a decisions table, then an action-items table under its section title. */
function minutes(opts: { sheet: string; decisions: string; actions: string; actionHead: string[]; decisionRows: string[] }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet);
  ws.getCell('A1').value = `${opts.sheet} 議事録`;
  [['会議名', '定例会議'], ['日時', '2025/07/15 10:00～11:00'], ['場所', '本社 3F 会議室'], ['出席者', '佐藤、鈴木、田中、山田']].forEach((r, i) => (ws.getRow(3 + i).values = r));
  ws.getCell('A8').value = opts.decisions;
  ws.getRow(9).values = ['No', '決定事項', null, null, '決定者', '備考'];
  ws.mergeCells('B9:D9');
  opts.decisionRows.forEach((text, i) => {
    ws.getRow(10 + i).values = [i + 1, text, null, null, '佐藤', ''];
    ws.mergeCells(`B${10 + i}:D${10 + i}`);
  });
  ws.getCell('A14').value = opts.actions;
  ws.getRow(15).values = opts.actionHead;
  [
    ['移行手順書の作成', '田中', '7/18', '未着手', ''],
    ['帳票レイアウト確認', '鈴木', '7/22', '対応中', ''],
    ['性能試験の計画', '山田', '7/25', '未着手', ''],
    ['ベンダー見積の取得', '佐藤', '7/18', '完了', ''],
  ].forEach((r, i) => (ws.getRow(16 + i).values = [i + 1, ...r]));
  ws.getCell('A21').value = '次回：7月22日(火) 10:00～';
  ws.getCell('A22').value = '以上';
  return wb;
}

describe('the section title over a table names its register (K10)', () => {
  const decisionRows = ['本番切替日を8/18とする', 'テスト範囲に帳票を含める', '週次報告は金曜とする'];
  it.each([
    ['risk', '■ 宿題事項', 'No | 内容 | 担当 | 期限 | 状況 | 備考'],
    ['risk', '■ 宿題事項', 'No | 宿題事項 | 担当 | 期限 | 状況 | 備考'],
    ['risk', '【持ち帰り事項】', 'No | アクション | 担当 | 期限 | 状況 | 備考'],
    ['risk', '■ ToDo', 'No | 項目 | 担当者 | 期限 | ステータス | 備考'],
    ['risk', '■ Action Items', '# | Action | Owner | Due | Status | Notes'],
    ['wbs', '■ 宿題事項', 'No | 項目 | 担当者 | 期限 | ステータス | 備考'],
  ] as const)('minutes previewed as %s, the table under %s (%s): 課題', async (register, actions, head) => {
    const wb = minutes({ sheet: '第12回定例', decisions: '■ 決定事項', actions, actionHead: head.split(' | '), decisionRows });
    expect(await suggested(wb, register)).toBe('issue');
  });

  it('previewed as 課題, nothing else is offered', async () => {
    const wb = minutes({ sheet: '第12回定例', decisions: '■ 決定事項', actions: '■ 宿題事項', actionHead: ['No', '宿題内容', '担当', '期限', '状況', '備考'], decisionRows });
    expect(await suggested(wb, 'issue')).toBeNull();
  });

  it('a section titled for the chosen register keeps it (■ リスク over a risk table, previewed as risk)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('管理表');
    ws.getCell('A1').value = '■ リスク';
    ws.getRow(2).values = ['No', 'リスク内容', '発生確率', '影響度', '対応策', '担当', '状況'];
    ws.getRow(3).values = [1, '要員不足', '高', '中', '増員', '佐藤', '対応中'];
    ws.getRow(4).values = [2, 'ベンダー遅延', '中', '高', '週次確認', '鈴木', 'オープン'];
    expect(await suggested(wb, 'risk')).toBeNull();
  });
});
