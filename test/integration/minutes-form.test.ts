// A client's 議事録 form as a form profile: cells picked by address or defined name, and repeating
// blocks. A meeting exported into it fills those cells only (the client's labels, logo text and
// footer stay), a block with more items than the form has rows grows and moves what is under it; a
// filled-in form reads back into a new meeting with its actions in the action log, as one undo step.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { failure } from '../helpers/failure.js';
import type { FormLayout } from '../../electron/common/excel/form.js';

beforeAll(async () => {
  await buildReaderWorker();
});

/** A blank 議事録 form as a client keeps it: labels in A, values to fill in B, two blocks, a footer. */
async function clientForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('議事録');
  ws.getCell('A1').value = '議 事 録';
  ws.getCell('A1').font = { size: 16, bold: true };
  const labels: [string, string][] = [
    ['A3', '会議名'],
    ['A4', '日時'],
    ['A5', '場所'],
    ['A6', '出席者（顧客）'],
    ['A7', '出席者（当社）'],
    ['A9', '決定事項'],
    ['A15', '宿題'],
  ];
  for (const [ref, text] of labels) ws.getCell(ref).value = text;
  ws.getCell('C4').value = '時間';
  // Decisions: rows 10–13, numbered by the form; actions: rows 16–18 (No, 内容, 担当, 期限, 状況).
  for (let i = 0; i < 4; i++) ws.getCell(10 + i, 1).value = i + 1;
  ws.getCell('B15').value = '内容';
  ws.getCell('C15').value = '担当';
  ws.getCell('D15').value = '期限';
  ws.getCell('E15').value = '状況';
  for (let r = 16; r <= 18; r++) ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
  ws.getCell('A20').value = '以上';
  wb.definedNames.add("'議事録'!$B$5", '場所');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FORM: FormLayout = {
  sheet: '議事録',
  cells: [
    { field: 'title', ref: 'B3' },
    { field: 'heldOn', ref: 'B4' },
    { field: 'time', ref: 'D4' },
    { field: 'place', ref: '場所' },
    { field: 'attendeesClient', ref: 'B6' },
    { field: 'attendeesOurs', ref: 'B7' },
  ],
  blocks: [
    { list: 'decisions', firstRow: 10, lastRow: 13, columns: [{ field: 'text', column: 'B' }] },
    {
      list: 'actions',
      firstRow: 16,
      lastRow: 18,
      columns: [
        { field: 'title', column: 'B' },
        { field: 'owner', column: 'C' },
        { field: 'due', column: 'D' },
        { field: 'status', column: 'E' },
      ],
    },
  ],
};

async function setup(): Promise<{ call: Call; p: number; close: () => void; profileId: number; template: Buffer }> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: p } = await call('project.create', { name: '基幹刷新' });
  const template = await clientForm();
  const profile = await call('profile.createForm', { name: 'A社 議事録', fileName: 'A社_議事録.xlsx', dataBase64: template.toString('base64'), form: FORM });
  expect(profile).toMatchObject({ kind: 'form', register: 'minutes', sheet: '議事録' });
  return { call, p, close: () => ws.close(), profileId: profile.id, template };
}

async function read(b64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  return wb.getWorksheet('議事録')!;
}

describe('minutes through a client form', () => {
  it('exports into the picked cells and blocks; a full block grows and moves the footer down', async () => {
    const { call, p, close, profileId } = await setup();
    const m = await call('meeting.create', {
      projectId: p,
      values: {
        title: '第5回 定例会議',
        heldOn: '2025-04-08',
        startsAt: '10:00',
        endsAt: '11:00',
        place: '本社 3F 会議室',
        attendees: [
          { name: '鈴木', org: 'A社', role: '', side: 'client', present: true },
          { name: '山田', org: '', role: 'PM', side: 'ours', present: true },
        ],
        decisions: ['A', 'B', 'C', 'D', 'E', 'F'].map((t) => ({ text: `決定${t}`, agendaIndex: null })),
      },
    });
    await call('issue.create', { projectId: p, values: { kind: 'action', title: '議事録の回覧', owner: '山田', due: '2025-04-10', meetingId: m.id } });
    const out = await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id, profileId });
    expect(out.fileName).toBe('議事録_20250408_第5回 定例会議.xlsx');
    const ws = await read(out.dataBase64);
    expect(ws.getCell('A1').value).toBe('議 事 録');
    expect(ws.getCell('B3').value).toBe('第5回 定例会議');
    expect(ws.getCell('B4').value).toEqual(new Date('2025-04-08T00:00:00Z'));
    expect(ws.getCell('D4').value).toBe('10:00〜11:00');
    expect(ws.getCell('B5').value).toBe('本社 3F 会議室'); // through the defined name 場所
    expect(ws.getCell('B6').value).toBe('A社 鈴木');
    expect(ws.getCell('B7').value).toBe('山田');
    // Six decisions in a four-row block: two rows were inserted under it (the blank line between the
    // blocks stays), and everything under it moved down two.
    expect([10, 11, 12, 13, 14, 15].map((r) => ws.getCell(r, 2).value)).toEqual(['決定A', '決定B', '決定C', '決定D', '決定E', '決定F']);
    expect(ws.getCell('A16').value).toBeNull();
    expect(ws.getCell('A17').value).toBe('宿題');
    expect(ws.getCell('B18').value).toBe('議事録の回覧');
    expect(ws.getCell('D18').value).toEqual(new Date('2025-04-10T00:00:00Z'));
    expect(ws.getCell('E18').value).toBe('未着手');
    expect(ws.getCell('A22').value).toBe('以上');

    // The exported form reads back as the same meeting, though its blocks moved.
    const back = await call('meeting.importForm', { projectId: p, profileId, fileName: out.fileName, dataBase64: out.dataBase64, dryRun: true });
    expect(back.problems).toEqual([]);
    expect(back.values).toMatchObject({ title: m.title, heldOn: m.heldOn, startsAt: '10:00', endsAt: '11:00', place: m.place, decisions: m.decisions });
    expect(back.actions).toEqual([{ title: '議事録の回覧', owner: '山田', due: '2025-04-10', status: 'not_started' }]);
    close();
  });

  it('reads a filled-in form back: a dry run writes nothing; the import is one meeting with its actions, one undo step', async () => {
    const { call, p, close, profileId, template } = await setup();
    // The client filled the form in by hand.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('議事録')!;
    ws.getCell('B3').value = '第6回 定例会議';
    ws.getCell('B4').value = '2025/4/15';
    ws.getCell('D4').value = '14時〜15時30分';
    ws.getCell('B5').value = 'オンライン（Teams）';
    ws.getCell('B6').value = 'A社 鈴木、A社 高橋';
    ws.getCell('B7').value = '山田';
    ws.getCell('B10').value = '本番切替日は5/6とする';
    ws.getCell('B11').value = '移行リハーサルを2回実施する';
    ws.getCell('B16').value = '切替手順書の作成';
    ws.getCell('C16').value = '山田';
    ws.getCell('D16').value = new Date(Date.UTC(2025, 3, 25));
    ws.getCell('E16').value = '対応中';
    ws.getCell('B17').value = 'リハーサル日程の調整';
    ws.getCell('C17').value = '鈴木';
    ws.getCell('D17').value = '4月31日';
    ws.getCell('B18').value = 'あ'.repeat(600); // longer than an action title takes (500)
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

    const dry = await call('meeting.importForm', { projectId: p, profileId, fileName: '議事録_第6回.xlsx', dataBase64: filled, dryRun: true });
    expect(dry.meeting).toBeNull();
    expect(await call('meeting.list', { projectId: p })).toEqual([]);
    expect(dry.values).toMatchObject({
      title: '第6回 定例会議',
      heldOn: '2025-04-15',
      startsAt: '14:00',
      endsAt: '15:30',
      place: 'オンライン（Teams）',
      decisions: [
        { text: '本番切替日は5/6とする', agendaIndex: null },
        { text: '移行リハーサルを2回実施する', agendaIndex: null },
      ],
    });
    expect(dry.values.attendees!.map((a) => [a.org, a.name, a.side, a.present])).toEqual([
      ['A社', '鈴木', 'client', true],
      ['A社', '高橋', 'client', true],
      ['', '山田', 'ours', true],
    ]);
    expect(dry.actions).toEqual([
      { title: '切替手順書の作成', owner: '山田', due: '2025-04-25', status: 'in_progress' },
      { title: 'リハーサル日程の調整', owner: '鈴木', due: null, status: null },
    ]);
    expect(dry.problems.map((x) => `${x.sheet}!${x.cell}: ${x.reason}`)).toEqual([
      expect.stringMatching(/^議事録!D17: 4月31日 is not/),
      expect.stringMatching(/^議事録!B18: あ+…: must be at most 500 characters$/),
    ]);
    expect(dry.problems[0]!.kind).toBe('date');
    // No 種別 cell on this form: the meeting takes the list's first kind, as a new meeting does.
    expect(dry.values.kind).toBe('regular');

    const done = await call('meeting.importForm', { projectId: p, profileId, fileName: '議事録_第6回.xlsx', dataBase64: filled });
    expect(done.meeting).toMatchObject({ title: '第6回 定例会議', heldOn: '2025-04-15' });
    expect(done.meeting!.actions.map((a) => [a.title, a.kind, a.owner, a.status])).toEqual([
      ['切替手順書の作成', 'action', '山田', 'in_progress'],
      ['リハーサル日程の調整', 'action', '鈴木', 'not_started'],
    ]);
    expect((await call('issue.list', { projectId: p })).length).toBe(2);
    await call('history.undo', { projectId: p });
    expect(await call('meeting.list', { projectId: p })).toEqual([]);
    expect(await call('issue.list', { projectId: p })).toEqual([]);
    close();
  });

  it('reads back an exported form whose block grew: the cells and names under it moved with it', async () => {
    const ws0 = tempWorkspace();
    const call = inProcessCaller(ws0);
    const { id: p } = await call('project.create', { name: 'P' });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('議事録');
    sheet.getCell('A1').value = '議事録';
    sheet.getCell('A9').value = '決定事項';
    for (let i = 0; i < 4; i++) sheet.getCell(10 + i, 1).value = i + 1;
    sheet.getCell('A16').value = '場所'; // under the decisions block, no block label between
    sheet.getCell('A18').value = '次回';
    wb.definedNames.add("'議事録'!$B$18", '次回予定');
    const template = Buffer.from(await wb.xlsx.writeBuffer());
    const form: FormLayout = {
      sheet: '議事録',
      cells: [
        { field: 'place', ref: 'B16' },
        { field: 'nextMeeting', ref: '次回予定' },
      ],
      blocks: [{ list: 'decisions', firstRow: 10, lastRow: 13, columns: [{ field: 'text', column: 'B' }] }],
    };
    const { id: profileId } = await call('profile.createForm', { name: 'F', fileName: 'f.xlsx', dataBase64: template.toString('base64'), form });
    const decisions = Array.from({ length: 7 }, (_, i) => ({ text: `決定${i + 1}`, agendaIndex: null }));
    const m = await call('meeting.create', { projectId: p, values: { title: 't', place: '本社', nextMeeting: '4/15 10:00', decisions } });
    const out = await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id, profileId });
    const back = await call('meeting.importForm', { projectId: p, profileId, fileName: out.fileName, dataBase64: out.dataBase64, dryRun: true });
    expect(back.values).toMatchObject({ place: '本社', nextMeeting: '4/15 10:00', decisions });
    ws0.close();
  });

  it('refuses a form that names a missing sheet or name, and a table profile for minutes', async () => {
    const { call, p, close, template } = await setup();
    const b64 = template.toString('base64');
    expect(await failure(call('profile.createForm', { name: 'x', fileName: 'f.xlsx', dataBase64: b64, form: { ...FORM, sheet: 'Sheet9' } }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'form.sheet' }],
    });
    expect(
      await failure(call('profile.createForm', { name: 'x', fileName: 'f.xlsx', dataBase64: b64, form: { ...FORM, cells: [{ field: 'title', ref: '会議名セル' }] } })),
    ).toMatchObject({ code: 'VALIDATION', details: [{ field: 'form.cells.0.ref' }] });
    const overlapping = { ...FORM, blocks: [FORM.blocks[0]!, { ...FORM.blocks[1]!, firstRow: 12, lastRow: 18 }] };
    expect(await failure(call('profile.createForm', { name: 'x', fileName: 'f.xlsx', dataBase64: b64, form: overlapping }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'form.blocks.1.firstRow' }],
    });
    const preview = await call('excel.sheetPreview', { fileName: 'f.xlsx', dataBase64: b64 });
    expect(preview.sheets[0]!.rows.find((r) => r.r === 3)!.cells).toEqual([{ c: 0, text: '会議名' }]);
    expect(preview.names).toEqual([{ name: '場所', sheet: '議事録', ref: 'B5' }]);
    // A CSV previews as its one sheet, with no names (it was an internal error).
    const csv = await call('excel.sheetPreview', { fileName: 'a.csv', dataBase64: Buffer.from('会議名,定例\n日時,2025/4/8\n').toString('base64') });
    expect(csv.names).toEqual([]);
    expect(csv.sheets[0]!.rows[0]!.cells).toEqual([{ c: 0, text: '会議名' }, { c: 1, text: '定例' }]);
    close();
    void p;
  });

  it('draws a date cell as the app shows dates (yyyy/mm/dd), not as its ISO text', async () => {
    const { call, close } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('予定');
    ws.addRows([['開催日', new Date(Date.UTC(2025, 3, 8))], ['期限', '2025-04-08']]);
    ws.getCell('B1').numFmt = 'yyyy/m/d';
    const preview = await call('excel.sheetPreview', { fileName: 'd.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    const text = (r: number) => preview.sheets[0]!.rows.find((row) => row.r === r)!.cells[1]!.text;
    expect(text(1)).toBe('2025/04/08');
    // A text cell is drawn as written, whatever it looks like.
    expect(text(2)).toBe('2025-04-08');
    close();
  });
});
