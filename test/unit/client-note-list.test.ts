// A note that lists a column's words closes the column as a validation list does (client-lists noteListOf):
// the forms people write such notes in, and the notes that are no list of the column's words.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { noteListOf } from '../../electron/core/excel/import/client-lists.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

async function model(notes: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一覧');
  ws.addRow(['No', '区分', '内容']);
  ws.addRow([1, '課題', 'a']);
  ws.addRow([]);
  for (const n of notes) ws.addRow([n]);
  return readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
}
const USED = ['課題', '質問'];

describe('a note listing a column’s words', () => {
  it.each([
    ['※区分　課題／質問／要望', ['課題', '質問', '要望']],
    ['区分：課題・質問・要望', ['課題', '質問', '要望']],
    ['＊区分 = 課題、質問', ['課題', '質問']],
    ['区分: 課題 / 質問 / 要望 / 障害', ['課題', '質問', '要望', '障害']],
  ])('%s is the column’s list', async (note, words) => {
    expect(noteListOf(await model([note]), '一覧', '区分', USED)).toEqual(words);
  });

  it.each([
    ['a legend of codes', '※区分　A：課題　B：質問'],
    ['a list without a word the column uses', '※区分　課題／要望'],
    ['one word', '※区分　課題'],
    ['a sentence about the column', '※区分は課題／質問のいずれかを選ぶ'],
    ['another column’s note', '※優先度　高／中／低'],
  ])('%s is not', async (_why, note) => {
    expect(noteListOf(await model([note]), '一覧', '区分', USED)).toBeNull();
  });

  it('the header cell alone is no list', async () => {
    expect(noteListOf(await model([]), '一覧', '区分', USED)).toBeNull();
  });
});

describe('a note giving a status column’s stages in order', () => {
  it.each([
    ['状態：素案 → 確定 → 周知済', '状態', ['素案', '確定'], ['素案', '確定', '周知済']],
    ['※状態　起票⇒対応中⇒完了', '状態', ['起票', '完了'], ['起票', '対応中', '完了']],
    ['Status: Draft > In review > Signed off', 'Status', ['Draft', 'Signed off'], ['Draft', 'In review', 'Signed off']],
  ])('%s lists the stages in order', async (note, head, used, words) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('一覧');
    ws.addRow(['No', head]);
    ws.addRow([1, used[0]]);
    ws.addRow([]);
    ws.addRow([note]);
    const m = await readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(noteListOf(m, '一覧', head, used)).toEqual(words);
  });

  it('a sentence with arrows is no list', async () => {
    expect(noteListOf(await model(['区分：課題 → 質問 に変わったものは要望として起票し直すこと']), '一覧', '区分', USED)).toBeNull();
  });
});
