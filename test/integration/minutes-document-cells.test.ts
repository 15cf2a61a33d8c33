// A 議事録 read as a document whose ToDo list is written in cells (review U17): a small table with a header
// (No | 内容 | 担当 | 期限, # | Action | Owner | Due, in any order), or rows of text | owner | due with no
// header. The header row is no action; each row's owner and due come from their own cells (a date cell or
// date text), a bare running number is dropped. And its 日時 in 和暦 or dd/mm/yyyy (review U18).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function document(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('議事録');
  rows.forEach((row, i) => row.forEach((v, k) => (ws.getCell(i + 1, k + 1).value = v === '' ? null : (v as never))));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function importDocument(rows: unknown[][]) {
  const ws = tempWorkspace();
  try {
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'p' });
    return await call('meeting.importForm', { projectId, fileName: '議事録.xlsx', dataBase64: await document(rows), dryRun: true });
  } finally {
    ws.close();
  }
}

const JA_HEAD = [['定例会議 議事録'], ['日時', '2025年4月3日（木）10:00～11:00'], ['場所', '第1会議室'], ['出席者', '佐藤、山田、鈴木'], [''], ['議題'], ['1. 進捗確認'], ['設計は予定どおり。'], ['']];
const EN_HEAD = [['Steering Committee – Minutes'], ['Date: 2025-04-03'], ['Location: Room 4'], ['Attendees: John Smith, Mary Jones'], [''], ['Agenda'], ['1. Status update'], ['']];
const JA_WANT = [
  { title: '仕様書を更新する', owner: '佐藤', due: '2025-04-10' },
  { title: '性能要件を確認する', owner: '鈴木', due: '2025-04-17' },
];
const EN_WANT = [
  { title: 'Send the revised plan', owner: 'John Smith', due: '2025-04-10' },
  { title: 'Update the risk log', owner: 'Mary Jones', due: '2025-04-15' },
];

describe('a ToDo list written in cells', () => {
  it.each([
    ['No | 内容 | 担当 | 期限, a date cell and date text', [...JA_HEAD, ['ToDo'], ['No', '内容', '担当', '期限'], [1, '仕様書を更新する', '佐藤', day('2025-04-10')], [2, '性能要件を確認する', '鈴木', '4/17']], JA_WANT],
    ['the header alone opens the list, columns in another order', [...JA_HEAD, ['担当者', '対応内容', '期日'], ['佐藤さん', '仕様書を更新する', '4月10日'], ['鈴木', '性能要件を確認する', '2025/04/17']], JA_WANT],
    ['text | owner | due with no header', [...JA_HEAD, ['宿題事項'], ['仕様書を更新する', '佐藤', '4/10'], ['性能要件を確認する', '鈴木', day('2025-04-17')]], JA_WANT],
    ['a running number, text | due | owner with no header', [...JA_HEAD, ['【宿題】'], ['1.', '仕様書を更新する', '4/10まで', '佐藤'], ['2.', '性能要件を確認する', '4/17', '鈴木']], JA_WANT],
    ['# | Action | Owner | Due', [...EN_HEAD, ['Action items'], ['#', 'Action', 'Owner', 'Due'], [1, 'Send the revised plan', 'John Smith', '10 Apr'], [2, 'Update the risk log', 'Mary Jones', day('2025-04-15')]], EN_WANT],
    ['Action | Owner | Due date without a heading above', [...EN_HEAD, ['Item', 'Who', 'Due date'], ['Send the revised plan', 'John Smith', '2025-04-10'], ['Update the risk log', 'Mary Jones', 'Apr 15']], EN_WANT],
  ] as const)('%s', async (_, rows, want) => {
    const out = await importDocument(rows as unknown as unknown[][]);
    expect(out.values.heldOn).toBe('2025-04-03');
    expect(out.actions.map((a) => ({ title: a.title, owner: a.owner, due: a.due }))).toEqual(want);
  });
});

describe('a 日時 the document writes in 和暦 or day first', () => {
  it.each([
    ['日時：令和7年4月3日（木）10時～11時', '2025-04-03', '10:00'],
    ['開催日：R7.4.3', '2025-04-03', undefined],
  ])('%s', async (line, heldOn, startsAt) => {
    const out = await importDocument([['議事録'], [line], ['場所：会議室B'], ['【宿題】'], ['・佐藤：見積を再提出（4月10日まで）']]);
    expect(out.values.heldOn).toBe(heldOn);
    if (startsAt) expect(out.values.startsAt).toBe(startsAt);
    expect(out.actions[0]).toMatchObject({ owner: '佐藤', due: '2025-04-10' });
  });

  it('Date: 03/04/2025 in minutes that write 10 Apr is 3 April', async () => {
    const out = await importDocument([['Minutes'], ['Date: 03/04/2025'], ['Time: 2:00pm - 3:30pm'], ['Location: Room 4'], ['Action items'], ['- John Smith to send revised plan by 10 Apr']]);
    expect(out.values).toMatchObject({ heldOn: '2025-04-03', startsAt: '14:00', endsAt: '15:30' });
    expect(out.actions[0]).toMatchObject({ owner: 'John Smith', due: '2025-04-10' });
  });
});
