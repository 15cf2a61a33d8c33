// 議事録 written as a document (a Word-like sheet) read into a meeting with no form profile, and a form
// whose cells hold a label with their value or an action's owner and due in its text (blind set 7, M1/M2):
// the meeting's day, times, place and attendees, its agenda with notes, and its action items with owner
// and due date (the year from the meeting), in Japanese and English layouts.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { failure } from '../helpers/failure.js';
import type { FormLayout } from '../../electron/common/excel/form.js';

beforeAll(async () => {
  await buildReaderWorker();
});

/** A sheet of lines: each entry a row, its cells from column A (or B when `indent`). */
async function document(rows: (string | string[])[], sheetName = '議事録'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表紙').getCell('A1').value = '';
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    (Array.isArray(row) ? row : [row]).forEach((text, k) => (ws.getCell(i + 1, k + 1).value = text === '' ? null : text));
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function importDocument(dataBase64: string, dryRun = false) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: '基幹刷新' });
  const out = await call('meeting.importForm', { projectId, fileName: '議事録.xlsx', dataBase64, dryRun });
  return { out, call, projectId, close: () => ws.close() };
}

const JA_WORD = [
  '第3回 基幹刷新 定例会議 議事録',
  '',
  '日時：2025年4月3日（木）10:00～11:00',
  '場所：本社 5F 第1会議室',
  '出席者：A社 鈴木、A社 高橋、佐藤、山田',
  '記録者：山田',
  '',
  '1. 議題',
  '議題1：進捗確認',
  '設計工程は予定どおり。結合テストの準備に着手した。',
  '・画面設計は4/8に完了見込み',
  '議題2：課題の確認',
  '性能要件の確認が遅れている。',
  '',
  '2. 決定事項',
  '・本番切替日は5/6とする',
  '',
  '3. ToDo',
  '・佐藤：仕様書を更新する（4/10まで）',
  '・鈴木さん：性能要件を確認する（期限：4/17）',
  '・議事録を共有する',
];

describe('a 議事録 sheet written as a document, with no form', () => {
  it('gives the meeting, its agenda and decisions, and the ToDo bullets as actions (Japanese, labels in the line)', async () => {
    const { out, call, projectId, close } = await importDocument(await document(JA_WORD));
    expect(out.values).toMatchObject({
      title: '第3回 基幹刷新 定例会議 議事録',
      heldOn: '2025-04-03',
      startsAt: '10:00',
      endsAt: '11:00',
      place: '本社 5F 第1会議室',
      recorder: '山田',
      decisions: [{ text: '本番切替日は5/6とする', agendaIndex: null }],
    });
    expect(out.values.attendees!.map((a) => `${a.org} ${a.name}`.trim())).toEqual(['A社 鈴木', 'A社 高橋', '佐藤', '山田']);
    expect(out.values.agenda).toEqual([
      { title: '進捗確認', notes: '設計工程は予定どおり。結合テストの準備に着手した。\n・画面設計は4/8に完了見込み' },
      { title: '課題の確認', notes: '性能要件の確認が遅れている。' },
    ]);
    expect(out.actions).toEqual([
      { title: '仕様書を更新する', owner: '佐藤', due: '2025-04-10', status: null },
      { title: '性能要件を確認する', owner: '鈴木', due: '2025-04-17', status: null },
      { title: '議事録を共有する', owner: '', due: null, status: null },
    ]);
    // Stored: the meeting and its three actions in the action log, one undo step.
    expect(out.meeting!.actions.map((a) => [a.title, a.owner, a.due])).toEqual([
      ['仕様書を更新する', '佐藤', '2025-04-10'],
      ['性能要件を確認する', '鈴木', '2025-04-17'],
      ['議事録を共有する', '', null],
    ]);
    await call('history.undo', { projectId });
    expect(await call('meeting.list', { projectId })).toEqual([]);
    expect(await call('issue.list', { projectId })).toEqual([]);
    close();
  });

  it('reads labels in a cell of their own, 【】 headings and ToDo bullets under an agenda item', async () => {
    const rows: (string | string[])[] = [
      '議事録',
      ['会議名', '要件定義レビュー'],
      ['開催日時', '2025/4/3(木) 14:00-15:30'],
      ['場所', 'オンライン（Teams）'],
      ['参加者', '佐藤、鈴木'],
      '【議題】',
      '(1) 要件定義書レビュー',
      '指摘は12件。',
      '・佐藤：指摘を反映する（4/9まで）',
      '(2) 次回日程',
      '【決定事項】',
      '決定：次回は4/10',
    ];
    const { out, close } = await importDocument(await document(rows), true);
    expect(out.values).toMatchObject({ title: '要件定義レビュー', heldOn: '2025-04-03', startsAt: '14:00', endsAt: '15:30', place: 'オンライン（Teams）' });
    expect(out.values.attendees!.map((a) => a.name)).toEqual(['佐藤', '鈴木']);
    expect(out.values.agenda!.map((a) => a.title)).toEqual(['要件定義書レビュー', '次回日程']);
    expect(out.values.decisions!.map((d) => d.text)).toEqual(['次回は4/10']);
    expect(out.actions).toEqual([{ title: '指摘を反映する', owner: '佐藤', due: '2025-04-09', status: null }]);
    expect(out.meeting).toBeNull();
    close();
  });

  it('reads English minutes', async () => {
    const rows = [
      'Minutes — Steering Committee',
      'Date: 3 Apr 2025, 10:00–11:00',
      'Location: Room 5',
      'Attendees: J. Smith, Sato, Suzuki',
      'Agenda',
      '1. Progress',
      'Design is on track.',
      'Decisions',
      '- Go-live on May 6',
      'Action items',
      '- Action: update spec — Sato, by Apr 10',
      '- Suzuki to confirm the performance targets by 4/17',
    ];
    const { out, close } = await importDocument(await document(rows, 'Minutes'), true);
    expect(out.values).toMatchObject({ title: 'Minutes — Steering Committee', heldOn: '2025-04-03', startsAt: '10:00', endsAt: '11:00', place: 'Room 5' });
    expect(out.values.attendees!.map((a) => a.name)).toEqual(['Smith', 'Sato', 'Suzuki']);
    expect(out.values.agenda).toEqual([{ title: 'Progress', notes: 'Design is on track.' }]);
    expect(out.values.decisions!.map((d) => d.text)).toEqual(['Go-live on May 6']);
    expect(out.actions).toEqual([
      { title: 'update spec', owner: 'Sato', due: '2025-04-10', status: null },
      { title: 'confirm the performance targets', owner: 'Suzuki', due: '2025-04-17', status: null },
    ]);
    close();
  });

  it('refuses a workbook that holds no minutes, naming the file, and stores nothing', async () => {
    const rows: string[][] = [['No.', 'タスク', '担当', '開始日'], ['1', '要件定義', '佐藤', '2025/4/1'], ['2', '設計', '鈴木', '2025/4/8']];
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const err = await failure(call('meeting.importForm', { projectId, fileName: 'WBS.xlsx', dataBase64: await document(rows, 'WBS') }));
    expect(err.message).toMatch(/WBS\.xlsx holds no minutes/);
    expect(await call('meeting.list', { projectId })).toEqual([]);
    ws.close();
  });
});

describe('a form whose cells hold their label or an action\'s owner and due', () => {
  it('reads 日時：… with its times, 出席者：… as attendees, and ・佐藤：…（4/10まで） as owner, action and due', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('議事録');
    sheet.getCell('A1').value = '議事録';
    sheet.getCell('A3').value = '日時：';
    sheet.getCell('A4').value = '場所：';
    sheet.getCell('A5').value = '出席者：';
    sheet.getCell('A7').value = 'ToDo';
    const template = Buffer.from(await wb.xlsx.writeBuffer());
    const form: FormLayout = {
      sheet: '議事録',
      cells: [
        { field: 'heldOn', ref: 'A3' },
        { field: 'place', ref: 'A4' },
        { field: 'attendees', ref: 'A5' },
      ],
      blocks: [{ list: 'actions', firstRow: 8, lastRow: 10, columns: [{ field: 'title', column: 'A' }] }],
    };
    const ws0 = tempWorkspace();
    const call = inProcessCaller(ws0);
    const { id: p } = await call('project.create', { name: 'P' });
    const profile = await call('profile.createForm', { name: '文書型', fileName: 'form.xlsx', dataBase64: template.toString('base64'), form });
    sheet.getCell('A3').value = '日時：2025年4月3日（木）10:00～11:00';
    sheet.getCell('A4').value = '場所：第1会議室';
    sheet.getCell('A5').value = '出席者（敬称略）：佐藤、鈴木';
    sheet.getCell('A8').value = '・佐藤：仕様書を更新する（4/10まで）';
    sheet.getCell('A9').value = 'Action: update spec — Sato, by Apr 10';
    sheet.getCell('A10').value = '・議事録を共有する';
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const out = await call('meeting.importForm', { projectId: p, profileId: profile.id, fileName: 'x.xlsx', dataBase64: filled, dryRun: true });
    expect(out.problems).toEqual([]);
    expect(out.values).toMatchObject({ heldOn: '2025-04-03', startsAt: '10:00', endsAt: '11:00', place: '第1会議室' });
    expect(out.values.attendees!.map((a) => a.name)).toEqual(['佐藤', '鈴木']);
    expect(out.actions).toEqual([
      { title: '仕様書を更新する', owner: '佐藤', due: '2025-04-10', status: null },
      { title: 'update spec', owner: 'Sato', due: '2025-04-10', status: null },
      { title: '・議事録を共有する', owner: '', due: null, status: null },
    ]);
    ws0.close();
  });
});
